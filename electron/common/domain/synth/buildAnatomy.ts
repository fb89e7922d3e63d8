import type { RoiInterpretedType, Vec3 } from '../rt';
import type { SeededRandom } from './seededRandom';
import type { Shape, TubeKey } from './shapes';

/**
 * One synthetic head-and-neck patient as analytic shapes, patient LPS mm (+x = patient's left,
 * +y posterior, +z superior; z = 0 near the hyoid). Volumes follow reference §6.3 (parotid ≈ 29 cc,
 * brainstem ≈ 26 cc, SMG ≈ 8 cc, oral cavity ≈ 100 cc, lens ≈ 0.2 cc, cochlea ≈ 0.1 cc), cranio-caudal
 * order §6.4. Patient-to-patient variation: global body scales (±5 %), per-organ volume (±12 %) and
 * position jitter (±2 mm).
 */
export type TumourSite = 'oropharynx' | 'larynx' | 'oral_cavity';

export interface AnatomyStructure {
  /** TG-263 name */
  readonly name: string;
  readonly interpretedType: RoiInterpretedType;
  readonly colorRgb: Vec3;
  readonly shape: Shape;
}

/** A dose level's targets: role from the protocol (PTV_High …), prescribed dose, TG-263 names. */
export interface TargetLevel {
  readonly role: string;
  readonly doseGy: number;
  readonly ptvName: string;
  readonly ctvName: string;
}

/** A CT-only tissue (not contoured), painted in order over the body. */
export interface Tissue {
  readonly shape: Shape;
  readonly hu: number;
}

export interface Anatomy {
  readonly structures: readonly AnatomyStructure[];
  readonly tissues: readonly Tissue[];
  readonly targetLevels: readonly TargetLevel[];
  /** +1 tumour on the patient's left, −1 right */
  readonly tumourSide: 1 | -1;
}

export interface AnatomyOptions {
  readonly site: TumourSite;
  readonly tStage: 1 | 2 | 3 | 4;
  readonly tumourSide: 1 | -1;
  /** dose levels of the schedule, highest first, with their protocol roles */
  readonly doseLevels: readonly { role: string; doseGy: number }[];
  /** post-operative: no gross tumour, the high-dose target is the tumour bed */
  readonly postOperative: boolean;
}

const COLOURS: Record<string, Vec3> = {
  External: [0, 255, 0], SpinalCord: [255, 255, 0], Brainstem: [255, 128, 0], Parotid_L: [0, 128, 255], Parotid_R: [0, 200, 255],
  Glnd_Submand_L: [128, 0, 255], Glnd_Submand_R: [180, 90, 255], Cavity_Oral: [255, 150, 150], Musc_Constrict_S: [200, 80, 80],
  Musc_Constrict_M: [170, 60, 60], Musc_Constrict_I: [140, 40, 40], Larynx_SG: [90, 200, 90], Glottis: [60, 160, 60],
  Bone_Mandible: [230, 230, 200], Cochlea_L: [255, 0, 255], Cochlea_R: [255, 80, 255], OpticNrv_L: [255, 220, 0],
  OpticNrv_R: [240, 200, 0], OpticChiasm: [255, 180, 0], Lens_L: [0, 255, 255], Lens_R: [0, 230, 230], Eye_L: [150, 200, 255],
  Eye_R: [130, 180, 240], Esophagus: [160, 120, 60], Glnd_Thyroid: [120, 60, 160], BrachialPlex_L: [0, 160, 160],
  BrachialPlex_R: [0, 120, 120], GTVp: [255, 0, 0],
};
const TARGET_COLOURS: Vec3[] = [[255, 0, 0], [255, 100, 0], [255, 200, 0]];

