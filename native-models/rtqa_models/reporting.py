"""Training-set statistics stored in the model cards (input ranges for out-of-distribution warnings, SHAP
baselines) and the readable evaluation summary."""
import numpy as np

from .data import BINARY_HEADS, Cohort


def feature_ranges(train: Cohort) -> dict:
    """Per ONNX input the accepted value range (validation) and per named feature the training min/max (OOD)."""
    spec = train.spec
    real = train.instance_mask > 0
    inst = train.instances[real]
    feats = {}
    for j, name in enumerate(spec['instanceFeatureNames']):
        feats[f'instance.{name}'] = [float(inst[:, j].min()), float(inst[:, j].max())]
    for j, name in enumerate(spec['clinicalFeatureNames']):
        feats[f'clinical.{name}'] = [float(train.clinical[:, j].min()), float(train.clinical[:, j].max())]
    return {
        'organIds': {'unit': 'index into organVocabulary', 'min': 0, 'max': len(spec['organVocabulary']) - 1},
        'instanceFeatures': {'unit': 'see instanceFeatureNames (fractions, dose/70 Gy, margins)', 'min': -2.0, 'max': 5.0},
        'instanceMask': {'unit': '1 = real instance, 0 = padding', 'min': 0, 'max': 1},
        'clinical': {'unit': 'see clinicalFeatureNames', 'min': 0.0, 'max': 3.0},
        'patches': {'unit': 'channels: CT/1000 HU, dose/70 Gy, anchor and group masks 0/1', 'min': -1.0, 'max': 5.0},
        'patchAnchors': {'unit': 'index into patchAnchorNames (0 = unanchored dose tile)', 'min': 0, 'max': len(spec.get('patchAnchorNames', ['none'])) - 1},
        'patchPositions': {'unit': 'patch centre in the bag box, [0, 1] per LPS axis', 'min': 0.0, 'max': 1.0},
        'patchMask': {'unit': '1 = real patch, 0 = padding', 'min': 0, 'max': 1},
        '_features': feats,
        '_planningSystems': sorted({p for p in train.planning_systems if p}),
    }


def shap_baseline(train: Cohort) -> dict:
    """SHAP reference input: training-mean clinical vector and per organ index the mean instance features."""
    spec = train.spec
    organs = {}
    for idx in range(len(spec['organVocabulary'])):
        rows = train.instances[(train.organ_ids == idx) & (train.instance_mask > 0)]
        if len(rows):
            organs[spec['organVocabulary'][idx]] = [float(v) for v in rows.mean(0)]
    return {'clinical': [float(v) for v in train.clinical.mean(0)], 'organInstances': organs}


def _fmt(v):
    return '—' if v is None or (isinstance(v, float) and not np.isfinite(v)) else f'{v:.3f}'


def write_summary(report: dict, path: str):
    lines = ['# RTQA models: held-out evaluation (synthetic trial, unseen test centres)', '',
             f"Split by centre: test {report['split']['test']}, validation {report['split']['val']}; patients {report['counts']}.", '',
             '| model | ' + ' | '.join(f'{h} AUC [95 % CI]' for h in BINARY_HEADS) + ' | local control C-index |', '|---' * 5 + '|']
    bayes = report['bayesOptimal']
    lines.append('| Bayes-optimal (true probabilities) | ' + ' | '.join(_fmt(bayes[h].get('auc')) for h in BINARY_HEADS) + ' | |')
    for name, m in report['models'].items():
        cells = []
        for h in BINARY_HEADS:
            e = m.get(h, {})
            ci = e.get('aucCi95')
            cells.append(f"{_fmt(e.get('auc'))} [{_fmt(ci[0]) if ci else '—'}, {_fmt(ci[1]) if ci else '—'}]")
        lines.append(f'| {name} | ' + ' | '.join(cells) + f" | {_fmt(m['localControl']['cIndex'])} |")
    for name, b in report['baselines'].items():
        if name == 'lkbParameters':
            continue
        lines.append(f'| baseline {name} | ' + ' | '.join(_fmt(b.get(h, {}).get('auc')) for h in BINARY_HEADS) + f" | {_fmt(b.get('localControl', {}).get('cIndex'))} |")
    lines += ['', '## Calibration (slope, ECE) and attention', '', '| model | head | calibration slope | ECE | attention top organ causal | patch attention top anchor organ causal |', '|---|---|---|---|---|---|']
    for name, m in report['models'].items():
        for h in BINARY_HEADS:
            e = m.get(h, {})
            att = m.get('attentionTopCausal', {}).get(h, {}).get('fractionTopIsCausal')
            patch_att = m.get('patchAttentionTopCausal', {}).get(h, {}).get('fractionTopIsCausal')
            lines.append(f"| {name} | {h} | {_fmt(e.get('calibrationSlope'))} | {_fmt(e.get('ece'))} | {_fmt(att)} | {_fmt(patch_att)} |")
    lines += ['', '## Bars (held-out centres)', '']
    for bar, value in report.get('bars', {}).items():
        lines.append(f'- **{bar}**: `{value}`')
    lines += ['', f"Training seconds: {report['trainingSeconds']}; total {report['elapsedSeconds']} s.", '']
    open(path, 'w').write('\n'.join(lines))


def check_bars(report: dict) -> dict:
    """The issue's bars, evaluated on the held-out centres (True/False per item, None when not computable)."""
    models, bayes = report['models'], report['bayesOptimal']
    auc = lambda m, h: models.get(m, {}).get(h, {}).get('auc')  # noqa: E731
    bars = {'withinBayes0.03': {}, 'fusedAtLeastSingle': {}, 'spatialBeatsDvhBy0.05': {}, 'attentionTopCausal0.8': {}}
    for h in BINARY_HEADS:
        b = bayes.get(h, {}).get('auc')
        bars['withinBayes0.03'][h] = {m: (None if auc(m, h) is None or b is None else bool(b - auc(m, h) <= 0.03)) for m in models}
        single = [auc('tabular-mil', h), auc('spatial-mil', h)]
        for fused in ('fusion-early-mil', 'fusion-late-mil'):
            f = auc(fused, h)
            bars['fusedAtLeastSingle'].setdefault(fused, {})[h] = None if f is None or None in single else bool(f >= max(single))
        for m, key in (('tabular-mil', 'attentionTopCausal'), ('fusion-early-mil', 'attentionTopCausal'),
                       ('spatial-mil', 'patchAttentionTopCausal'), ('fusion-early-mil', 'patchAttentionTopCausal')):
            frac = models.get(m, {}).get(key, {}).get(h, {}).get('fractionTopIsCausal')
            label = m if key == 'attentionTopCausal' else f'{m} (patches, by anchor organ)'
            bars['attentionTopCausal0.8'].setdefault(label, {})[h] = None if frac is None else bool(frac >= 0.8)
    # the generator adds a sub-region (cranial half) dose term to both toxicities; only the parotids' is hidden from
    # their DVH (half the glands have their dose arrangement mirrored), so xerostomia is where the bar can be met
    for h in ('xerostomiaG2', 'dysphagiaG2'):
        s, t = auc('spatial-mil', h), auc('tabular-mil', h)
        bars['spatialBeatsDvhBy0.05'][h] = None if s is None or t is None else bool(s - t >= 0.05)
    return bars
