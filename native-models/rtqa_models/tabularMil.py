"""WP1: gated-attention MIL over organ instances (learned organ embedding + DVH samples, dose metrics,
constraint margins) with patient clinical variables concatenated at bag level."""
import torch
from torch import nn

from .attention import GatedAttention

BRANCHES = 4  # majorDeviation, xerostomiaG2, dysphagiaG2, localControl
# The attention priors are stored ÷ PRIOR_SCALE: with Adam this moves them PRIOR_SCALE times faster in logit
# units than the content weights, so attention concentrates within the few epochs one CPU thread allows.
PRIOR_SCALE = 3.0


class TabularMil(nn.Module):
    def __init__(self, vocab_size: int, instance_dim: int, clinical_dim: int, embed_dim: int = 8, hidden: int = 64,
                 dropout: float = 0.1):
        super().__init__()
        self.organ_embedding = nn.Embedding(vocab_size, embed_dim)
        self.encoder = nn.Sequential(
            nn.Linear(embed_dim + instance_dim, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.ReLU())
        self.attention = GatedAttention(hidden, 32, BRANCHES)
        # per head, a learned attention prior per organ: which organs matter to an outcome is learned in a few
        # epochs this way, while the content term (dose, margins) decides within and across organs
        self.organ_prior = nn.Embedding(vocab_size, BRANCHES)
        nn.init.zeros_(self.organ_prior.weight)
        self.heads = nn.ModuleList([nn.Linear(hidden + clinical_dim, 1) for _ in range(BRANCHES)])
        self.hidden = hidden
        # instance features standardised with the training set's statistics (set_feature_scaling): rare but
        # decisive values (a missing structure, a negative margin) then stand out from the first epoch
        self.register_buffer('feature_mean', torch.zeros(instance_dim))
        self.register_buffer('feature_std', torch.ones(instance_dim))

    def set_feature_scaling(self, instances, mask):
        """Mean and SD of each instance feature over the real instances of the training bags (numpy arrays)."""
        real = instances[mask > 0]
        self.feature_mean.copy_(torch.as_tensor(real.mean(0), dtype=torch.float32))
        self.feature_std.copy_(torch.as_tensor(real.std(0), dtype=torch.float32).clamp(min=0.05))
        return self

    def embed(self, organ_ids, instance_features, instance_mask):
        """Bag embeddings z [B, K, H] and attention [B, K, N]."""
        scaled = ((instance_features - self.feature_mean) / self.feature_std).clamp(-10.0, 10.0)
        h = self.encoder(torch.cat([self.organ_embedding(organ_ids), scaled], dim=-1))
        return self.attention(h, instance_mask, PRIOR_SCALE * self.organ_prior(organ_ids))

    def head_logits(self, z, clinical):
        """Per-branch logit / log-hazard [B, K] from bag embeddings and clinical variables."""
        return torch.cat([head(torch.cat([z[:, k], clinical], dim=-1)) for k, head in enumerate(self.heads)], dim=-1)

    def forward(self, organ_ids, instance_features, instance_mask, clinical):
        z, a = self.embed(organ_ids, instance_features, instance_mask)
        return self.head_logits(z, clinical), a
