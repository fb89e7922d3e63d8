"""Evaluation metrics in numpy: AUC with bootstrap CI, calibration slope, ECE, Harrell's C-index."""
import numpy as np


def auc(y: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney U with tie correction); NaN when one class is absent."""
    y = np.asarray(y, dtype=float)
    score = np.asarray(score, dtype=float)
    pos, neg = score[y == 1], score[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float('nan')
    ranks = _rank(np.concatenate([pos, neg]))
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def _rank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind='mergesort')
    ranks = np.empty(len(x))
    sorted_x = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sorted_x[j + 1] == sorted_x[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def bootstrap_ci(metric, *arrays, n: int = 1000, seed: int = 0, alpha: float = 0.05):
    """Percentile bootstrap (resampling patients) of metric(*arrays): (low, high)."""
    rng = np.random.default_rng(seed)
    size = len(arrays[0])
    values = []
    for _ in range(n):
        idx = rng.integers(0, size, size)
        v = metric(*(np.asarray(a)[idx] for a in arrays))
        if np.isfinite(v):
            values.append(v)
    if not values:
        return (float('nan'), float('nan'))
    return (float(np.quantile(values, alpha / 2)), float(np.quantile(values, 1 - alpha / 2)))


def calibration_slope(y: np.ndarray, p: np.ndarray) -> float:
    """Slope of the logistic recalibration y ~ a + b·logit(p) (1 = well calibrated), Newton-Raphson."""
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    x = np.stack([np.ones_like(p), np.log(p / (1 - p))], axis=1)
    y = np.asarray(y, dtype=float)
    beta = np.zeros(2)
    for _ in range(50):
        mu = 1 / (1 + np.exp(-x @ beta))
        w = mu * (1 - mu) + 1e-9
        step = np.linalg.solve(x.T @ (x * w[:, None]) + 1e-9 * np.eye(2), x.T @ (y - mu))
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[1])


def ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with equal-width probability bins."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for b in range(bins):
        inside = (p >= edges[b]) & ((p < edges[b + 1]) if b < bins - 1 else (p <= edges[b + 1]))
        if inside.any():
            total += inside.sum() / len(p) * abs(y[inside].mean() - p[inside].mean())
    return float(total)


def c_index(time: np.ndarray, event: np.ndarray, risk: np.ndarray) -> float:
    """Harrell's concordance: higher risk should mean earlier event; ties in risk count one half."""
    time = np.asarray(time, dtype=float)
    event = np.asarray(event, dtype=float)
    risk = np.asarray(risk, dtype=float)
    concordant = 0.0
    comparable = 0
    for i in range(len(time)):
        if event[i] != 1:
            continue
        later = time > time[i]
        comparable += later.sum()
        concordant += (risk[i] > risk[later]).sum() + 0.5 * (risk[i] == risk[later]).sum()
    return float(concordant / comparable) if comparable else float('nan')
