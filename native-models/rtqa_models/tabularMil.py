"""WP1: gated-attention MIL over organ instances (learned organ embedding + DVH samples, dose metrics,
constraint margins) with patient clinical variables concatenated at bag level."""
import torch
from torch import nn

from .attention import GatedAttention

BRANCHES = 4  # majorDeviation, xerostomiaG2, dysphagiaG2, localControl


class TabularMil(nn.Module):
    def __init__(self, vocab_size: int, instance_dim: int, clinical_dim: int, embed_dim: int = 8, hidden: int = 64,
                 dropout: float = 0.1):
        super().__init__()
        self.organ_embedding = nn.Embedding(vocab_size, embed_dim)
        self.encoder = nn.Sequential(
            nn.Linear(embed_dim + instance_dim, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.ReLU())
        self.attention = GatedAttention(hidden, 32, BRANCHES)
        self.heads = nn.ModuleList([nn.Linear(hidden + clinical_dim, 1) for _ in range(BRANCHES)])
        self.hidden = hidden

    def embed(self, organ_ids, instance_features, instance_mask):
        """Bag embeddings z [B, K, H] and attention [B, K, N]."""
        h = self.encoder(torch.cat([self.organ_embedding(organ_ids), instance_features], dim=-1))
        return self.attention(h, instance_mask)

    def head_logits(self, z, clinical):
        """Per-branch logit / log-hazard [B, K] from bag embeddings and clinical variables."""
        return torch.cat([head(torch.cat([z[:, k], clinical], dim=-1)) for k, head in enumerate(self.heads)], dim=-1)

    def forward(self, organ_ids, instance_features, instance_mask, clinical):
        z, a = self.embed(organ_ids, instance_features, instance_mask)
        return self.head_logits(z, clinical), a
