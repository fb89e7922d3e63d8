"""Train, evaluate and export every RTQA model on one synthetic trial.

  /usr/bin/python3 native-models/train.py --features FEATURES_DIR --truth TRUTH_JSON [--features … --truth …] --out native-models [--quick]

FEATURES_DIR comes from `npm run --silent rtqa -- features TRIAL_DIR --out FEATURES_DIR` (the app's own feature
code). Writes models/*.onnx with model cards and parity fixtures, and reports/evaluation.json + summary.md.
"""
import argparse
import copy
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rtqa_models import baselines as bl  # noqa: E402
from rtqa_models.data import BINARY_HEADS, load_trials, split_by_centre  # noqa: E402
from rtqa_models.evaluate import attention_top_causal, bayes_optimal, evaluate_predictions, patch_attention_top_causal  # noqa: E402
from rtqa_models.exportOnnx import KIND_INPUTS, EnsembleExport, export_model, write_model_card, write_parity_fixture  # noqa: E402
from rtqa_models.fusionMil import EarlyFusionMil, LateFusionMil, MeanLogits  # noqa: E402
from rtqa_models.mirror import MirrorBatch  # noqa: E402
from rtqa_models.spatialMil import SpatialMil  # noqa: E402
from rtqa_models.tabularMil import TabularMil  # noqa: E402
from rtqa_models.training import INPUTS, fit, fit_late_fusion, fit_members, to_tensors  # noqa: E402
from rtqa_models.reporting import check_bars, feature_ranges, shap_baseline, write_summary  # noqa: E402

