"""WP1: gated-attention MIL over organ instances (learned organ embedding + DVH samples, dose metrics,
constraint margins) with patient clinical variables concatenated at bag level."""
import torch
from torch import nn

from .attention import GatedAttention

BRANCHES = 4  # majorDeviation, xerostomiaG2, dysphagiaG2, localControl
MAJOR_BRANCH, XEROSTOMIA_BRANCH, DYSPHAGIA_BRANCH = 0, 1, 2
# The attention priors are stored ÷ PRIOR_SCALE: with Adam this moves them PRIOR_SCALE times faster in logit
# units than the content weights, so attention concentrates within the few epochs one CPU thread allows.
PRIOR_SCALE = 3.0
# The protocol's own verdict per organ, pooled over the bag: the worst margins (min over organs) and whether any
# required structure is missing (max). A major deviation is "any organ past its minor limit", a maximum over the
# bag that a weighted average of instances can only approximate; pooling these three features makes it exact.
MARGIN_FEATURES = ('worstMarginPerProtocol', 'worstMarginMinor')
MISSING_FEATURE = 'missingFromPlan'
BAG_SUMMARIES = len(MARGIN_FEATURES) + 1
# Where the published NTCP models look (LIPP v2.2, reference §3.3): the attention prior of each toxicity branch
# starts at +LITERATURE_PRIOR on these organs (+1.5 logits after PRIOR_SCALE) and is learned from there. Without it
# the dysphagia branch settles on the spinal cord, whose DVH follows the constrictors' (they lie side by side).
LITERATURE_ORGANS = {XEROSTOMIA_BRANCH: ('Parotid_L', 'Parotid_R', 'Glnd_Submand_L', 'Glnd_Submand_R'),
                     DYSPHAGIA_BRANCH: ('Cavity_Oral', 'Musc_Constrict_S', 'Musc_Constrict_M', 'Musc_Constrict_I')}
LITERATURE_PRIOR = 0.5
# A complication arises in normal tissue: the toxicity branches attend over organs at risk only (targets get
# -TARGET_EXCLUSION logits there). Without it the GTV, the most exposed instance of every plan and a proxy of the
# tumour's site, drew the xerostomia attention for a third of the positives. The major-deviation and
# local-control branches still see the targets (a target's coverage is a protocol item and drives control).
TARGET_PREFIXES = ('PTV', 'CTV', 'GTV')
TARGET_EXCLUSION = 20.0
TOXICITY_BRANCHES = (XEROSTOMIA_BRANCH, DYSPHAGIA_BRANCH)


