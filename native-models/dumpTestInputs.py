"""Writes the test centres' tabular inputs (same loader and centre split as train.py), labels and causal organs to
one JSON file, for attentionFromOnnx.mjs to re-score the shipped models' attention without retraining.

  /usr/bin/python3 native-models/dumpTestInputs.py OUT.json --features DIR --truth truth.json [--features ... --truth ...]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rtqa_models.data import load_trials, split_by_centre  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('out')
ap.add_argument('--features', required=True, action='append')
ap.add_argument('--truth', required=True, action='append')
ap.add_argument('--seed', type=int, default=0, help='split seed, as train.py --seed')
args = ap.parse_args()
cohort = load_trials(args.features, args.truth)
_, _, test_idx, _ = split_by_centre(cohort.centres, seed=args.seed)
test = cohort.subset(test_idx)
json.dump({'centres': sorted(set(test.centres)), 'organIds': test.organ_ids.tolist(), 'instances': test.instances.tolist(),
           'mask': test.instance_mask.tolist(), 'clinical': test.clinical.tolist(), 'names': test.organ_names,
           'vocab': test.spec['organVocabulary'], 'labels': test.labels.tolist(), 'known': test.known.tolist(),
           'causal': test.causal}, open(args.out, 'w'))
print(f'{len(test.patient_ids)} test patients in {len(set(test.centres))} centres -> {args.out}')