MODEL_VERSION = '1.0.0'


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument('--features', required=True, action='append', help='features folder (repeat for several trials)')
    ap.add_argument('--truth', required=True, action='append', help='truth.json of each trial, in the same order')
    ap.add_argument('--out', required=True)
    ap.add_argument('--quick', action='store_true', help='tiny settings for the smoke test')
    ap.add_argument('--members', type=int, default=5)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--spatial-seconds', type=float, default=540, help='wall-clock limit per spatial / early-fusion member')
    ap.add_argument('--spatial-epochs', type=int, default=40)
    ap.add_argument('--spatial-members', type=int, default=3, help='spatial members, each paired with an early-fusion member')
    ap.add_argument('--mirror', action='store_true', help='mirror half of each training batch left-right (off by default: see README)')
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    started = time.time()
    log = lambda *a: print(*a, flush=True)  # noqa: E731

    if len(args.features) != len(args.truth):
        ap.error('give one --truth per --features')
    cohort = load_trials(args.features, args.truth)
    tr_idx, va_idx, te_idx, centres = split_by_centre(cohort.centres, seed=args.seed)
    if len(va_idx) == 0:  # too few centres for a validation part: early-stop on the training centres
        va_idx = tr_idx
    train, val, test = cohort.subset(tr_idx), cohort.subset(va_idx), cohort.subset(te_idx)
    log(f'patients {len(cohort.patient_ids)}: train {len(tr_idx)} val {len(va_idx)} test {len(te_idx)}; centres {centres}')
    t_train, t_val, t_test = to_tensors(train), to_tensors(val), to_tensors(test)
    spec = cohort.spec
    vocab, f_dim, c_dim, ch = len(spec['organVocabulary']), len(spec['instanceFeatureNames']), len(spec['clinicalFeatureNames']), len(spec['patchChannels'])
    n_anchors = len(spec.get('patchAnchorNames', ['none']))
    has_patches = cohort.patch_mask.sum() > 0
    epochs = 5 if args.quick else 80
    sp_epochs = 2 if args.quick else args.spatial_epochs
    members = 2 if args.quick else args.members
    timings = {}
    # every model kind sees the same augmentation (of the inputs it reads)
    mirror = (lambda kind: MirrorBatch(spec, INPUTS[kind])) if args.mirror else (lambda kind: None)  # noqa: E731

    def timed(name, fn):
        t0 = time.time()
        result = fn()
        timings[name] = round(time.time() - t0, 1)
        return result

    new_tabular = lambda: TabularMil(vocab, f_dim, c_dim, spec['instanceFeatureNames'], spec['organVocabulary']).set_feature_scaling(train.instances, train.instance_mask)  # noqa: E731
    # tabular and spatial members train one after the other: side by side in two processes on this 2-core machine
    # each ran 2-6x slower (a tabular epoch 11.6 s instead of about 5 s, a spatial epoch about 80 s instead of 19 s)
    tabular = timed('tabular', lambda: [fit(new_tabular(), 'tabular', t_train, t_val, epochs=epochs, batch_size=32, lr=5e-3,
                                            patience=15, seed=args.seed + s, log=log, augment=mirror('tabular')) for s in range(members)])
    spatial, early = [], []
    if has_patches:
        sp_members = 1 if args.quick else args.spatial_members
        new_spatial = lambda: SpatialMil(ch, c_dim, n_anchors, anchor_names=spec.get('patchAnchorNames', []))  # noqa: E731
        spatial = timed('spatial', lambda: fit_members(
            new_spatial, lambda model, seed: fit(model, 'spatial', t_train, t_val, epochs=sp_epochs, batch_size=32, lr=2e-3, seed=seed, log=log,
                                                 patience=5, time_limit_s=args.spatial_seconds, cosine_decay=True, augment=mirror('spatial')),
            [args.seed + s for s in range(sp_members)], 'spatial', t_val, log=log))
        late = LateFusionMil(MeanLogits(tabular), MeanLogits(spatial))
        for p in list(late.tabular.parameters()) + list(late.spatial.parameters()):
            p.requires_grad_(False)
        late = timed('lateFusion', lambda: fit_late_fusion(late, t_val, steps=20 if args.quick else 300, log=log))
        # early fusion starts from trained single-modality members (warm start: one CPU thread cannot afford
        # training both encoders from scratch again), its joint heads at the late fusion's per-head weights (the
        # combination of the two members' logits that the validation centres favour: on a head where one model is
        # clearly the better, fine-tuning starts from that model rather than from an even average), and is
        # fine-tuned jointly with a lower learning rate
        start = (late.weights.detach().clone(), late.bias.detach().clone())
        early = timed('earlyFusion', lambda: [fit(EarlyFusionMil(copy.deepcopy(tabular[s % len(tabular)]), copy.deepcopy(spatial[s]), c_dim, start), 'fusion',
                                                  t_train, t_val, epochs=max(2, sp_epochs // 3), batch_size=32, lr=1e-3, seed=args.seed + s, log=log,
                                                  patience=4, time_limit_s=0.4 * args.spatial_seconds, cosine_decay=True, augment=mirror('fusion'))
                                            for s in range(sp_members)])

    ensembles = {'tabular-mil': EnsembleExport(tabular, 'tabular')}
    if has_patches:
        ensembles['spatial-mil'] = EnsembleExport(spatial, 'spatial')
        ensembles['fusion-early-mil'] = EnsembleExport(early, 'fusion')
        ensembles['fusion-late-mil'] = EnsembleExport(late_members(late, tabular, spatial), 'fusion')

    report = {'split': {k: v for k, v in centres.items()}, 'counts': {'train': len(tr_idx), 'val': len(va_idx), 'test': len(te_idx)},
              'bayesOptimal': bayes_optimal(test), 'models': {}, 'baselines': {}, 'trainingSeconds': timings}
    test_inputs = {'organIds': test.organ_ids, 'instanceFeatures': test.instances, 'instanceMask': test.instance_mask, 'clinical': test.clinical,
                   'patches': test.patches, 'patchPositions': test.positions, 'patchAnchors': test.anchors, 'patchMask': test.patch_mask}
    for name, module in ensembles.items():
        kind = module.kind
        with torch.no_grad():
            outs = [o.numpy() for o in module(*(torch.from_numpy(test_inputs[n]) for n in KIND_INPUTS[kind]))]
        entry = evaluate_predictions(test, outs[0], outs[2][:, 0], n_boot=200 if args.quick else 1000)
        entry['meanSpread'] = [float(v) for v in outs[1].mean(0)]
        if kind in ('tabular', 'fusion'):
            entry['attentionTopCausal'] = attention_top_causal(test, outs[3])
        if kind in ('spatial', 'fusion'):  # patch attention credited to the anchoring organs
            entry['patchAttentionTopCausal'] = patch_attention_top_causal(test, outs[-1])
        report['models'][name] = entry
        log(f'{name}: ' + ', '.join(f"{h} AUC {entry[h].get('auc', float('nan')):.3f}" for h in BINARY_HEADS) + f", C {entry['localControl']['cIndex']:.3f}")

    report['baselines'] = run_baselines(train, val, test, quick=args.quick)
    os.makedirs(os.path.join(args.out, 'models'), exist_ok=True)
    os.makedirs(os.path.join(args.out, 'reports'), exist_ok=True)
    ranges = feature_ranges(train)
    baseline = shap_baseline(train)
    cards = {}
    for name, module in ensembles.items():
        onnx_path = os.path.join(args.out, 'models', f'{name}.onnx')
        example = parity_example(test_inputs, module.kind)
        inputs, outputs = export_model(module, example, onnx_path)
        write_parity_fixture(os.path.join(args.out, 'models', f'{name}.parity.json'), inputs, outputs)
        cards[name] = write_model_card(
            os.path.join(args.out, 'models', f'{name}.card.json'), name, MODEL_VERSION, module.kind, onnx_path, spec, ranges, baseline,
            {'data': f'synthetic trial ({len(cohort.patient_ids)} patients, {len(set(cohort.centres))} centres), split by centre',
             'split': centres, 'members': len(module.members), 'featureRanges': ranges['_features'], 'planningSystems': ranges['_planningSystems'],
             'seconds': timings}, report['models'][name], 'quick smoke-test model' if args.quick else '')
        report['models'][name]['fileBytes'] = os.path.getsize(onnx_path)
    report['bars'] = check_bars(report)
    report['elapsedSeconds'] = round(time.time() - started, 1)
    json.dump(report, open(os.path.join(args.out, 'reports', 'evaluation.json'), 'w'), indent=1, default=float)
    write_summary(report, os.path.join(args.out, 'reports', 'summary.md'))
    log(f'done in {report["elapsedSeconds"]} s')
    return report


def late_members(late, tabular, spatial):
    """The fitted late fusion as an ensemble: each tabular member paired with a spatial member under the weights
    fitted on the mean logits, so the exported model reports a member spread like the others."""
    members = []
    for i, tab in enumerate(tabular):
        member = LateFusionMil(tab, spatial[i % len(spatial)])
        member.weights.data.copy_(late.weights.data)
        member.bias.data.copy_(late.bias.data)
        members.append(member.eval())
    return members


def parity_example(test_inputs, kind, patients=2, max_patches=6):
    """A small fixed batch (two test patients, padded bags, at most six patches each) for the parity fixture."""
    ex = {k: v[:patients].copy() for k, v in test_inputs.items()}
    for name in ('patches', 'patchPositions', 'patchAnchors', 'patchMask'):
        ex[name] = ex[name][:, :max_patches]
    if patients > 1:
        ex['instanceMask'][1, -1] = 0  # a padded instance, to check masking survives export
    return ex


def run_baselines(train, val, test, quick=False):
    out = {}
    fitset = train.subset(np.arange(len(train.patient_ids)))
    n_boot = 200 if quick else 1000
    from rtqa_models.metrics import auc, bootstrap_ci, c_index
    for h, head in enumerate(BINARY_HEADS):
        k_tr, k_te = fitset.known[:, h] > 0, test.known[:, h] > 0
        y_tr, y_te = fitset.labels[k_tr, h], test.labels[k_te, h]
        if not (0 < y_tr.sum() < len(y_tr)) or not (0 < y_te.sum() < len(y_te)):
            continue
        entries = {}
        predict_dvh = bl.fit_logistic(bl.dvh_metric_design(fitset)[k_tr], y_tr)
        entries['logisticDvhMetrics'] = predict_dvh(bl.dvh_metric_design(test)[k_te])
        if head != 'majorDeviation':
            predict_lipp = bl.fit_logistic(bl.lipp_design(fitset, head)[k_tr], y_tr, l2=1e-4)
            entries['lippRefit'] = predict_lipp(bl.lipp_design(test, head)[k_te])
            predict_lkb, params = bl.fit_lkb(bl.lkb_dose(fitset, head)[k_tr], y_tr)
            entries['lkb'] = predict_lkb(bl.lkb_dose(test, head)[k_te])
            out.setdefault('lkbParameters', {})[head] = params
        for name, p in entries.items():
            out.setdefault(name, {})[head] = {'auc': auc(y_te, p), 'aucCi95': bootstrap_ci(auc, y_te, p, n=n_boot)}
    cox = bl.fit_linear_cox(bl.dvh_metric_design(fitset), fitset.lc_time, fitset.lc_event)
    out.setdefault('coxDvhMetrics', {})['localControl'] = {'cIndex': c_index(test.lc_time, test.lc_event, cox(bl.dvh_metric_design(test)))}
    return out


if __name__ == '__main__':
    main()
