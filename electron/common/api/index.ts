/** The API contract in one import: schemas, types, envelope helpers, client, voxel paths. */
export * from './apiEnvelope';
export * from './vocabularySchemas';
export * from './worklistSchemas';
export * from './importSchemas';
export * from './volumeSchemas';
export * from './voxelPaths';
export * from './reviewSchemas';
export * from './planReviewSchemas';
export * from './predictionSchemas';
export * from './committeeSchemas';
export * from './appInfoSchemas';
export * from './eventSchemas';
export * from './contract';
export * from './validateCallInput';
export * from './dispatchCall';
export * from './createApiClient';
export * from './rtqaBridge';
