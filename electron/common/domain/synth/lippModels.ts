/**
 * Dutch LIPP v2.2 (2019) logistic NTCP models for 6-month endpoints, reference §3.3 (coefficients V from
 * two independent public ports, S7/S8). Doses in Gy (Gy(RBE) for protons). Baseline categories:
 * xerostomia 1 = not at all, 2 = a little, 3 = quite a bit/very much; dysphagia 1 = grade 0–1, 2 = grade 2,
 * 3 = grade 3–5.
 */
export interface XerostomiaInput {
  readonly parotidMeanIpsiGy: number;
  readonly parotidMeanContraGy: number;
  /** mean of both submandibular glands' mean doses */
  readonly submandibularMeanGy: number;
  readonly baseline: 1 | 2 | 3;
  readonly postOperative: boolean;
}

export interface DysphagiaInput {
  readonly oralCavityMeanGy: number;
  readonly pcmSupMeanGy: number;
  readonly pcmMidMeanGy: number;
  readonly pcmInfMeanGy: number;
  readonly baseline: 1 | 2 | 3;
  readonly location: 'oral_cavity' | 'pharynx' | 'larynx';
  readonly postOperative: boolean;
}

const XERO_G2 = { primary: [-2.2951, 0.0996, 0.0182, 0.495, 1.207], postop: [-1.6824, 0.0388, 0.0071, 0.1925, 0.4695] };
const DYSPH_G2 = {
  primary: [-4.0536, 0.03, 0.0236, 0.0095, 0.0133, 0.9382, 1.29, -0.6281, -0.7711],
  postop: [-2.4138, 0.0192, 0.0151, 0.006, 0.0085, 0.5985, 0.8227, -0.4007, -0.4918],
};

export const logistic = (s: number) => 1 / (1 + Math.exp(-s));

/** Linear predictor terms of xerostomia ≥ G2 (sum = S, NTCP = 1/(1+e^−S)). */
export function xerostomiaG2Terms(x: XerostomiaInput): { intercept: number; parotids: number; submandibulars: number; baseline: number } {
  const [b0, bParotid, bSmg, bBase2, bBase3] = x.postOperative ? XERO_G2.postop : XERO_G2.primary;
  return {
    intercept: b0,
    parotids: bParotid * (Math.sqrt(Math.max(0, x.parotidMeanIpsiGy)) + Math.sqrt(Math.max(0, x.parotidMeanContraGy))),
    submandibulars: bSmg * x.submandibularMeanGy,
    baseline: x.baseline === 2 ? bBase2 : x.baseline === 3 ? bBase3 : 0,
  };
}

export function xerostomiaG2Ntcp(x: XerostomiaInput): number {
  const t = xerostomiaG2Terms(x);
  return logistic(t.intercept + t.parotids + t.submandibulars + t.baseline);
}

export function dysphagiaG2Terms(x: DysphagiaInput): { intercept: number; oralCavity: number; pcmSup: number; pcmMid: number; pcmInf: number; baseline: number; location: number } {
  const c = x.postOperative ? DYSPH_G2.postop : DYSPH_G2.primary;
  return {
    intercept: c[0], oralCavity: c[1] * x.oralCavityMeanGy, pcmSup: c[2] * x.pcmSupMeanGy, pcmMid: c[3] * x.pcmMidMeanGy,
    pcmInf: c[4] * x.pcmInfMeanGy, baseline: x.baseline === 2 ? c[5] : x.baseline === 3 ? c[6] : 0,
    location: x.location === 'pharynx' ? c[7] : x.location === 'larynx' ? c[8] : 0,
  };
}

export function dysphagiaG2Ntcp(x: DysphagiaInput): number {
  const t = dysphagiaG2Terms(x);
  return logistic(t.intercept + t.oralCavity + t.pcmSup + t.pcmMid + t.pcmInf + t.baseline + t.location);
}
