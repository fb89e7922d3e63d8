import { describe, expect, it } from 'vitest';
import { dysphagiaG2Ntcp, logistic, xerostomiaG2Ntcp } from './lippModels';

describe('LIPP v2.2 models (reference §3.3)', () => {
  it('reproduces the sheet sanity check: parotids 26/26 Gy, SMG 50 Gy, no baseline → NTCP 0.41', () => {
    // S = −2.2951 + 0.0996·(2·√26) + 0.0182·50 = −0.369 (derived exactly in reference §3.3)
    const p = xerostomiaG2Ntcp({ parotidMeanIpsiGy: 26, parotidMeanContraGy: 26, submandibularMeanGy: 50, baseline: 1, postOperative: false });
    expect(p).toBeCloseTo(logistic(-2.2951 + 0.0996 * 2 * Math.sqrt(26) + 0.0182 * 50), 12);
    expect(p).toBeCloseTo(0.41, 2);
  });
  it('dysphagia: zero dose, oral cavity, no baseline gives the intercept alone', () => {
    const p = dysphagiaG2Ntcp({ oralCavityMeanGy: 0, pcmSupMeanGy: 0, pcmMidMeanGy: 0, pcmInfMeanGy: 0, baseline: 1, location: 'oral_cavity', postOperative: false });
    expect(p).toBeCloseTo(logistic(-4.0536), 12);
  });
});
