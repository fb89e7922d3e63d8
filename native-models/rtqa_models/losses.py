"""Training losses: masked binary cross-entropy and the Cox partial likelihood (Breslow ties)."""
import torch
import torch.nn.functional as F


def masked_bce(logits: torch.Tensor, labels: torch.Tensor, known: torch.Tensor) -> torch.Tensor:
    """Mean BCE over the entries whose label is known (known = 1); logits, labels, known: [B, H]."""
    loss = F.binary_cross_entropy_with_logits(logits, labels, reduction='none') * known
    return loss.sum() / known.sum().clamp(min=1.0)


def cox_partial_likelihood(log_hazard: torch.Tensor, time: torch.Tensor, event: torch.Tensor) -> torch.Tensor:
    """Negative Cox partial log-likelihood per event (DeepSurv, Katzman 2018), Breslow handling of ties.

    log_hazard, time (months), event (1 = local-regional failure, 0 = censored): [B].
    """
    order = torch.argsort(time, descending=True)
    risk, ev = log_hazard[order], event[order]
    log_risk_set = torch.logcumsumexp(risk, dim=0)  # patients still at risk at each time (longer or equal)
    n_events = ev.sum().clamp(min=1.0)
    return -((risk - log_risk_set) * ev).sum() / n_events