export function buildAnatomy(rng: SeededRandom, options: AnatomyOptions): Anatomy {
  const sx = rng.normal(1, 0.05), sy = rng.normal(1, 0.05), sz = rng.normal(1, 0.04);
  const jitter = () => rng.normal(0, 2);
  const volumeScale = () => Math.cbrt(Math.max(0.7, rng.normal(1, 0.12)));
  const key = (z: number, cx: number, cy: number, rx: number, ry: number): TubeKey =>
    ({ zMm: z * sz, cxMm: cx * sx, cyMm: cy * sy, rxMm: rx * sx, ryMm: ry * sy });
  const ellipsoid = (c: Vec3, r: Vec3, yawRad = 0): Shape => {
    const f = volumeScale();
    return { kind: 'ellipsoid', centreMm: [c[0] * sx + jitter(), c[1] * sy + jitter(), c[2] * sz + jitter()], radiiMm: [r[0] * f * sx, r[1] * f * sy, r[2] * f * sz], yawRad };
  };
  const pair = (make: (side: 1 | -1) => Shape): [Shape, Shape] => [make(1), make(-1)];

  const body: Shape = {
    kind: 'tube', exponent: 2.4, keys: [
      key(200, 0, 5, 66, 84), key(150, 0, 0, 75, 96), key(110, 0, -5, 73, 101), key(70, 0, -5, 70, 96), key(40, 0, -10, 64, 90),
      key(10, 0, -2, 59, 76), key(-20, 0, 8, 55, 62), key(-70, 0, 14, 62, 63), key(-110, 0, 20, 118, 80), key(-150, 0, 25, 162, 95),
      key(-205, 0, 30, 172, 104),
    ].reverse(), // keys ascend in z
  };
  const cordKeys = [key(-205, 0, 56, 5, 4.5), key(-100, 0, 48, 5, 4.5), key(0, 0, 38, 5.2, 4.6), key(56, 0, 26, 5.5, 5)];
  const airwayKeys = [key(-205, 0, 2, 9, 8), key(-40, 0, -14, 9, 8), key(-15, 0, -20, 7, 6), key(10, 0, -8, 10, 8), key(40, 0, 4, 11, 8), key(95, 0, 2, 13, 9)];
  const pcm = (zLow: number, zHigh: number): Shape => ({
    kind: 'shell', thicknessMm: 5, fromRad: -0.35, toRad: Math.PI + 0.35,
    keys: [zLow, zHigh].map((z) => {
      const k = airwayKeys.find((_, i) => i > 0 && airwayKeys[i].zMm >= z * sz) ?? airwayKeys[airwayKeys.length - 1];
      return { zMm: z * sz, cxMm: k.cxMm, cyMm: k.cyMm + 1, rxMm: k.rxMm + 5, ryMm: k.ryMm + 5 };
    }),
  });
  const nerve = (side: 1 | -1): Shape => {
    const eye: Vec3 = [side * 29, -66, 118], chiasm: Vec3 = [side * 3, -22, 112];
    const dx = eye[0] - chiasm[0], dy = eye[1] - chiasm[1];
    const half = Math.hypot(dx, dy) / 2;
    return ellipsoid([(eye[0] + chiasm[0]) / 2, (eye[1] + chiasm[1]) / 2, 115], [2.1, half, 2.3], Math.atan2(-dx * sx, dy * sy));
  };
  const plexus = (side: 1 | -1): Shape => ({ kind: 'tube', keys: [key(-125, side * 80, 36, 7.5, 5.5), key(-60, side * 28, 30, 7.5, 5.5)] });

  const [parotidL, parotidR] = pair((s) => ellipsoid([s * 46, 8, 60], [13, 22, 23]));
  const [smgL, smgR] = pair((s) => ellipsoid([s * 33, -18, 22], [12.5, 11.5, 13]));
  const [cochL, cochR] = pair((s) => ellipsoid([s * 38, 22, 88], [3.2, 2.6, 2.8]));
  const [eyeL, eyeR] = pair((s) => ellipsoid([s * 30, -76, 118], [12, 12, 12]));
  const [lensL, lensR] = pair((s) => ellipsoid([s * 30, -86.5, 118], [5, 2.5, 5]));
  const mandible: Shape = {
    kind: 'union', parts: [
      { kind: 'shell', thicknessMm: 9, fromRad: -Math.PI - 0.35, toRad: 0.35, keys: [key(10, 0, -20, 48, 58), key(42, 0, -20, 50, 60)] },
      { kind: 'tube', keys: [key(44, 44, 2, 5, 12), key(70, 46, 6, 5, 12)] },
      { kind: 'tube', keys: [key(44, -44, 2, 5, 12), key(70, -46, 6, 5, 12)] },
    ],
  };

  const organs: [string, RoiInterpretedType, Shape][] = [
    ['External', 'EXTERNAL', body],
    ['SpinalCord', 'ORGAN', { kind: 'tube', keys: cordKeys }],
    ['Brainstem', 'ORGAN', { kind: 'tube', keys: [key(56, 0, 24, 10, 10), key(66, 0, 22, 13, 12), key(100, 0, 20, 14, 13), key(112, 0, 18, 11, 10)] }],
    ['Parotid_L', 'ORGAN', parotidL], ['Parotid_R', 'ORGAN', parotidR],
    ['Glnd_Submand_L', 'ORGAN', smgL], ['Glnd_Submand_R', 'ORGAN', smgR],
    ['Cavity_Oral', 'ORGAN', ellipsoid([0, -40, 36], [29, 27, 24])],
    ['Musc_Constrict_S', 'ORGAN', pcm(45, 78)], ['Musc_Constrict_M', 'ORGAN', pcm(21, 44)], ['Musc_Constrict_I', 'ORGAN', pcm(-4, 20)],
    ['Larynx_SG', 'ORGAN', ellipsoid([0, -22, 4], [18, 15, 13])], ['Glottis', 'ORGAN', ellipsoid([0, -22, -15], [14, 12, 6])],
    ['Bone_Mandible', 'ORGAN', mandible],
    ['Cochlea_L', 'ORGAN', cochL], ['Cochlea_R', 'ORGAN', cochR],
    ['OpticNrv_L', 'ORGAN', nerve(1)], ['OpticNrv_R', 'ORGAN', nerve(-1)],
    ['OpticChiasm', 'ORGAN', ellipsoid([0, -22, 112], [8, 5, 3])],
    ['Eye_L', 'ORGAN', eyeL], ['Eye_R', 'ORGAN', eyeR], ['Lens_L', 'ORGAN', lensL], ['Lens_R', 'ORGAN', lensR],
    ['Esophagus', 'ORGAN', { kind: 'tube', keys: [key(-205, -3, 14, 8, 6), key(-25, -2, 8, 8, 6)] }],
    ['Glnd_Thyroid', 'ORGAN', { kind: 'shell', thicknessMm: 9, fromRad: -Math.PI - 0.2, toRad: 0.2, keys: [key(-66, 0, -12, 26, 18), key(-36, 0, -15, 25, 17)] }],
    ['BrachialPlex_L', 'ORGAN', plexus(1)], ['BrachialPlex_R', 'ORGAN', plexus(-1)],
  ];
  const structures: AnatomyStructure[] = organs.map(([name, interpretedType, shape]) => ({ name, interpretedType, shape, colorRgb: COLOURS[name] }));
  const { targets, targetLevels } = buildTargets(rng, options, ellipsoid, key);
  structures.push(...targets);

  const bodyKeys = body.kind === 'tube' ? body.keys : [];
  const skullKeys = bodyKeys.filter((k) => k.zMm >= 80 * sz).map((k) => ({ ...k, rxMm: k.rxMm - 6, ryMm: k.ryMm - 6 }));
  const tissues: Tissue[] = [
    // subcutaneous fat under the skin, muscle/soft tissue inside it
    { shape: { kind: 'tube', exponent: 2.4, keys: bodyKeys.map((k) => ({ ...k, rxMm: k.rxMm - 7, ryMm: k.ryMm - 7 })) }, hu: 40 },
    { shape: { kind: 'shell', thicknessMm: 7, fromRad: -0.25, toRad: Math.PI + 0.25, keys: skullKeys.filter((k) => k.zMm <= 150 * sz) }, hu: 900 },
    { shape: { kind: 'shell', thicknessMm: 7, fromRad: 0, toRad: 2 * Math.PI, keys: skullKeys.filter((k) => k.zMm >= 150 * sz) }, hu: 900 },
    { shape: { kind: 'tube', keys: cordKeys.map((k) => ({ ...k, cyMm: k.cyMm - 19, rxMm: 16, ryMm: 11 })) }, hu: 450 },
    { shape: { kind: 'shell', thicknessMm: 5, fromRad: 0, toRad: 2 * Math.PI, keys: cordKeys.map((k) => ({ ...k, rxMm: 13, ryMm: 12 })) }, hu: 700 },
    { shape: mandible, hu: 1100 },
    { shape: { kind: 'tube', keys: airwayKeys }, hu: -1000 },
  ];
  return { structures, tissues, targetLevels, tumourSide: options.tumourSide };
}

