import { describe, expect, it } from 'vitest';
import type { IndexedDose } from './dicomIndexTypes';
import { selectPlanDoses } from './selectPlanDoses';

const doseOf = (file: string, summationType: string): IndexedDose => ({
  sopInstanceUid: file, studyInstanceUid: '1', file, frameOfReferenceUid: '9', summationType, units: 'GY',
  gridSize: [1, 1, 1], spacingMm: [1, 1, null], referencedPlanUid: 'p', referencedFractionGroupNumber: null,
  referencedBeamNumbers: [], planUid: 'p', planLink: 'reference', structureSetUid: null,
});

describe('selectPlanDoses: never count a dose twice', () => {
  it('a PLAN dose wins over per-beam doses', () => {
    const { chosen, notes } = selectPlanDoses([doseOf('b1', 'BEAM'), doseOf('plan', 'PLAN'), doseOf('b2', 'BEAM')]);
    expect(chosen.map((d) => d.file)).toEqual(['plan']);
    expect(notes).toEqual(['using the PLAN dose; 2 BEAM dose files not added (would double count)']);
  });

  it('per-fraction-group doses are summed and win over per-beam doses', () => {
    const { chosen, notes } = selectPlanDoses([doseOf('b1', 'BEAM'), doseOf('fg1', 'FRACTION'), doseOf('fg2', 'FRACTION')]);
    expect(chosen.map((d) => d.file)).toEqual(['fg1', 'fg2']);
    expect(notes).toContain('summed 2 FRACTION dose files into the plan dose');
  });

  it('two PLAN doses are not summed: the first is used, with a note', () => {
    const { chosen, notes } = selectPlanDoses([doseOf('a', 'PLAN'), doseOf('b', 'PLAN')]);
    expect(chosen.map((d) => d.file)).toEqual(['a']);
    expect(notes[0]).toMatch(/2 PLAN doses for this plan: using a/);
  });
});
