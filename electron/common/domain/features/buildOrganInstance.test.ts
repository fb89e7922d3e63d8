import { describe, expect, it } from 'vitest';
import type { ProtocolConstraint } from '../protocol/protocolSchema';
import { buildOrganInstance, volumeAtLeast } from './buildOrganInstance';
import { buildTabularBag } from './buildTabularBag';
import { DVH_SAMPLE_DOSES_GY, INSTANCE_FEATURE_NAMES, MARGIN_CLIP, organIndexOf } from './featureSpec';
import type { DvhForFeatures } from './featureTypes';

/** A 10 cc organ whose dose is uniform on [0, 80] Gy: V(d) = 10·(1 − d/80) cc, Dmean 40 Gy, D95% = 4 Gy, D2% = 78.4 Gy. */
function uniformDvh(): DvhForFeatures {
  const doseGy = Float64Array.from({ length: 81 }, (_, i) => i);
  const volumeCc = Float64Array.from(doseGy, (d) => 10 * (1 - d / 80));
  const value = (v: number) => ({ value: v, uncertainty: 0, unit: 'Gy' as const });
  return {
    volumeCc: 10, meanGy: value(40), minGy: value(0), maxGy: value(80), cumulative: { doseGy, volumeCc },
    metric: (name: string) => (name === 'D95%' ? value(4) : name === 'D2%' ? value(78.4) : name === 'Dmean' ? value(40) : null),
  };
}

const constraint = (perProtocol: number, minor?: number): ProtocolConstraint => ({
  id: 'parotid-mean', structure: 'Parotid_L', metric: 'Dmean', comparator: '<=', unit: 'Gy', perProtocol, minor, advisory: false, source: 'test',
});

describe('buildOrganInstance', () => {
  it('samples the cumulative DVH as volume fractions every 5 Gy', () => {
    const instance = buildOrganInstance({ tg263Name: 'Parotid_L', dvh: uniformDvh() }, [], 70);
    expect(instance.features).toHaveLength(INSTANCE_FEATURE_NAMES.length);
    DVH_SAMPLE_DOSES_GY.forEach((d, i) => expect(instance.features[i]).toBeCloseTo(Math.max(0, 1 - d / 80), 12));
    expect(instance.organIndex).toBe(organIndexOf('Parotid_L'));
  });

  it('scales dose metrics by 70 Gy and the volume as log10(cc)/3', () => {
    const f = buildOrganInstance({ tg263Name: 'Parotid_L', dvh: uniformDvh() }, [], 70).features;
    expect(f.slice(17, 22)).toEqual([40 / 70, 80 / 70, 0, 4 / 70, 78.4 / 70].map((x) => expect.closeTo(x, 12)));
    expect(f[22]).toBeCloseTo(1 / 3, 12);
  });

  it('gives the worst signed margin to the per-protocol and minor limits (fraction of the limit)', () => {
    const f = buildOrganInstance({ tg263Name: 'Parotid_L', dvh: uniformDvh() }, [constraint(26, 30), constraint(50)], 70).features;
    expect(f[23]).toBeCloseTo((26 - 40) / 26, 12);
    expect(f[24]).toBeCloseTo((30 - 40) / 30, 12);
    expect(f[25]).toBe(1);
  });

  it('marks organs without a constraint and maps unknown names to OTHER', () => {
    const f = buildOrganInstance({ tg263Name: 'Mystery', dvh: uniformDvh() }, [constraint(26)], 70);
    expect(f.features.slice(23)).toEqual([0, 0, 0, 0]); // margins 0, hasConstraint 0, missingFromPlan 0
    expect(f.organIndex).toBe(0);
  });

  it('interpolates the cumulative DVH linearly and returns 0 beyond its end', () => {
    const { cumulative } = uniformDvh();
    expect(volumeAtLeast(cumulative, 12.5)).toBeCloseTo(10 * (1 - 12.5 / 80), 12);
    expect(volumeAtLeast(cumulative, 90)).toBe(0);
  });

  it('adds a "missing" instance for each required structure the plan lacks, and none for those it has', () => {
    const plan = { prescriptionGy: 70, fractions: 35, radiationType: 'PHOTON' };
    const bag = buildTabularBag([{ tg263Name: 'Parotid_L', dvh: uniformDvh() }], [constraint(26, 30)], {}, plan, ['Parotid_L', 'Brainstem']);
    expect(bag.instances.map((i) => i.tg263Name)).toEqual(['Parotid_L', 'Brainstem']);
    const feature = (n: number, name: string) => bag.instances[n].features[INSTANCE_FEATURE_NAMES.indexOf(name)];
    expect(feature(0, 'missingFromPlan')).toBe(0);
    expect(feature(1, 'missingFromPlan')).toBe(1);
    expect(feature(1, 'worstMarginMinor')).toBe(-MARGIN_CLIP);
    expect(feature(1, 'Dmean_per70Gy')).toBe(0);
    expect(bag.instances[1].organIndex).toBe(organIndexOf('Brainstem'));
  });

  it('reads a %Rx limit on a target role against that role\'s level dose, not the plan prescription', () => {
    // D95% = 4 Gy (uniformDvh); PTV_Low level 4.2 Gy: 100·4/4.2 = 95.238 %Rx, margin to >= 95 = 0.238/95
    const coverage: ProtocolConstraint = { id: 'ptv-low-d95', structure: 'PTV_Low', metric: 'D95%', comparator: '>=', unit: '%Rx', perProtocol: 95, minor: 90, advisory: false, source: 'test' };
    const margin = (levels: Map<string, number>) => buildOrganInstance({ tg263Name: 'PTV_Low', dvh: uniformDvh() }, [coverage], 70, levels)
      .features[INSTANCE_FEATURE_NAMES.indexOf('worstMarginPerProtocol')];
    expect(margin(new Map([['PTV_Low', 4.2]]))).toBeCloseTo((100 * 4 / 4.2 - 95) / 95, 10);
    expect(margin(new Map())).toBeCloseTo((100 * 4 / 70 - 95) / 95, 10); // without levels: the 70 Gy prescription
  });
});