type EllipsoidMaker = (c: Vec3, r: Vec3, yawRad?: number) => Shape;
type KeyMaker = (z: number, cx: number, cy: number, rx: number, ry: number) => TubeKey;

/** Targets: primary (GTV → CTV +5 mm → PTV +4 mm), ipsilateral high-risk neck, contralateral and low neck elective. */
function buildTargets(rng: SeededRandom, options: AnatomyOptions, ellipsoid: EllipsoidMaker, key: KeyMaker) {
  const s = options.tumourSide;
  // T4 stays clear of the brainstem: an oropharyngeal PTV reaching it would make the cord/brainstem limits unreachable
  const size = [0, 0.7, 0.85, 1.0, 1.15][options.tStage] * rng.uniform(0.9, 1.1);
  const primary: Record<TumourSite, { c: Vec3; r: Vec3 }> = {
    oropharynx: { c: [s * 14, -4, 28], r: [13, 12, 15] },
    larynx: { c: [s * 5, -20, -4], r: [11, 10, 12] },
    oral_cavity: { c: [s * 17, -44, 34], r: [12, 11, 10] },
  };
  const p = primary[options.site];
  const gtv = ellipsoid(p.c, [p.r[0] * size, p.r[1] * size, p.r[2] * size]);
  const grow = (shape: Shape, mm: number): Shape => {
    if (shape.kind === 'ellipsoid') return { ...shape, radiiMm: [shape.radiiMm[0] + mm, shape.radiiMm[1] + mm, shape.radiiMm[2] + mm] };
    if (shape.kind === 'tube') return { ...shape, keys: shape.keys.map((k) => ({ ...k, rxMm: k.rxMm + mm, ryMm: k.ryMm + mm })) };
    if (shape.kind === 'union') return { kind: 'union', parts: shape.parts.map((q) => grow(q, mm)) };
    return shape;
  };
  const zTop = options.site === 'larynx' ? 30 : 42;
  const ipsiNeck: Shape = { kind: 'tube', keys: [key(-38, s * 40, 4, 11, 12), key(zTop, s * 38, 2, 12, 13)] };
  const electiveNeck: Shape = {
    kind: 'union', parts: [
      { kind: 'tube', keys: [key(-72, -s * 40, 8, 10, 11), key(zTop, -s * 38, 2, 11, 12)] },
      { kind: 'tube', keys: [key(-72, s * 42, 8, 10, 11), key(-50, s * 41, 6, 10, 11)] },
    ],
  };
  const ctvs: Shape[] = [grow(gtv, 5), ipsiNeck, electiveNeck];
  const levels = options.doseLevels.slice(0, 3);
  const targets: AnatomyStructure[] = [];
  const targetLevels: TargetLevel[] = [];
  if (!options.postOperative) targets.push({ name: 'GTVp', interpretedType: 'GTV', colorRgb: COLOURS.GTVp, shape: gtv });
  levels.forEach((level, i) => {
    const suffix = String(Math.round(level.doseGy * 100));
    const ctvName = `CTV_${suffix}`, ptvName = `PTV_${suffix}`;
    targets.push({ name: ctvName, interpretedType: 'CTV', colorRgb: TARGET_COLOURS[i], shape: ctvs[i] });
    targets.push({ name: ptvName, interpretedType: 'PTV', colorRgb: TARGET_COLOURS[i], shape: grow(ctvs[i], 4) });
    targetLevels.push({ role: level.role, doseGy: level.doseGy, ptvName, ctvName });
  });
  return { targets, targetLevels };
}
