"""ONNX export (opset 17, dynamic batch and bag sizes) of ensembles with mean and spread outputs, the
ONNX<->PyTorch parity fixture, and the model card."""
import hashlib
import json
import os

import numpy as np
import torch
from torch import nn

OPSET = 17
INPUT_SPECS = {
    'organIds': ('int64', ['batch', 'organs']),
    'instanceFeatures': ('float32', ['batch', 'organs', 'F']),
    'instanceMask': ('float32', ['batch', 'organs']),
    'clinical': ('float32', ['batch', 'C']),
    'patches': ('float32', ['batch', 'patches', 'channels', 'S', 'S', 'S']),
    'patchPositions': ('float32', ['batch', 'patches', 3]),
    'patchAnchors': ('int64', ['batch', 'patches']),
    'patchMask': ('float32', ['batch', 'patches']),
}
KIND_INPUTS = {
    'tabular': ['organIds', 'instanceFeatures', 'instanceMask', 'clinical'],
    'spatial': ['patches', 'patchPositions', 'patchAnchors', 'patchMask', 'clinical'],
    'fusion': ['organIds', 'instanceFeatures', 'instanceMask', 'clinical', 'patches', 'patchPositions', 'patchAnchors', 'patchMask'],
}


class EnsembleExport(nn.Module):
    """Runs every member; outputs mean probability, its spread (SD over members), mean log-hazard, attention."""

    def __init__(self, members, kind: str):
        super().__init__()
        self.members = nn.ModuleList(members)
        self.kind = kind

    def forward(self, *inputs):
        outs = [m(*inputs) for m in self.members]
        probs = torch.stack([torch.sigmoid(o[0][:, :3]) for o in outs])  # [E, B, 3]
        risk = torch.stack([o[0][:, 3:4] for o in outs]).mean(0)
        result = [probs.mean(0), probs.std(0, unbiased=False), risk]
        for i in range(1, len(outs[0])):
            result.append(torch.stack([o[i] for o in outs]).mean(0))
        return tuple(result)


def output_names(kind):
    base = ['probabilities', 'probabilitiesSpread', 'logHazardLocalControl']
    return base + (['organAttention', 'patchAttention'] if kind == 'fusion' else ['organAttention'] if kind == 'tabular' else ['patchAttention'])


def export_model(module: EnsembleExport, example: dict, path: str):
    names = KIND_INPUTS[module.kind]
    module.eval()
    args = tuple(torch.from_numpy(example[n]) for n in names)
    outs = output_names(module.kind)
    dynamic = {n: {i: d for i, d in enumerate(INPUT_SPECS[n][1]) if d in ('batch', 'organs', 'patches')} for n in names}
    for o in outs:
        dynamic[o] = {0: 'batch', 2: 'organs' if o == 'organAttention' else 'patches'} if 'Attention' in o else {0: 'batch'}
    torch.onnx.export(module, args, path, opset_version=OPSET, input_names=names, output_names=outs, dynamic_axes=dynamic,
                      do_constant_folding=True)
    with torch.no_grad():
        result = module(*args)
    return {n: example[n] for n in names}, {o: r.numpy() for o, r in zip(outs, result)}


def write_parity_fixture(path, inputs: dict, outputs: dict):
    """Inputs and PyTorch outputs as JSON (flat data + shape), so CI checks onnxruntime without Python."""
    pack = lambda a: {'dtype': str(a.dtype), 'shape': list(a.shape), 'data': [float(v) if a.dtype != np.int64 else int(v) for v in a.reshape(-1)]}  # noqa: E731
    json.dump({'inputs': {k: pack(v) for k, v in inputs.items()}, 'outputs': {k: pack(v) for k, v in outputs.items()},
               'tolerance': 1e-4}, open(path, 'w'))


def sha256(path):
    return hashlib.sha256(open(path, 'rb').read()).hexdigest()


def write_model_card(path, name, version, kind, onnx_path, spec, ranges, baseline, training, metrics, notes):
    inputs = []
    for n in KIND_INPUTS[kind]:
        dtype, shape = INPUT_SPECS[n]
        shape = [len(spec['instanceFeatureNames']) if d == 'F' else len(spec['clinicalFeatureNames']) if d == 'C'
                 else len(spec['patchChannels']) if d == 'channels' else spec['patchSizeVoxels'] if d == 'S' else d for d in shape]
        inputs.append({'name': n, 'dtype': dtype, 'shape': shape, **ranges[n]})
    card = {
        'name': name, 'version': version, 'kind': kind, 'file': os.path.basename(onnx_path), 'sha256': sha256(onnx_path),
        'opset': OPSET, 'featureSpecVersion': spec['version'],
        'heads': {'probabilities': spec['binaryHeads'], 'logHazardLocalControl': 'log relative hazard of local-regional failure (Cox)'},
        'inputs': inputs, 'outputs': output_names(kind),
        'instanceFeatureNames': spec['instanceFeatureNames'], 'clinicalFeatureNames': spec['clinicalFeatureNames'],
        'organVocabulary': spec['organVocabulary'], 'patchChannels': spec['patchChannels'], 'patchAnchorNames': spec.get('patchAnchorNames', ['none']),
        'trainingRanges': training.get('featureRanges', {}), 'planningSystemsSeen': training.get('planningSystems', []),
        'shapBaseline': baseline, 'training': {k: v for k, v in training.items() if k not in ('featureRanges', 'planningSystems')},
        'metrics': metrics,
        'intendedUse': 'Research on synthetic data only (in-silico trial). Not for clinical decisions.',
        'notes': notes,
    }
    json.dump(card, open(path, 'w'), indent=1)
    return card
