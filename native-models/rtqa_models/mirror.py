"""Left-right mirroring of training batches (data augmentation).

A head-and-neck patient mirrored across the mid-sagittal plane is another plausible patient with the same
outcome risks: the generator, like the published NTCP models, treats left and right organs alike and draws the
tumour side at random. Mirroring half of each training batch doubles the laterality cases a model sees without
new patients. Per mirrored patient: each organ instance and each anchored patch takes its contralateral name
(Parotid_L <-> Parotid_R, "Parotid_L:cranial" <-> "Parotid_R:cranial"), each patch is flipped along patient x
(the last voxel axis: patches are written i fastest, i along the dose grid's rows, patient x in an axial grid),
the patch centre's x (normalised to the bag's box) becomes 1 - x, and the tumour side flips.
Nothing else in the features is lateral (DVH samples, dose metrics, volumes and margins are not).
"""
import re

import torch

SIDE_FEATURE = 'tumourSideLeft'


def contralateral_table(names: list) -> torch.Tensor:
    """Index of each name's mirror image in the same list (a '_L' or '_R' at the end or before ':' swapped);
    itself when the name has no side or its mirror image is not in the list."""
    swap = lambda name: re.sub(r'_([LR])(?=$|:)', lambda m: '_R' if m.group(1) == 'L' else '_L', name)  # noqa: E731
    return torch.tensor([names.index(swap(n)) if swap(n) in names else i for i, n in enumerate(names)])


class MirrorBatch:
    """Mirrors a random half of a training batch (dict of tensors as in training.to_tensors). inputs: the names of
    the tensors the model reads (training.INPUTS[kind]); the others are left as they are (a tabular model never
    reads the patches, whose flip would be the costliest part)."""

    def __init__(self, spec: dict, inputs=('organ_ids', 'anchors', 'patches', 'positions', 'clinical'), fraction: float = 0.5):
        self.inputs = set(inputs)
        self.organs = contralateral_table(list(spec['organVocabulary']))
        self.anchors = contralateral_table(list(spec.get('patchAnchorNames', ['none'])))
        clinical = list(spec['clinicalFeatureNames'])
        # tumour side is 1 for left and 0 for right (or unknown: the synthetic trial always knows it)
        self.side = clinical.index(SIDE_FEATURE) if SIDE_FEATURE in clinical else None
        self.fraction = fraction

    def __call__(self, part: dict, generator: torch.Generator) -> dict:
        pick = torch.rand(part['labels'].shape[0], generator=generator) < self.fraction
        if not bool(pick.any()):
            return part
        out = dict(part)
        rows = pick.unsqueeze(1)
        if 'organ_ids' in self.inputs:
            out['organ_ids'] = torch.where(rows, self.organs[part['organ_ids']], part['organ_ids'])
        if 'anchors' in self.inputs:
            out['anchors'] = torch.where(rows, self.anchors[part['anchors']], part['anchors'])
        if 'patches' in self.inputs:
            out['patches'] = torch.where(pick.view(-1, 1, 1, 1, 1, 1), torch.flip(part['patches'], dims=[-1]), part['patches'])
        if 'positions' in self.inputs:
            positions = part['positions'].clone()
            positions[pick, :, 0] = (1.0 - positions[pick, :, 0]) * part['patch_mask'][pick]
            out['positions'] = positions
        if 'clinical' in self.inputs and self.side is not None:
            clinical = part['clinical'].clone()
            clinical[pick, self.side] = 1.0 - clinical[pick, self.side]
            out['clinical'] = clinical
        return out
