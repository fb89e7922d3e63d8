/**
 * Plausible volumes per TG-263 organ (without laterality/PRV), cc. Roughly ¼× to 3× the published mean
 * volume (reference §6.3: PDDCA/PMCC means, S77–S80); wide on purpose because contouring extent varies
 * (cord length, constrictor split). Eye: ≈ 7 cc adult globe (A, standard anatomy). A volume outside the
 * range does not reject a name; it asks a person to confirm it.
 */
export const ORGAN_VOLUME_RANGE_CC: Readonly<Record<string, readonly [number, number]>> = {
  Parotid: [6, 100], // mean 28.9–33.0
  Parotids: [12, 200],
  Glnd_Submand: [1.5, 30], // mean 7.4–9.6
  Brainstem: [8, 70], // mean 25.2–26.6
  Bone_Mandible: [15, 220], // mean 55.1–73.6
  Cavity_Oral: [25, 350], // mean 108.7
  SpinalCord: [2, 80], // mean 25.2, length-dependent
  OpticChiasm: [0.1, 3], // mean 0.58
  OpticNrv: [0.1, 3], // mean 0.61–1.0
  Cochlea: [0.01, 1.5], // 0.11 ± 0.07 (0.03–0.36), PMCC 0.33–0.36
  Ear_Internal: [0.4, 9], // 2.80 ± 1.0
  Pituitary: [0.05, 2], // 0.38 ± 0.20
  Lens: [0.05, 1.2], // 0.33–0.34
  BrachialPlex: [1, 40], // 8.8–9.0
  Larynx: [8, 110], // 34.4 ± 9.9
  Musc_Constrict: [4, 80], // ≈ 22 baseline, +54 % by fx 35
  Eye: [3, 15],
  Brain: [800, 2200], // 1343
};

/**
 * Cranio-caudal order that holds for centroids in every head-and-neck anatomy (reference §6.4): the first
 * organ's centroid lies superior (+z, patient LPS) to the second's. Pairs of paired organs compare the
 * same side.
 */
export const SUPERIOR_TO: readonly (readonly [string, string])[] = [
  ['Brainstem', 'SpinalCord'],
  ['OpticChiasm', 'SpinalCord'],
  ['Brain', 'Brainstem'],
  ['Eye', 'Bone_Mandible'],
  ['Parotid', 'Glnd_Submand'],
  ['Bone_Mandible', 'Larynx'],
  ['Cavity_Oral', 'Larynx'],
  ['Musc_Constrict_S', 'Musc_Constrict_I'],
  ['Larynx', 'Esophagus'],
];

/** |x − midline| below which a centroid's side is not judged, mm (organs near the midline, contour noise). */
export const MIDLINE_TOLERANCE_MM = 3;
