import type { SeededRandom } from './seededRandom';

/** How a centre writes structure names (reference §2: TG-263, local English/French/Dutch/German variants). */
export type NamingStyle = 'tg263' | 'english' | 'french' | 'dutch' | 'german';

type Lateral = [left: string, right: string];
/** TG-263 base name (without _L/_R) → the centre's written name, or [left, right] for paired organs. */
const TABLES: Record<Exclude<NamingStyle, 'tg263'>, Record<string, string | Lateral>> = {
  english: {
    External: 'BODY', SpinalCord: 'Spinal Cord', Brainstem: 'Brain Stem', Parotid: ['L Parotid', 'R Parotid'], Glnd_Submand: ['Left SMG', 'Right SMG'],
    Cavity_Oral: 'Oral Cavity', Musc_Constrict_S: 'SPC', Musc_Constrict_M: 'MPC', Musc_Constrict_I: 'IPC', Larynx_SG: 'Supraglottic',
    Glottis: 'Glottic_Area', Bone_Mandible: 'Mandible', Cochlea: ['Cochlea Lt', 'Cochlea Rt'], OpticNrv: ['Optic Nerve L', 'Optic Nerve R'],
    OpticChiasm: 'Optic Chiasm', Lens: ['Lens Lt', 'Lens Rt'], Eye: ['Globe L', 'Globe R'], Esophagus: 'Oesophagus', Glnd_Thyroid: 'Thyroid',
    BrachialPlex: ['Lt Brachial Plexus', 'Rt Brachial Plexus'], GTVp: 'GTV',
  },
  french: {
    External: 'Contour externe', SpinalCord: 'Moelle', Brainstem: 'Tronc cerebral', Parotid: ['Parotide G', 'Parotide D'],
    Glnd_Submand: ['Sous-maxillaire G', 'Sous-maxillaire D'], Cavity_Oral: 'Cavite buccale', Musc_Constrict_S: 'Constricteur sup',
    Musc_Constrict_M: 'Constricteur moy', Musc_Constrict_I: 'Constricteur inf', Larynx_SG: 'Larynx sus-glottique', Glottis: 'Glotte',
    Bone_Mandible: 'Mandibule', Cochlea: ['Cochlee G', 'Cochlee D'], OpticNrv: ['Nerf optique G', 'Nerf optique D'], OpticChiasm: 'Chiasma',
    Lens: ['Cristallin G', 'Cristallin D'], Eye: ['Oeil G', 'Oeil D'], Esophagus: 'Oesophage', Glnd_Thyroid: 'Thyroide',
    BrachialPlex: ['Plexus brachial G', 'Plexus brachial D'], GTVp: 'GTV T',
  },
  dutch: {
    External: 'BODY', SpinalCord: 'myelum', Brainstem: 'hersenstam', Parotid: ['parotis_li', 'parotis_re'],
    Glnd_Submand: ['submandibularis_li', 'submandibularis_re'], Cavity_Oral: 'mondholte', Musc_Constrict_S: 'pcm_sup', Musc_Constrict_M: 'pcm_med',
    Musc_Constrict_I: 'pcm_inf', Larynx_SG: 'supraglottis', Glottis: 'glottis', Bone_Mandible: 'mandibula', Cochlea: ['cochlea_li', 'cochlea_re'],
    OpticNrv: ['n_opticus_li', 'n_opticus_re'], OpticChiasm: 'chiasma', Lens: ['lens_li', 'lens_re'], Eye: ['oog_li', 'oog_re'],
    Esophagus: 'oesofagus', Glnd_Thyroid: 'schildklier', BrachialPlex: ['plexus_brach_li', 'plexus_brach_re'], GTVp: 'GTV_prim',
  },
  german: {
    External: 'Koerper', SpinalCord: 'Rueckenmark', Brainstem: 'Hirnstamm', Parotid: ['Parotis li', 'Parotis re'],
    Glnd_Submand: ['Gl. submandibularis li', 'Gl. submandibularis re'], Cavity_Oral: 'Mundhoehle', Musc_Constrict_S: 'Konstriktor sup',
    Musc_Constrict_M: 'Konstriktor med', Musc_Constrict_I: 'Konstriktor inf', Larynx_SG: 'Larynx supraglottisch', Glottis: 'Glottis',
    Bone_Mandible: 'Unterkiefer', Cochlea: ['Cochlea li', 'Cochlea re'], OpticNrv: ['N. opticus li', 'N. opticus re'], OpticChiasm: 'Chiasma opticum',
    Lens: ['Linse li', 'Linse re'], Eye: ['Auge li', 'Auge re'], Esophagus: 'Oesophagus', Glnd_Thyroid: 'Schilddruese',
    BrachialPlex: ['Plexus brachialis li', 'Plexus brachialis re'], GTVp: 'GTV Primaertumor',
  },
};

/** Target names per style: CTV/PTV + dose in Gy (TG-263 writes cGy: PTV_7000). */
function targetName(style: NamingStyle, tg263: string): string {
  const m = /^(PTV|CTV)_(\d+)$/.exec(tg263);
  if (!m) return tg263;
  const gy = Math.round(Number(m[2]) / 100);
  switch (style) {
    case 'tg263': return tg263;
    case 'english': return `${m[1]}${gy}`;
    case 'french': return `${m[1]} ${gy}`;
    case 'dutch': return `${m[1]}_${gy}`;
    case 'german': return `${m[1]}_${gy}Gy`;
  }
}

/** A typo a person makes: two neighbouring letters swapped inside the name. */
function misspell(name: string, rng: SeededRandom): string {
  const letters = [...name];
  const candidates = letters.map((c, i) => i).filter((i) => i > 0 && i < letters.length - 2 && /[a-z]/i.test(letters[i]) && /[a-z]/i.test(letters[i + 1]) && letters[i] !== letters[i + 1]);
  if (candidates.length === 0) return name;
  const i = rng.pick(candidates);
  [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
  return letters.join('');
}

/**
 * The name a centre writes for a TG-263 structure. `misspellRate` is the chance of a typo (local styles
 * only: a TG-263 centre uses a checked template).
 */
export function writtenName(style: NamingStyle, tg263: string, rng: SeededRandom, misspellRate: number): string {
  if (/^(PTV|CTV)_\d+$/.test(tg263)) return targetName(style, tg263);
  if (style === 'tg263') return tg263;
  const lateral = /^(.*)_(L|R)$/.exec(tg263);
  const entry = TABLES[style][lateral ? lateral[1] : tg263];
  let name = entry === undefined ? tg263 : Array.isArray(entry) ? entry[lateral?.[2] === 'R' ? 1 : 0] : entry;
  if (misspellRate > 0 && tg263 !== 'External' && rng.bernoulli(misspellRate)) name = misspell(name, rng);
  return name;
}
