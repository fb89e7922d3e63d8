"""Training loop shared by every model kind: masked BCE on the three binary heads plus the Cox partial
likelihood on the local-control head, Adam, early stopping on the validation loss."""
import copy
import time

import numpy as np
import torch

from .data import Cohort
from .losses import cox_partial_likelihood, masked_bce

TABULAR_INPUTS = ('organ_ids', 'instances', 'instance_mask', 'clinical')
SPATIAL_INPUTS = ('patches', 'positions', 'patch_mask', 'clinical')
FUSION_INPUTS = TABULAR_INPUTS + ('patches', 'positions', 'patch_mask')
INPUTS = {'tabular': TABULAR_INPUTS, 'spatial': SPATIAL_INPUTS, 'fusion': FUSION_INPUTS}


def to_tensors(c: Cohort) -> dict:
    return {
        'organ_ids': torch.from_numpy(c.organ_ids), 'instances': torch.from_numpy(c.instances),
        'instance_mask': torch.from_numpy(c.instance_mask), 'clinical': torch.from_numpy(c.clinical),
        'patches': torch.from_numpy(c.patches), 'positions': torch.from_numpy(c.positions),
        'patch_mask': torch.from_numpy(c.patch_mask), 'labels': torch.from_numpy(c.labels),
        'known': torch.from_numpy(c.known), 'lc_time': torch.from_numpy(c.lc_time), 'lc_event': torch.from_numpy(c.lc_event),
    }


def batch(t: dict, idx) -> dict:
    return {k: v[idx] for k, v in t.items()}


def run_model(model, kind: str, t: dict):
    return model(*(t[name] for name in INPUTS[kind]))


def loss_of(logits, t):
    return masked_bce(logits[:, :3], t['labels'], t['known']) + 0.5 * cox_partial_likelihood(logits[:, 3], t['lc_time'], t['lc_event'])


def fit(model, kind: str, train: dict, val: dict, epochs: int = 100, lr: float = 3e-3, batch_size: int = 0,
        weight_decay: float = 1e-4, patience: int = 20, seed: int = 0, log=print, time_limit_s: float = 600):
    """Train in place and return the model with the best validation loss. batch_size 0 = full batch."""
    torch.manual_seed(seed)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    n = train['labels'].shape[0]
    best, best_state, stale = float('inf'), copy.deepcopy(model.state_dict()), 0
    started = time.time()
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(n, generator=generator)
        size = batch_size or n
        for start in range(0, n, size):
            part = batch(train, order[start:start + size])
            optimiser.zero_grad()
            loss = loss_of(run_model(model, kind, part)[0], part)
            loss.backward()
            optimiser.step()
        model.eval()
        with torch.no_grad():
            val_loss = float(loss_of(run_model(model, kind, val)[0], val))
        if val_loss < best - 1e-4:
            best, best_state, stale = val_loss, copy.deepcopy(model.state_dict()), 0
        else:
            stale += 1
        if epoch % 10 == 0 or batch_size:
            log(f'  {kind} epoch {epoch:3d} val loss {val_loss:.4f}')
        if stale >= patience or time.time() - started > time_limit_s:
            break
    model.load_state_dict(best_state)
    model.eval()
    return model


def predict(model, kind: str, t: dict, batch_size: int = 64):
    """Logits [P, 4] and attention arrays (one per modality, [P, 4, N]) as numpy, no gradients."""
    model.eval()
    outs = []
    with torch.no_grad():
        for start in range(0, t['labels'].shape[0], batch_size):
            outs.append(run_model(model, kind, batch(t, slice(start, start + batch_size))))
    logits = np.concatenate([o[0].numpy() for o in outs])
    attentions = [np.concatenate([o[i].numpy() for o in outs]) for i in range(1, len(outs[0]))]
    return logits, attentions
