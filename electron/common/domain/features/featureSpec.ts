/**
 * The feature contract shared by training (`rtqa features`, read by native-models/) and inference
 * (electron/node/inference). Changing anything here changes the models' inputs: bump the version,
 * re-export the features and retrain. Python reads the same numbers from the exported spec.json.
 */
export const FEATURE_SPEC_VERSION = 'rtqa-features-3';

/**
 * Organ (and target) vocabulary of the learned organ embedding; TG-263 names as the name mapping
 * (electron/common/domain/naming) writes them. Index 0 collects every other structure.
 */
export const ORGAN_VOCABULARY: readonly string[] = [
  'OTHER',
  'PTV_High', 'PTV_Mid', 'PTV_Low', 'CTV_High', 'CTV_Mid', 'CTV_Low', 'GTV',
  'Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R',
  'Cavity_Oral', 'Musc_Constrict_S', 'Musc_Constrict_M', 'Musc_Constrict_I',
  'Larynx', 'Larynx_SG', 'Glottis', 'Esophagus', 'SpinalCord', 'Brainstem', 'Bone_Mandible',
  'OpticChiasm', 'OpticNrv_L', 'OpticNrv_R', 'Cochlea_L', 'Cochlea_R', 'Lips', 'Glnd_Thyroid', 'BrachialPlex_L',
  'BrachialPlex_R', 'Eye_L', 'Eye_R', 'Lens_L', 'Lens_R',
];

/** Structures that are never instances: the body outline describes the patient, not an organ at risk. */
export const EXCLUDED_STRUCTURES: readonly string[] = ['External', 'BODY', 'Body', 'Skin'];

/** Reference dose that scales every dose feature to order 1 (the 70 Gy high-risk level of SIB 70/63/56). */
export const DOSE_SCALE_GY = 70;

/** Cumulative-DVH sample doses, Gy: the instance carries V(d)/V for each. */
export const DVH_SAMPLE_DOSES_GY: readonly number[] = Array.from({ length: 17 }, (_, i) => i * 5);

/** Dose metrics per instance, each divided by DOSE_SCALE_GY. */
export const DOSE_METRIC_NAMES: readonly string[] = ['Dmean', 'Dmax', 'Dmin', 'D95%', 'D2%'];

/** Constraint margins are clipped to this range (fraction of the limit); positive = inside the limit. */
export const MARGIN_CLIP = 2;

/** Names of the per-instance numeric features, in order (organ index is a separate integer input). */
export const INSTANCE_FEATURE_NAMES: readonly string[] = [
  ...DVH_SAMPLE_DOSES_GY.map((d) => `V${d}Gy_fraction`),
  ...DOSE_METRIC_NAMES.map((m) => `${m}_per70Gy`),
  'log10VolumeCc_per3',
  'worstMarginPerProtocol',
  'worstMarginMinor',
  'hasConstraint',
  'missingFromPlan',
];

/** Names of the patient-level clinical features, in order. */
export const CLINICAL_FEATURE_NAMES: readonly string[] = [
  'age_per100y',
  'sexMale',
  'baselineXerostomiaCat2',
  'baselineXerostomiaCat3plus',
  'baselineDysphagiaG2',
  'baselineDysphagiaG3plus',
  'locationPharynx',
  'locationLarynx',
  'tStage3or4',
  'hpvPositive',
  'tumourSideLeft',
  'prescription_per70Gy',
  'fractions_per35',
  'particleTherapy',
  'planCheckMinor',
  'planCheckMajor',
];

/** Spatial patches: cubes of PATCH_SIZE voxels on the dose grid, one channel per entry of PATCH_CHANNELS. */
export const PATCH_SIZE_VOXELS = 8;
/** Most patches per patient: the organ-anchored patches first, then the highest-dose tiles inside the body. */
export const MAX_PATCHES = 32;

/**
 * Organs that anchor patches. Each gets two cubes, centred on the centroid of its cranial and of its caudal
 * half (split at the organ's mid-height), because toxicity depends on where in an organ the dose falls, not
 * only on its mean: the parotid's cranial "stem-cell" region (reference §4.2, van Luijk et al. 2015) and the
 * superior constrictor's cranial part. A fixed anchor per patch lets the model compare like with like.
 */
