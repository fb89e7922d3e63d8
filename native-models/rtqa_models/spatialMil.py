"""WP2: spatial MIL over 3D patches of (CT, dose, organ-group masks): small 3D CNN encoder, position
encoding of the patch centre, gated attention per head."""
import torch
from torch import nn

from .attention import GatedAttention
from .tabularMil import BRANCHES


class PatchEncoder(nn.Module):
    """[M, C, 8, 8, 8] -> [M, hidden]."""

    def __init__(self, channels: int, hidden: int = 64):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv3d(channels, 16, 3, padding=1), nn.ReLU(), nn.MaxPool3d(2),
            nn.Conv3d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool3d(2),
            nn.Flatten(), nn.Linear(32 * 8, hidden), nn.ReLU())

    def forward(self, x):
        return self.net(x)


class SpatialMil(nn.Module):
    def __init__(self, channels: int, clinical_dim: int, hidden: int = 64):
        super().__init__()
        self.encoder = PatchEncoder(channels, hidden)
        self.position = nn.Linear(3, hidden)
        self.attention = GatedAttention(hidden, 32, BRANCHES)
        self.heads = nn.ModuleList([nn.Linear(hidden + clinical_dim, 1) for _ in range(BRANCHES)])
        self.hidden = hidden

    def embed(self, patches, positions, patch_mask):
        b, n = patches.shape[0], patches.shape[1]
        h = self.encoder(patches.flatten(0, 1)).reshape(b, n, self.hidden) + self.position(positions)
        return self.attention(h, patch_mask)

    def head_logits(self, z, clinical):
        return torch.cat([head(torch.cat([z[:, k], clinical], dim=-1)) for k, head in enumerate(self.heads)], dim=-1)

    def forward(self, patches, positions, patch_mask, clinical):
        z, a = self.embed(patches, positions, patch_mask)
        return self.head_logits(z, clinical), a
