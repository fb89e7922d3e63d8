/**
 * TG-263 organ names and the local variants that mean them (reference §2, plus French, Dutch and German
 * organ words). `paired` organs take a terminal _L/_R; the alias never contains laterality, PRV margins,
 * separators or case: those are read by normaliseStructureName. Aliases are written as people write them
 * and normalised at load time with the same function, so the table stays readable.
 * Sources: reference §2 (S5 AVIPlanner StructureNamesMapping, S22 mCODE TG-263 concept map, S23 PDDCA,
 * S24 CITOR/UMCG/MDACC dictionaries, S25, S26 OpenKBP); non-English organ words from anatomy vocabulary.
 */
export interface Tg263Concept {
  /** TG-263 name without laterality (Parotid → Parotid_L / Parotid_R when paired) */
  readonly tg263: string;
  readonly paired: boolean;
  readonly aliases: readonly string[];
}

export const TG263_CONCEPTS: readonly Tg263Concept[] = [
  { tg263: 'Brainstem', paired: false, aliases: ['Brainstem', 'Brain Stem', 'BS', 'tronc cérébral', 'tronc cerebral', 'hersenstam', 'Hirnstamm', 'truncus cerebri', 'tronco encefalico'] },
  { tg263: 'SpinalCord', paired: false, aliases: ['Spinal Cord', 'Cord', 'SpinalCord_Cerv', 'myelum', 'moelle', 'moelle épinière', 'moelle epiniere', 'Rückenmark', 'Rueckenmark', 'medulla spinalis', 'ruggenmerg', 'myelon', 'midollo spinale'] },
  { tg263: 'SpinalCanal', paired: false, aliases: ['Spinal Canal', 'Canal', 'canal médullaire', 'Spinalkanal', 'wervelkanaal'] },
  { tg263: 'Parotid', paired: true, aliases: ['Parotid', 'Parotid Gland', 'Parotide', 'glande parotide', 'parotis', 'glandula parotis', 'Ohrspeicheldrüse', 'Ohrspeicheldruese', 'oorspeekselklier', 'parotide gland'] },
  { tg263: 'Parotids', paired: false, aliases: ['Parotids', 'Total Parotid', 'Parotid Total', 'Parotids Total', 'Both Parotids', 'Parotides', 'Parotiden', 'Parotiden gesamt', 'parotiden beide', 'combined parotids', 'parotids combined'] },
  { tg263: 'Glnd_Submand', paired: true, aliases: ['sous-maxillaire', 'glande sous-maxillaire', 'submaxillary', 'Gl submandibularis', 'Glnd Submand', 'SMG', 'Submand', 'Submandibular', 'Submandibular Gland', 'submandibularis', 'glandula submandibularis', 'glande sous-mandibulaire', 'sous-mandibulaire', 'sous mandibulaire', 'glande submandibulaire', 'submandibulaire', 'Unterkieferspeicheldrüse', 'Unterkieferspeicheldruese', 'onderkaakspeekselklier'] },
  { tg263: 'Cavity_Oral', paired: false, aliases: ['Cavity Oral', 'Oral Cavity', 'OralCavity', 'Oral Cav', 'OralCavity_Ext', 'Extended oral cavity', 'Oral Cavity Extended', 'cavité buccale', 'cavite buccale', 'cavité orale', 'mondholte', 'Mundhöhle', 'Mundhoehle', 'cavum oris'] },
  { tg263: 'Musc_Constrict', paired: false, aliases: ['Konstriktoren', 'Pharynxkonstriktoren', 'Musc Constrict', 'Constrictors', 'Pharyngeal constrictors', 'Pharyngeal constrictor', 'PCM', 'constricteurs', 'constricteurs du pharynx', 'muscles constricteurs', 'farynxconstrictoren', 'Schlundschnürer', 'Pharynxkonstriktoren'] },
  { tg263: 'Musc_Constrict_S', paired: false, aliases: ['constricteur sup', 'constricteur superieur', 'Konstriktor sup', 'Konstriktor superior', 'pharyngeal constrictor sup', 'Musc Constrict S', 'SPC', 'PCM Sup', 'PCM superior', 'Superior PCM', 'superior constrictor', 'superior pharyngeal constrictor', 'Musc Constric S', 'PMC Sup', 'pcm_sup', 'constricteur supérieur', 'PCM_S'] },
  { tg263: 'Musc_Constrict_M', paired: false, aliases: ['constricteur moy', 'constricteur moyen', 'Konstriktor med', 'Konstriktor medius', 'pcm med', 'Musc Constrict M', 'MPC', 'PCM Med', 'PCM Mid', 'PCM middle', 'Middle PCM', 'middle constrictor', 'middle pharyngeal constrictor', 'Musc Constric M', 'PMC Med', 'constricteur moyen', 'PCM_M'] },
  { tg263: 'Musc_Constrict_I', paired: false, aliases: ['constricteur inf', 'constricteur inferieur', 'Konstriktor inf', 'Konstriktor inferior', 'pcm inf', 'Musc Constrict I', 'IPC', 'PCM Inf', 'PCM inferior', 'Inferior PCM', 'inferior constrictor', 'inferior pharyngeal constrictor', 'Musc Constric I', 'PMC Inf', 'constricteur inférieur', 'PCM_I'] },
  { tg263: 'Cricopharyngeus', paired: false, aliases: ['Cricopharyngeus', 'crico', 'cricopharyngeal muscle', 'cricopharyngeal', 'Musc Cricopharyngeus'] },
  { tg263: 'Larynx', paired: false, aliases: ['Larynx', 'OAR Larynx', 'Larynx OAR', 'Kehlkopf', 'strottenhoofd', 'larynx total'] },
  { tg263: 'Larynx_SG', paired: false, aliases: ['larynx sus-glottique', 'sus-glottique', 'Larynx supraglottisch', 'supraglottischer Larynx', 'supraglottische larynx', 'Larynx SG', 'Supraglottic', 'Supraglotticlarynx', 'Supraglottic Larynx', 'supraglottis', 'larynx supraglottique', 'supraglottische larynx'] },
  { tg263: 'Glottis', paired: false, aliases: ['Glottis', 'GlotticArea', 'Glottic Area', 'Glottic', 'glottic larynx', 'glotte'] },
  { tg263: 'Esophagus', paired: false, aliases: ['oesofagus', 'slokdarm', 'Oesophagus', 'Esophagus', 'Oesophagus', 'Oesophage', 'Œsophage', 'slokdarm', 'Speiseröhre', 'Speiseroehre', 'esofago'] },
  { tg263: 'Esophagus_S', paired: false, aliases: ['Esophagus S', 'Esophagus Cerv', 'Esophagus U', 'Cervical esophagus', 'Esophagus upper', 'Oesophagus cervical', 'oesophage cervical', 'cervicale slokdarm', 'zervikaler Ösophagus'] },
  { tg263: 'Bone_Mandible', paired: false, aliases: ['Bone Mandible', 'Mandible', 'Mandible Bone', 'Mandibula', 'mandibule', 'kaak', 'onderkaak', 'kaakbot', 'Unterkiefer', 'Unterkieferknochen', 'maxillaire inférieur'] },
  { tg263: 'Cochlea', paired: true, aliases: ['Cochlea', 'Coch', 'cochlée', 'cochlee', 'slakkenhuis', 'Hörschnecke', 'Schnecke'] },
  { tg263: 'Ear_Internal', paired: true, aliases: ['Ear Internal', 'Inner Ear', 'I Ear', 'Internal Ear', 'oreille interne', 'binnenoor', 'Innenohr'] },
  { tg263: 'Ear_Middle', paired: true, aliases: ['Ear Middle', 'Middle Ear', 'Ear Mid', 'Mid Ear', 'oreille moyenne', 'middenoor', 'Mittelohr'] },
  { tg263: 'OpticChiasm', paired: false, aliases: ['OpticChiasm', 'Optic Chiasm', 'Chiasm', 'Chiasma', 'chiasma optique', 'chiasma opticum', 'Sehnervenkreuzung'] },
  { tg263: 'OpticNrv', paired: true, aliases: ['OpticNrv', 'Optic Nerve', 'OpticNerve', 'Optic N', 'Optic Nrv', 'ON', 'nerf optique', 'oogzenuw', 'nervus opticus', 'Sehnerv', 'N opticus', 'nervo ottico'] },
  { tg263: 'Eye', paired: true, aliases: ['Eye', 'Globe', 'Eyeball', 'oeil', 'œil', 'globe oculaire', 'oog', 'oogbol', 'Auge', 'Augapfel', 'bulbus', 'bulbus oculi', 'orbit globe'] },
  { tg263: 'Lens', paired: true, aliases: ['Lens', 'cristallin', 'ooglens', 'Linse', 'Augenlinse', 'lentille'] },
  { tg263: 'Lobe_Temporal', paired: true, aliases: ['Lobe Temporal', 'Temporal Lobe', 'lobe temporal', 'temporaalkwab', 'Temporallappen', 'Schläfenlappen'] },
  { tg263: 'Glnd_Lacrimal', paired: true, aliases: ['Glnd Lacrimal', 'Lacrimal', 'Lacrimal Gland', 'glande lacrymale', 'lacrymale', 'traanklier', 'Tränendrüse', 'Traenendruese'] },
  { tg263: 'Glnd_Thyroid', paired: false, aliases: ['Glnd Thyroid', 'Thyroid', 'Thyroid Gland', 'thyroïde', 'thyroide', 'glande thyroïde', 'schildklier', 'Schilddrüse', 'Schilddruese', 'glandula thyroidea'] },
  { tg263: 'Pituitary', paired: false, aliases: ['Pituitary', 'Pituitary Gland', 'hypophyse', 'hypofyse', 'Hirnanhangdrüse', 'hypophysis'] },
  { tg263: 'BrachialPlex', paired: true, aliases: ['plexus brach', 'plexus brachialis', 'BrachialPlex', 'Brachial Plexus', 'BrachialPlexus', 'Brac Plex', 'Brach Plex', 'plexus brachial', 'plexus brachialis', 'Armplexus', 'Armgeflecht'] },
  { tg263: 'Lips', paired: false, aliases: ['Lips', 'Lip', 'lèvres', 'levres', 'lippen', 'Lippe'] },
  { tg263: 'Pharynx', paired: false, aliases: ['Pharynx', 'Pharynx OAR', 'OAR Pharynx', 'farynx', 'Rachen'] },
  { tg263: 'Brain', paired: false, aliases: ['Brain', 'cerveau', 'encéphale', 'hersenen', 'Gehirn', 'Hirn'] },
  { tg263: 'Joint_TM', paired: true, aliases: ['Joint TM', 'TMJ', 'Temporomandibular Joint', 'TM Joint', 'ATM', 'articulation temporo-mandibulaire', 'kaakgewricht', 'Kiefergelenk'] },
  { tg263: 'A_Carotid', paired: true, aliases: ['A Carotid', 'Carotid', 'Carotid Artery', 'artère carotide', 'carotide', 'arteria carotis', 'Halsschlagader', 'halsslagader'] },
  { tg263: 'BuccalMucosa', paired: false, aliases: ['BuccalMucosa', 'Buccal Mucosa', 'muqueuse jugale', 'wangslijmvlies', 'Wangenschleimhaut'] },
  { tg263: 'External', paired: false, aliases: ['Koerper', 'Korper', 'Aussenkontur', 'External', 'Body', 'Outline', 'Body Contour', 'contour externe', 'contour externe patient', 'buitencontour', 'Außenkontur', 'Aussenkontur', 'Körper', 'lichaam', 'patient outline'] },
];