export const PATCH_ANCHOR_ORGANS: readonly string[] = [
  'Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R', 'Cavity_Oral',
  'Musc_Constrict_S', 'Musc_Constrict_M', 'Musc_Constrict_I', 'Larynx_SG', 'Glottis', 'Esophagus', 'SpinalCord', 'PTV_High',
];
export const PATCH_ANCHOR_HALVES: readonly ('cranial' | 'caudal')[] = ['cranial', 'caudal'];
/** Anchor vocabulary of the patchAnchors input: 0 = a dose tile with no anchor, then organ × half. */
export const PATCH_ANCHOR_NAMES: readonly string[] = [
  'none', ...PATCH_ANCHOR_ORGANS.flatMap((organ) => PATCH_ANCHOR_HALVES.map((half) => `${organ}:${half}`)),
];

/** Index in PATCH_ANCHOR_NAMES of an organ's half (organ must be in PATCH_ANCHOR_ORGANS). */
export function patchAnchorIndex(organ: string, half: 'cranial' | 'caudal'): number {
  return PATCH_ANCHOR_NAMES.indexOf(`${organ}:${half}`);
}

/**
 * Patch channels. `anchorMask` is the anchoring organ's voxels in the anchored half (the cranial cube sees the
 * organ's cranial half only, so its mask-weighted dose is that sub-region's mean dose; zeros in an unanchored
 * tile); the other mask channels are unions of the listed organs (TG-263 names).
 */
export const PATCH_CHANNELS: readonly { name: string; organs?: readonly string[] }[] = [
  { name: 'ct_per1000HU' },
  { name: 'dose_per70Gy' },
  { name: 'anchorMask' },
  { name: 'salivaryMask', organs: ['Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R'] },
  { name: 'swallowingMask', organs: ['Cavity_Oral', 'Musc_Constrict_S', 'Musc_Constrict_M', 'Musc_Constrict_I', 'Larynx', 'Larynx_SG', 'Glottis', 'Esophagus'] },
  { name: 'targetMask', organs: ['PTV_High', 'PTV_Mid', 'PTV_Low', 'CTV_High', 'CTV_Mid', 'CTV_Low', 'GTV'] },
  { name: 'neuralMask', organs: ['SpinalCord', 'Brainstem', 'OpticChiasm', 'OpticNrv_L', 'OpticNrv_R'] },
];
/** First channel that is an organ-group union mask (after CT, dose and the anchor mask). */
export const FIRST_GROUP_MASK_CHANNEL = 3;

/** Model outputs (heads), in the order of the probability output; local control is a separate risk output. */
export const BINARY_HEADS: readonly string[] = ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2'];
export const ALL_HEADS: readonly string[] = [...BINARY_HEADS, 'localControl'];

/** Index of a TG-263 name in ORGAN_VOCABULARY (0 = OTHER). */
export function organIndexOf(tg263Name: string): number {
  const index = ORGAN_VOCABULARY.indexOf(tg263Name);
  return index < 0 ? 0 : index;
}

/** The whole spec as plain data, written next to exported features so Python reads the same contract. */
export function featureSpecAsJson(): Record<string, unknown> {
  return {
    version: FEATURE_SPEC_VERSION, organVocabulary: ORGAN_VOCABULARY, doseScaleGy: DOSE_SCALE_GY,
    dvhSampleDosesGy: DVH_SAMPLE_DOSES_GY, doseMetricNames: DOSE_METRIC_NAMES, instanceFeatureNames: INSTANCE_FEATURE_NAMES,
    clinicalFeatureNames: CLINICAL_FEATURE_NAMES, patchSizeVoxels: PATCH_SIZE_VOXELS, maxPatches: MAX_PATCHES,
    patchChannels: PATCH_CHANNELS.map((c) => c.name), patchAnchorNames: PATCH_ANCHOR_NAMES, binaryHeads: BINARY_HEADS, allHeads: ALL_HEADS,
  };
}

/** DVH samples per structure for features (fewer than the review DVH: features need 1 % not 0.1 %). */
export const FEATURE_DVH_TARGET_SAMPLES = 8000;
