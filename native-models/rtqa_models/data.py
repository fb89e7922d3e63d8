"""Cohort loading: features written by `rtqa features` (the app's own feature code) joined with truth.json
labels from the synthetic trial generator, padded into dense arrays, and split by centre."""
import json
import os
from dataclasses import dataclass, field

import numpy as np

from .truth import read_truth

BINARY_HEADS = ['majorDeviation', 'xerostomiaG2', 'dysphagiaG2']


@dataclass
class Cohort:
    patient_ids: list
    centres: list
    organ_ids: np.ndarray        # int64 [P, N]
    organ_names: list            # per patient, list of names (length = real instances)
    instances: np.ndarray        # float32 [P, N, F]
    instance_mask: np.ndarray    # float32 [P, N]
    clinical: np.ndarray         # float32 [P, C]
    patches: np.ndarray          # float32 [P, M, Ch, S, S, S]
    positions: np.ndarray        # float32 [P, M, 3]
    anchors: np.ndarray          # int64 [P, M] index into spec patchAnchorNames (0 = unanchored tile or padding)
    patch_mask: np.ndarray       # float32 [P, M]
    labels: np.ndarray           # float32 [P, 3] (BINARY_HEADS)
    known: np.ndarray            # float32 [P, 3] 1 where the label exists
    lc_time: np.ndarray          # float32 [P] months
    lc_event: np.ndarray         # float32 [P]
    true_probs: np.ndarray       # float32 [P, 3] generator probabilities (NaN when absent)
    causal: list                 # per patient: {head: [organ names]}
    spec: dict = field(default_factory=dict)
    planning_systems: list = field(default_factory=list)  # per patient, from the RT plan (None when absent)

    def subset(self, idx):
        idx = np.asarray(idx)
        pick = lambda seq: [seq[i] for i in idx]  # noqa: E731
        return Cohort(pick(self.patient_ids), pick(self.centres), self.organ_ids[idx], pick(self.organ_names),
                      self.instances[idx], self.instance_mask[idx], self.clinical[idx], self.patches[idx],
                      self.positions[idx], self.anchors[idx], self.patch_mask[idx], self.labels[idx], self.known[idx], self.lc_time[idx],
                      self.lc_event[idx], self.true_probs[idx], pick(self.causal), self.spec,
                      pick(self.planning_systems) if self.planning_systems else [])


def load_cohort(features_dir: str, truth_path: str) -> Cohort:
    spec = json.load(open(os.path.join(features_dir, 'spec.json')))
    bags = [json.loads(line) for line in open(os.path.join(features_dir, 'bags.jsonl')) if line.strip()]
    truth = read_truth(truth_path)
    bags = [b for b in bags if b['patientId'] in truth and b['organs']]
    size = spec['patchSizeVoxels']
    channels = len(spec['patchChannels'])
    patch_file = os.path.join(features_dir, 'patches.f32')
    all_patches = np.fromfile(patch_file, dtype='<f4').reshape(-1, channels, size, size, size) if os.path.exists(patch_file) else None
    all_positions = np.fromfile(os.path.join(features_dir, 'positions.f32'), dtype='<f4').reshape(-1, 3) if all_patches is not None else None
    p = len(bags)
    n = max(len(b['organs']) for b in bags)
    m = max([b['patches']['count'] for b in bags if b.get('patches')] + [1])
    f = len(spec['instanceFeatureNames'])
    c = len(spec['clinicalFeatureNames'])
    cohort = Cohort(
        patient_ids=[b['patientId'] for b in bags], centres=[truth[b['patientId']]['centre'] for b in bags],
        organ_ids=np.zeros((p, n), np.int64), organ_names=[[o['name'] for o in b['organs']] for b in bags],
        instances=np.zeros((p, n, f), np.float32), instance_mask=np.zeros((p, n), np.float32),
        clinical=np.array([b['clinical'] for b in bags], np.float32).reshape(p, c),
        patches=np.zeros((p, m, channels, size, size, size), np.float32), positions=np.zeros((p, m, 3), np.float32),
        anchors=np.zeros((p, m), np.int64),
        patch_mask=np.zeros((p, m), np.float32), labels=np.zeros((p, 3), np.float32), known=np.zeros((p, 3), np.float32),
        lc_time=np.zeros(p, np.float32), lc_event=np.zeros(p, np.float32), true_probs=np.full((p, 3), np.nan, np.float32),
        causal=[truth[b['patientId']]['causal'] for b in bags], spec=spec,
        planning_systems=[b.get('planningSystem') for b in bags])
    for i, b in enumerate(bags):
        for j, o in enumerate(b['organs']):
            cohort.organ_ids[i, j] = o['organIndex']
            cohort.instances[i, j] = o['features']
            cohort.instance_mask[i, j] = 1
        if b.get('patches') and all_patches is not None:
            off, cnt = b['patches']['offset'], b['patches']['count']
            cohort.patches[i, :cnt] = all_patches[off:off + cnt]
            cohort.positions[i, :cnt] = all_positions[off:off + cnt]
            cohort.patch_mask[i, :cnt] = 1
            cohort.anchors[i, :cnt] = b['patches'].get('anchors', [0] * cnt)
        t = truth[b['patientId']]
        for h, head in enumerate(BINARY_HEADS):
            if t['labels'].get(head) is not None:
                cohort.labels[i, h] = t['labels'][head]
                cohort.known[i, h] = 1
            if t['probs'].get(head) is not None:
                cohort.true_probs[i, h] = t['probs'][head]
        cohort.lc_time[i] = t['lcMonths']
        cohort.lc_event[i] = t['lcEvent']
    return cohort


