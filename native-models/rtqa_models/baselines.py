"""Baselines on the same centre split: LIPP-style logistic refitted on mean doses, LKB (mean dose, n = 1),
L2 logistic regression on DVH metrics, and a linear Cox model on DVH metrics for local control."""
import math

import numpy as np
import torch

from .data import Cohort

DMEAN = 17   # index of Dmean_per70Gy in the instance features (featureSpec INSTANCE_FEATURE_NAMES)
DMAX, D95, D2 = 18, 20, 21
MARGIN_PP, MARGIN_MINOR, HAS_CONSTRAINT = 23, 24, 25
DOSE_SCALE_GY = 70.0
CLIN = {'xeroCat2': 2, 'xeroCat3': 3, 'dysG2': 4, 'dysG3': 5, 'pharynx': 6, 'larynx': 7}  # featureSpec CLINICAL_FEATURE_NAMES


def organ_metric(c: Cohort, organ: str, column: int, missing: float = 0.0) -> np.ndarray:
    """Per patient the feature `column` of the named organ (first instance), `missing` when absent."""
    out = np.full(len(c.patient_ids), missing, np.float64)
    if organ not in c.spec['organVocabulary']:
        return out
    index = c.spec['organVocabulary'].index(organ)
    for p in range(len(c.patient_ids)):
        hit = np.where((c.organ_ids[p] == index) & (c.instance_mask[p] > 0))[0]
        if len(hit):
            out[p] = c.instances[p, hit[0], column]
    return out


def lipp_design(c: Cohort, head: str) -> np.ndarray:
    dmean = lambda o: organ_metric(c, o, DMEAN) * DOSE_SCALE_GY  # noqa: E731
    k = c.clinical
    if head == 'xerostomiaG2':
        return np.stack([np.sqrt(dmean('Parotid_L')) + np.sqrt(dmean('Parotid_R')),
                         (dmean('Glnd_Submand_L') + dmean('Glnd_Submand_R')) / 2, k[:, CLIN['xeroCat2']], k[:, CLIN['xeroCat3']]], 1)
    if head == 'dysphagiaG2':
        return np.stack([dmean('Cavity_Oral'), dmean('Musc_Constrict_S'), dmean('Musc_Constrict_M'), dmean('Musc_Constrict_I'),
                         k[:, CLIN['dysG2']], k[:, CLIN['dysG3']], k[:, CLIN['pharynx']], k[:, CLIN['larynx']]], 1)
    raise ValueError(head)


def dvh_metric_design(c: Cohort) -> np.ndarray:
    """Per vocabulary organ: Dmean, Dmax, D95, D2, worst margins, has-constraint; plus clinical."""
    cols = []
    for organ in c.spec['organVocabulary'][1:]:
        for column in (DMEAN, DMAX, D95, D2, MARGIN_PP, MARGIN_MINOR, HAS_CONSTRAINT):
            cols.append(organ_metric(c, organ, column))
    return np.concatenate([np.stack(cols, 1), c.clinical.astype(np.float64)], 1)


class Standardiser:
    def __init__(self, x):
        self.mu, self.sd = x.mean(0), x.std(0) + 1e-6

    def __call__(self, x):
        return (x - self.mu) / self.sd


def fit_logistic(x, y, l2=1e-2, steps=300):
    """L2-penalised logistic regression by L-BFGS; returns predict(x) -> probability."""
    s = Standardiser(x)
    xt, yt = torch.tensor(s(x), dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    w = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=steps, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(xt @ w + b, yt) + l2 * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    wd, bd = w.detach(), b.detach()
    return lambda xn: torch.sigmoid(torch.tensor(s(xn), dtype=torch.float64) @ wd + bd).numpy()


def fit_lkb(dose_gy, y, steps=500):
    """LKB with n = 1 (gEUD = mean dose): NTCP = Φ((D − TD50)/(m·TD50)); maximum likelihood for TD50, m."""
    d, yt = torch.tensor(dose_gy, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    log_td50 = torch.tensor([math.log(40.0)], dtype=torch.float64, requires_grad=True)
    log_m = torch.tensor([math.log(0.4)], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([log_td50, log_m], lr=0.05)
    ntcp = lambda dd, t, m: (0.5 * (1 + torch.erf((dd - t) / (m * t) / math.sqrt(2)))).clamp(1e-6, 1 - 1e-6)  # noqa: E731
    for _ in range(steps):
        opt.zero_grad()
        p = ntcp(d, log_td50.exp(), log_m.exp())
        loss = -(yt * p.log() + (1 - yt) * (1 - p).log()).mean()
        loss.backward()
        opt.step()
    td50, m = float(log_td50.exp()), float(log_m.exp())
    return (lambda dn: ntcp(torch.tensor(dn, dtype=torch.float64), torch.tensor(td50), torch.tensor(m)).numpy()), {'TD50Gy': td50, 'm': m, 'n': 1.0}


def lkb_dose(c: Cohort, head: str) -> np.ndarray:
    if head == 'xerostomiaG2':  # mean of both parotids' mean doses
        return (organ_metric(c, 'Parotid_L', DMEAN) + organ_metric(c, 'Parotid_R', DMEAN)) / 2 * DOSE_SCALE_GY
    if head == 'dysphagiaG2':
        return organ_metric(c, 'Musc_Constrict_S', DMEAN) * DOSE_SCALE_GY
    raise ValueError(head)


def fit_linear_cox(x, time, event, l2=1e-2, steps=200):
    from .losses import cox_partial_likelihood
    s = Standardiser(x)
    xt = torch.tensor(s(x), dtype=torch.float64)
    w = torch.zeros(x.shape[1], dtype=torch.float64, requires_grad=True)
    t, e = torch.tensor(time, dtype=torch.float64), torch.tensor(event, dtype=torch.float64)
    opt = torch.optim.LBFGS([w], max_iter=steps, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = cox_partial_likelihood(xt @ w, t, e) + l2 * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    wd = w.detach()
    return lambda xn: (torch.tensor(s(xn), dtype=torch.float64) @ wd).numpy()
