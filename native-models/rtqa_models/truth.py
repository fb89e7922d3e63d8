"""Reads the synthetic trial generator's truth.json into per-patient labels, true probabilities and causal organs.

The generator (`rtqa synth`) writes outcomes {xerostomiaG2, dysphagiaG2, localControl{months, event}},
expectedGrade, deviations, causalStructures, structureNames and centres per patient. The true outcome
probabilities give the Bayes-optimal AUC. Field names are looked up tolerantly so a renamed key fails loudly
here rather than silently in training.
"""
import json

PLAN_LEVEL_METRICS = ('fractions', 'prescriptionGy', 'doseGridSpacingMm', 'radiationType')
PROBABILITY_KEYS = ('probabilities', 'trueProbabilities', 'outcomeProbabilities', 'truth', 'risks')


def _patients(doc):
    patients = doc.get('patients', doc) if isinstance(doc, dict) else doc
    if isinstance(patients, dict):
        return [dict(v, patientId=v.get('patientId', k)) for k, v in patients.items()]
    return patients


def _flag(value):
    if isinstance(value, dict):
        for key in ('event', 'value', 'outcome', 'observed'):
            if key in value:
                return _flag(value[key])
        return None
    if value is None:
        return None
    return 1.0 if bool(value) else 0.0


def _probability(patient, head):
    outcome = patient.get('outcomes', {}).get(head)
    if isinstance(outcome, dict):
        for key in ('probability', 'trueProbability', 'p'):
            if key in outcome:
                return float(outcome[key])
    for key in PROBABILITY_KEYS:
        block = patient.get(key)
        if isinstance(block, dict) and isinstance(block.get(head), (int, float)):
            return float(block[head])
    return None


def target_roles_by_truth_name(patient) -> dict:
    """Role (PTV_High …) of each target under the name the truth's deviations use (the generator's PTV_7000) and
    under the name the centre wrote (PTV70, 'PTV 70', PTV_70Gy …). targetRoles is keyed by the written name and
    structureNames maps written -> generator name; reading only targetRoles matched the deviations' names just
    where a centre writes TG-263 names, and counted every other target-caused major deviation as an attention miss."""
    written_roles = patient.get('targetRoles') or {}
    generator_names = patient.get('structureNames') or {}
    roles = dict(written_roles)
    for written, role in written_roles.items():
        roles[generator_names.get(written, written)] = role
    return roles


def read_truth(path: str) -> dict:
    """patientId -> {centre, labels{head: 0/1}, probs{head: p}, lcMonths, lcEvent, causal{head: [names]}}."""
    doc = json.load(open(path))
    out = {}
    for p in _patients(doc):
        pid = str(p.get('patientId') or p.get('id'))
        outcomes = p.get('outcomes', {})
        grade = p.get('expectedGrade')
        if isinstance(grade, dict):
            grade = grade.get('grade') or grade.get('plan')
        major = None if grade is None else (1.0 if str(grade).lower() == 'major' else 0.0)
        lc = outcomes.get('localControl') or {}
        causal = dict(p.get('causalStructuresByOutcome') or {})
        if not causal and isinstance(p.get('causalStructures'), list):
            causal = {'any': p['causalStructures']}
        # a major deviation is caused by the structures whose constraints were broken at the major level; plan-level
        # deviations (fractions, prescription, dose grid) have no organ for attention to find and are left out.
        # Targets are named by dose (PTV_7000) in the truth and by role (PTV_High) in the features.
        roles = target_roles_by_truth_name(p)
        causal['majorDeviation'] = sorted({roles.get(d['structure'], d['structure']) for d in p.get('deviations', [])
                                           if d.get('grade') == 'major' and d.get('structure') and d.get('metric') not in PLAN_LEVEL_METRICS})
        probs = {h: _probability(p, h) for h in ('xerostomiaG2', 'dysphagiaG2')}
        probs['majorDeviation'] = major  # the grade follows from the deviations deterministically
        out[pid] = {
            'centre': str(p.get('centre') or p.get('centreId') or p.get('center') or 'unknown'),
            'labels': {'majorDeviation': major, 'xerostomiaG2': _flag(outcomes.get('xerostomiaG2')),
                       'dysphagiaG2': _flag(outcomes.get('dysphagiaG2'))},
            'probs': probs,
            'lcMonths': float(lc.get('months', 0.0)),
            'lcEvent': float(bool(lc.get('event', False))),
            'causal': causal,
        }
    return out