def split_by_centre(centres: list, seed: int = 0, test_fraction: float = 0.3, val_fraction: float = 0.15):
    """Indices (train, val, test) with whole centres in each part, so test centres are unseen in training."""
    rng = np.random.default_rng(seed)
    unique = sorted(set(centres))
    rng.shuffle(unique)
    counts = {u: centres.count(u) for u in unique}
    total = len(centres)
    test, val, acc = [], [], 0
    for u in unique:
        if acc < test_fraction * total:
            test.append(u)
        elif acc < (test_fraction + val_fraction) * total:
            val.append(u)
        else:
            break
        acc += counts[u]
    idx = np.arange(total)
    part = lambda group: idx[[c in group for c in centres]]  # noqa: E731
    train_centres = [u for u in unique if u not in test and u not in val]
    return part(train_centres), part(val), part(test), {'train': train_centres, 'val': val, 'test': test}


def _pad(a: np.ndarray, axis_size: int, axis: int = 1) -> np.ndarray:
    if a.shape[axis] == axis_size:
        return a
    shape = list(a.shape)
    shape[axis] = axis_size - a.shape[axis]
    return np.concatenate([a, np.zeros(shape, a.dtype)], axis=axis)


def concat_cohorts(cohorts: list, names: list) -> Cohort:
    """One cohort from several synthetic trials; centres are prefixed with the trial name so that
    centre C01 of one trial and C01 of another stay different centres in the split."""
    if len(cohorts) == 1:
        return cohorts[0]
    n = max(c.organ_ids.shape[1] for c in cohorts)
    m = max(c.patches.shape[1] for c in cohorts)
    cat = lambda get, pad=None: np.concatenate([_pad(get(c), pad) if pad else get(c) for c in cohorts])  # noqa: E731
    return Cohort(
        patient_ids=[f'{name}/{p}' for c, name in zip(cohorts, names) for p in c.patient_ids],
        centres=[f'{name}/{x}' for c, name in zip(cohorts, names) for x in c.centres],
        organ_ids=cat(lambda c: c.organ_ids, n), organ_names=[x for c in cohorts for x in c.organ_names],
        instances=cat(lambda c: c.instances, n), instance_mask=cat(lambda c: c.instance_mask, n), clinical=cat(lambda c: c.clinical),
        patches=cat(lambda c: c.patches, m), positions=cat(lambda c: c.positions, m), anchors=cat(lambda c: c.anchors, m), patch_mask=cat(lambda c: c.patch_mask, m),
        labels=cat(lambda c: c.labels), known=cat(lambda c: c.known), lc_time=cat(lambda c: c.lc_time), lc_event=cat(lambda c: c.lc_event),
        true_probs=cat(lambda c: c.true_probs), causal=[x for c in cohorts for x in c.causal], spec=cohorts[0].spec,
        planning_systems=[x for c in cohorts for x in c.planning_systems])


def load_trials(features_dirs: list, truth_paths: list) -> Cohort:
    """One cohort from `rtqa features` folders and their truth.json files, each trial named by the folder that
    holds its truth.json (what train.py and dumpTestInputs.py split by centre alike)."""
    names = [os.path.basename(os.path.dirname(os.path.abspath(t))) for t in truth_paths]
    return concat_cohorts([load_cohort(f, t) for f, t in zip(features_dirs, truth_paths)], names)
