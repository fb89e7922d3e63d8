"""WP3: fusion of the tabular (organ) and spatial (patch) MIL models.

Early fusion: both encoders and attentions trained together, bag embeddings concatenated before the heads.
Late fusion: the two trained ensembles frozen (mean member logits); per head a logit = a * tabular + b * spatial + c, fitted on validation.
"""
import torch
from torch import nn

from .spatialMil import SpatialMil
from .tabularMil import BAG_SUMMARIES, BRANCHES, TabularMil


class EarlyFusionMil(nn.Module):
    def __init__(self, tabular: TabularMil, spatial: SpatialMil, clinical_dim: int, start=None):
        super().__init__()
        self.tabular = tabular
        self.spatial = spatial
        self.heads = nn.ModuleList([nn.Linear(tabular.hidden + spatial.hidden + clinical_dim + BAG_SUMMARIES, 1) for _ in range(BRANCHES)])
        self.start_from_combination(clinical_dim, *(start if start is not None else (torch.full((2, BRANCHES), 0.5), torch.zeros(BRANCHES))))

    def start_from_combination(self, clinical_dim: int, weights: torch.Tensor, bias: torch.Tensor):
        """Sets each joint head k to weights[0, k] × the tabular head + weights[1, k] × the spatial head + bias[k]
        (inputs: tabular embedding, spatial embedding, clinical, protocol summaries), so fine-tuning starts from
        that combination of the two members' logits (by default their average; train.py passes the late fusion's
        weights fitted on the validation centres) instead of from random heads that must first relearn what the
        members knew."""
        ht, hs = self.tabular.hidden, self.spatial.hidden
        with torch.no_grad():
            for k, (fused, tab, spa) in enumerate(zip(self.heads, self.tabular.heads, self.spatial.heads)):
                a, b = float(weights[0, k]), float(weights[1, k])
                wt, ws = tab.weight[0], spa.weight[0]
                fused.weight[0].copy_(torch.cat([a * wt[:ht], b * ws[:hs], a * wt[ht:ht + clinical_dim] + b * ws[hs:hs + clinical_dim], a * wt[ht + clinical_dim:]]))
                fused.bias.copy_(a * tab.bias + b * spa.bias + float(bias[k]))

    def forward(self, organ_ids, instance_features, instance_mask, clinical, patches, positions, anchors, patch_mask):
        zt, at, summaries = self.tabular.embed(organ_ids, instance_features, instance_mask)
        zs, as_ = self.spatial.embed(patches, positions, anchors, patch_mask)
        logits = torch.cat([head(torch.cat([zt[:, k], zs[:, k], clinical, summaries], dim=-1)) for k, head in enumerate(self.heads)], dim=-1)
        return logits, at, as_


class MeanLogits(nn.Module):
    """An ensemble of same-kind members as one model: mean logits, mean attention (what late fusion combines)."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, *inputs):
        outs = [m(*inputs) for m in self.members]
        return tuple(torch.stack([o[i] for o in outs]).mean(0) for i in range(len(outs[0])))


class LateFusionMil(nn.Module):
    def __init__(self, tabular: nn.Module, spatial: nn.Module):
        super().__init__()
        self.tabular = tabular
        self.spatial = spatial
        self.weights = nn.Parameter(torch.full((2, BRANCHES), 0.5))
        self.bias = nn.Parameter(torch.zeros(BRANCHES))

    def forward(self, organ_ids, instance_features, instance_mask, clinical, patches, positions, anchors, patch_mask):
        lt, at = self.tabular(organ_ids, instance_features, instance_mask, clinical)
        ls, as_ = self.spatial(patches, positions, anchors, patch_mask, clinical)
        return self.weights[0] * lt + self.weights[1] * ls + self.bias, at, as_
