"""A tiny random cohort in the `rtqa features` layout (spec.json, bags.jsonl, patches.f32, positions.f32) plus a
truth.json, for the training smoke test only: it checks the pipeline runs end to end, not that models are good."""
import json
import os

import numpy as np

ORGANS = ['OTHER', 'PTV_High', 'Parotid_L', 'Parotid_R', 'Musc_Constrict_S', 'Cavity_Oral', 'Glnd_Submand_L', 'Glnd_Submand_R']


def write_toy_cohort(out_dir: str, patients: int = 40, centres: int = 5, seed: int = 0, patch_size: int = 8, channels: int = 7):
    rng = np.random.default_rng(seed)
    os.makedirs(out_dir, exist_ok=True)
    # the tabular model reads the mean dose, protocol-margin and missing-structure features by name; the rest are anonymous
    f_names = [f'f{i}' for i in range(22)] + ['Dmean_per70Gy', 'worstMarginPerProtocol', 'worstMarginMinor', 'hasConstraint', 'missingFromPlan']
    c_names = [f'c{i}' for i in range(16)]
    spec = {'version': 'toy', 'organVocabulary': ORGANS, 'instanceFeatureNames': f_names, 'clinicalFeatureNames': c_names,
            'patchSizeVoxels': patch_size, 'patchChannels': [f'ch{i}' for i in range(channels)], 'patchAnchorNames': ['none', 'a:cranial', 'a:caudal'], 'binaryHeads': ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2']}
    json.dump(spec, open(os.path.join(out_dir, 'spec.json'), 'w'))
    truth, offset = [], 0
    with open(os.path.join(out_dir, 'bags.jsonl'), 'w') as bags, open(os.path.join(out_dir, 'patches.f32'), 'wb') as pf, \
            open(os.path.join(out_dir, 'positions.f32'), 'wb') as qf:
        for p in range(patients):
            n = int(rng.integers(3, len(ORGANS)))
            organs = [{'name': ORGANS[i], 'organIndex': int(i), 'features': rng.random(len(f_names)).tolist()} for i in rng.choice(np.arange(1, len(ORGANS)), n, replace=False)]
            count = int(rng.integers(2, 5))
            rng.random((count, channels, patch_size, patch_size, patch_size), dtype=np.float32).tofile(pf)
            rng.random((count, 3), dtype=np.float32).tofile(qf)
            bags.write(json.dumps({'patientId': f'P{p:03d}', 'organs': organs, 'clinical': rng.random(len(c_names)).tolist(),
                                   'patches': {'offset': offset, 'count': count, 'anchors': [int(v) for v in rng.integers(0, 3, count)]}}) + '\n')
            offset += count
            px = float(rng.random())
            truth.append({'patientId': f'P{p:03d}', 'centre': f'C{p % centres}', 'expectedGrade': 'major' if p % 3 == 0 else 'per_protocol',
                          'outcomes': {'xerostomiaG2': bool(rng.random() < px), 'dysphagiaG2': bool(p % 2),
                                       'localControl': {'months': float(rng.uniform(3, 60)), 'event': bool(p % 4 == 0)}},
                          'probabilities': {'xerostomiaG2': px, 'dysphagiaG2': 0.5},
                          'causalStructures': {'xerostomiaG2': ['Parotid_L', 'Parotid_R']}})
    json.dump({'patients': truth}, open(os.path.join(out_dir, 'truth.json'), 'w'))
    return os.path.join(out_dir, 'truth.json')
