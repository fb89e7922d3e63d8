"""Tiny end-to-end training smoke test: toy cohort -> train (quick) -> evaluate -> ONNX export -> cards.

  /usr/bin/python3 native-models/smokeTest.py OUT_DIR
Exits 0 and prints SMOKE OK when every step ran and every model file was written.
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402
from rtqa_models.toyCohort import write_toy_cohort  # noqa: E402
from rtqa_models.mirror import MirrorBatch, contralateral_table  # noqa: E402
from rtqa_models.truth import target_roles_by_truth_name  # noqa: E402

out = sys.argv[1]
truth = write_toy_cohort(os.path.join(out, 'features'))
report = train.main(['--features', os.path.join(out, 'features'), '--truth', truth, '--out', out, '--quick'])
for name in ('tabular-mil', 'spatial-mil', 'fusion-early-mil', 'fusion-late-mil'):
    for suffix in ('.onnx', '.card.json', '.parity.json'):
        assert os.path.exists(os.path.join(out, 'models', name + suffix)), name + suffix
assert 'xerostomiaG2' in report['models']['tabular-mil']
# target roles reach the truth's deviation names whatever the centre wrote (PTV70 -> PTV_7000 -> PTV_High)
patient = {'structureNames': {'PTV70': 'PTV_7000', 'L Parotid': 'Parotid_L'}, 'targetRoles': {'PTV70': 'PTV_High'}}
assert target_roles_by_truth_name(patient) == {'PTV70': 'PTV_High', 'PTV_7000': 'PTV_High'}, target_roles_by_truth_name(patient)
# left-right mirroring: contralateral names swap, the rest stay; mirroring twice gives the batch back
assert contralateral_table(['OTHER', 'Parotid_L', 'Parotid_R', 'Brainstem', 'Parotid_L:cranial', 'Parotid_R:cranial']).tolist() == [0, 2, 1, 3, 5, 4]
spec = {'organVocabulary': ['OTHER', 'Parotid_L', 'Parotid_R'], 'patchAnchorNames': ['none', 'Parotid_L:caudal', 'Parotid_R:caudal'],
        'clinicalFeatureNames': ['age_per100y', 'tumourSideLeft']}
batch = {'labels': torch.zeros(2, 3), 'organ_ids': torch.tensor([[1, 2, 0], [2, 2, 1]]), 'anchors': torch.tensor([[1, 0], [2, 1]]),
         'patches': torch.rand(2, 2, 3, 4, 4, 4), 'positions': torch.rand(2, 2, 3), 'patch_mask': torch.ones(2, 2),
         'clinical': torch.tensor([[0.6, 1.0], [0.5, 0.0]])}
mirror = MirrorBatch(spec, fraction=1.0)
once = mirror(batch, torch.Generator().manual_seed(0))
assert once['organ_ids'].tolist() == [[2, 1, 0], [1, 1, 2]] and once['anchors'].tolist() == [[2, 0], [1, 2]]
assert torch.equal(once['patches'][0, 0, 1, :, :, 0], batch['patches'][0, 0, 1, :, :, 3]) and once['clinical'][:, 1].tolist() == [0.0, 1.0]
twice = mirror(once, torch.Generator().manual_seed(0))
assert all(torch.allclose(twice[k], batch[k]) for k in batch), 'mirroring twice must restore the batch'
print('SMOKE OK')