class TabularMil(nn.Module):
    def __init__(self, vocab_size: int, instance_dim: int, clinical_dim: int, feature_names: list, organ_vocabulary: list = (),
                 embed_dim: int = 8, hidden: int = 64, dropout: float = 0.1):
        super().__init__()
        self.margin_index = [feature_names.index(n) for n in MARGIN_FEATURES]
        self.minor_margin_index = feature_names.index('worstMarginMinor')
        self.missing_index = feature_names.index(MISSING_FEATURE)
        self.dmean_index = feature_names.index('Dmean_per70Gy')
        self.organ_embedding = nn.Embedding(vocab_size, embed_dim)
        self.encoder = nn.Sequential(
            nn.Linear(embed_dim + instance_dim, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.ReLU())
        self.attention = GatedAttention(hidden, 32, BRANCHES)
        # per head, a learned attention prior per organ: which organs matter to an outcome is learned in a few
        # epochs this way, while the content term (dose, margins) decides within and across organs
        self.organ_prior = nn.Embedding(vocab_size, BRANCHES)
        nn.init.zeros_(self.organ_prior.weight)
        if organ_vocabulary:
            with torch.no_grad():
                for branch, organs in LITERATURE_ORGANS.items():
                    for organ in organs:
                        if organ in organ_vocabulary:
                            self.organ_prior.weight[organ_vocabulary.index(organ), branch] = LITERATURE_PRIOR
        self.heads = nn.ModuleList([nn.Linear(hidden + clinical_dim + BAG_SUMMARIES, 1) for _ in range(BRANCHES)])
        # the major branch's attention is drawn to organs by how far they are past the minor limit, with a learned
        # strength (softplus, starting near 2 logits per tenth of the limit): the organ that breaks the protocol is
        # then the one attended to, which the content term alone learns slowly on one CPU thread
        self.margin_attention = nn.Parameter(torch.tensor(2.0))
        # the toxicity branches' attention leans towards the more exposed organs (standardised mean dose), with a
        # learned strength per branch: of two glands the prior favours alike, the one with more dose is the more
        # likely driver of the complication (one entry per branch keeps the shapes simple; only the toxicity
        # branches use theirs). The lean applies among that branch's literature organs only: applied to every
        # organ at risk it sent the xerostomia attention to the glottis, the most exposed of them in laryngeal
        # plans, for 39 % of the positives once the outcome no longer followed the glands' mean doses
        self.exposure_attention = nn.Parameter(torch.full((BRANCHES,), 1.0))
        names = list(organ_vocabulary) or ['OTHER'] * vocab_size
        self.register_buffer('literature_organ', torch.tensor([[1.0 if n in LITERATURE_ORGANS.get(k, ()) else 0.0 for k in range(BRANCHES)] for n in names]))
        self.register_buffer('is_target', torch.tensor([1.0 if n.startswith(TARGET_PREFIXES) else 0.0 for n in names]))
        self.register_buffer('toxicity_branches', torch.tensor([1.0 if k in TOXICITY_BRANCHES else 0.0 for k in range(BRANCHES)]))
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
        """Bag embeddings z [B, K, H], attention [B, K, N] and the pooled protocol summaries [B, BAG_SUMMARIES]."""
        scaled = ((instance_features - self.feature_mean) / self.feature_std).clamp(-10.0, 10.0)
        h = self.encoder(torch.cat([self.organ_embedding(organ_ids), scaled], dim=-1))
        prior = PRIOR_SCALE * self.organ_prior(organ_ids)
        # how far past its minor limit each organ is, in tenths of the limit (0 within it; missing organs are far past)
        past_minor = 10.0 * (-instance_features[..., self.minor_margin_index]).clamp(0.0, 2.0)
        pull = nn.functional.softplus(self.margin_attention) * past_minor.unsqueeze(-1)
        major_only = nn.functional.one_hot(torch.tensor(MAJOR_BRANCH), BRANCHES).to(pull.dtype)  # [K]: 1 on the major branch
        exposure = scaled[..., self.dmean_index].unsqueeze(-1) * nn.functional.softplus(self.exposure_attention) * self.literature_organ[organ_ids]
        exclusion = -TARGET_EXCLUSION * self.is_target[organ_ids].unsqueeze(-1) * self.toxicity_branches
        z, a = self.attention(h, instance_mask, prior + pull * major_only + exposure + exclusion)
        return z, a, bag_summaries(instance_features, instance_mask, self.margin_index, self.missing_index)

    def head_logits(self, z, clinical, summaries):
        """Per-branch logit / log-hazard [B, K] from bag embeddings, clinical variables and protocol summaries."""
        return torch.cat([head(torch.cat([z[:, k], clinical, summaries], dim=-1)) for k, head in enumerate(self.heads)], dim=-1)

    def forward(self, organ_ids, instance_features, instance_mask, clinical):
        z, a, s = self.embed(organ_ids, instance_features, instance_mask)
        return self.head_logits(z, clinical, s), a


def bag_summaries(instance_features, instance_mask, margin_index, missing_index):
    """[B, N, F] -> [B, 3]: min over real organs of each margin (clipped to [-2, 2], ×10) and max of missingFromPlan.
    Padded instances read as +2 (a comfortable margin) and 0 (present), so they never win."""
    pad = (1.0 - instance_mask).unsqueeze(-1)
    margins = instance_features[..., margin_index].clamp(-2.0, 2.0) * (1.0 - pad) + 2.0 * pad
    missing = instance_features[..., missing_index] * instance_mask
    # margins in tenths of the limit: a linear head then needs weights of a few units, not tens, to rank by them
    return torch.cat([10.0 * margins.min(dim=1)[0], missing.max(dim=1, keepdim=True)[0]], dim=-1)
