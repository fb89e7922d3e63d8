"""Gated attention pooling (Ilse et al. 2018, arXiv 1802.04712) with one attention branch per head."""
import torch
from torch import nn

# Large negative logit for padded instances: keeps softmax finite (no NaN, ONNX-safe) and their weight 0.
PAD_LOGIT = -1.0e4


class GatedAttention(nn.Module):
    """a_k = softmax_k( w^T (tanh(V h_k) * sigmoid(U h_k)) ) per branch, z = sum_k a_k h_k.

    h: [B, N, D] instance embeddings, mask: [B, N] (1 real instance, 0 padding).
    Returns z: [B, K, D] bag embeddings and a: [B, K, N] attention weights (0 on padding).
    """

    def __init__(self, dim: int, hidden: int, branches: int):
        super().__init__()
        self.V = nn.Linear(dim, hidden)
        self.U = nn.Linear(dim, hidden)
        self.w = nn.Linear(hidden, branches)

    def forward(self, h: torch.Tensor, mask: torch.Tensor, prior: torch.Tensor = None):
        """prior: optional [B, N, K] logits added per instance and branch (e.g. a learned per-organ prior)."""
        logits = self.w(torch.tanh(self.V(h)) * torch.sigmoid(self.U(h)))
        if prior is not None:
            logits = logits + prior
        logits = logits.transpose(1, 2)  # [B, K, N]
        m = mask.unsqueeze(1)
        logits = logits * m + (1.0 - m) * PAD_LOGIT
        a = torch.softmax(logits, dim=-1) * m
        z = torch.bmm(a, h)
        return z, a
