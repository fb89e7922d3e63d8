/**
 * Version of the DVH engine, stored with every result so that metrics computed by different engine versions
 * are never mixed silently. Bump on any change that can move a number.
 */
export const DVH_ENGINE_VERSION = 'rtqa-dvh 1.0.0 (slab convention, scanline supersampling, trilinear dose)';
