"""Tiny end-to-end training smoke test: toy cohort -> train (quick) -> evaluate -> ONNX export -> cards.

  /usr/bin/python3 native-models/smokeTest.py OUT_DIR
Exits 0 and prints SMOKE OK when every step ran and every model file was written.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train  # noqa: E402
from rtqa_models.toyCohort import write_toy_cohort  # noqa: E402
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
print('SMOKE OK')
