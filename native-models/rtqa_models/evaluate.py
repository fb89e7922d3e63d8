"""Held-out evaluation: AUC with bootstrap CI, calibration slope, ECE, C-index, the Bayes-optimal AUC from the
generator's true probabilities, and how often attention ranks a true causal organ first."""
import numpy as np

from .data import BINARY_HEADS, Cohort
from .metrics import auc, bootstrap_ci, c_index, calibration_slope, ece


def evaluate_predictions(c: Cohort, probs: np.ndarray, log_hazard: np.ndarray, n_boot: int = 1000) -> dict:
    out = {}
    for h, head in enumerate(BINARY_HEADS):
        known = c.known[:, h] > 0
        y, p = c.labels[known, h], probs[known, h]
        entry = {'n': int(known.sum()), 'positives': int(y.sum())}
        if 0 < y.sum() < len(y):
            entry.update(auc=auc(y, p), aucCi95=bootstrap_ci(auc, y, p, n=n_boot), calibrationSlope=calibration_slope(y, p),
                         ece=ece(y, p))
        out[head] = entry
    cidx = c_index(c.lc_time, c.lc_event, log_hazard)
    out['localControl'] = {'n': len(c.lc_time), 'events': int(c.lc_event.sum()), 'cIndex': cidx,
                           'cIndexCi95': bootstrap_ci(c_index, c.lc_time, c.lc_event, log_hazard, n=min(n_boot, 300))}
    return out


def bayes_optimal(c: Cohort, n_boot: int = 1000) -> dict:
    """AUC of the generator's true probabilities on the realised test outcomes: no model can beat it on average."""
    out = {}
    for h, head in enumerate(BINARY_HEADS):
        known = (c.known[:, h] > 0) & np.isfinite(c.true_probs[:, h])
        y, p = c.labels[known, h], c.true_probs[known, h]
        if known.sum() and 0 < y.sum() < len(y):
            out[head] = {'auc': auc(y, p), 'aucCi95': bootstrap_ci(auc, y, p, n=n_boot)}
        else:
            out[head] = {'auc': None, 'note': 'no true probabilities in truth.json for this head'}
    return out


def attention_top_causal(c: Cohort, attention: np.ndarray) -> dict:
    """For positive patients of each binary head: fraction whose highest-attention organ (that head's branch)
    is one of the generator's causal structures for that head."""
    vocab = c.spec['organVocabulary']

    def top_names(p, h):
        n = int(c.instance_mask[p].sum())
        top = int(np.argmax(attention[p, h, :n]))
        return {c.organ_names[p][top], vocab[int(c.organ_ids[p, top])]}
    return _fraction_top_causal(c, top_names)


def patch_attention_top_causal(c: Cohort, patch_attention: np.ndarray) -> dict:
    """The same measure for a spatial model: each patch's attention is credited to the organ that anchors it
    (patchAnchorNames "Parotid_L:cranial" -> Parotid_L; unanchored dose tiles credit no organ), and the organ with
    the most attention over its patches is the patient's top organ."""
    anchor_organs = [name.split(':')[0] for name in c.spec.get('patchAnchorNames', ['none'])]

    def top_names(p, h):
        per_organ = {}
        for m in np.flatnonzero(c.patch_mask[p] > 0):
            anchor = int(c.anchors[p, m])
            if anchor > 0:
                per_organ[anchor_organs[anchor]] = per_organ.get(anchor_organs[anchor], 0.0) + float(patch_attention[p, h, m])
        return {max(per_organ, key=per_organ.get)} if per_organ else None
    return _fraction_top_causal(c, top_names)


def _fraction_top_causal(c: Cohort, top_names) -> dict:
    """Per binary head, over positive patients with causal organs: how often top_names(patient, head) (a set of
    names for the top organ, or None when the patient has none) meets the causal set."""
    out = {}
    for h, head in enumerate(BINARY_HEADS):
        hits, total = 0, 0
        for p in range(len(c.patient_ids)):
            if c.known[p, h] == 0 or c.labels[p, h] != 1:
                continue
            causal = c.causal[p].get(head) or c.causal[p].get('any') or []
            names = top_names(p, h) if causal else None
            if not names:
                continue
            total += 1
            hits += bool(names & set(causal))
        out[head] = {'positivesWithCausalOrgans': total, 'fractionTopIsCausal': (hits / total) if total else None}
    return out
