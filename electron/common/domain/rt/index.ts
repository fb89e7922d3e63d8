export * from './geometry';
export * from './rtTypes';
