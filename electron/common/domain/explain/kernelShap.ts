import type { CoalitionValue, ShapResult } from './shapTypes';

/**
 * KernelSHAP (Lundberg & Lee 2017): weighted least squares of f(S) on coalition indicators with the Shapley
 * kernel weight (M−1)/(C(M,|S|)·|S|·(M−|S|)), with the efficiency constraint Σ φ = f(N) − f(∅) imposed exactly
 * by eliminating the last player. Coalitions are sampled by size from a seeded generator, so the result is
 * reproducible. Approximate: use exactShapley when M is small.
 */
export async function kernelShap(playerCount: number, value: CoalitionValue, samples = 512, seed = 1): Promise<ShapResult> {
  const m = playerCount;
  if (m < 2) throw new Error('KernelSHAP needs at least two players');
  const random = mulberry32(seed);
  const sizes = Array.from({ length: m - 1 }, (_, s) => s + 1);
  const sizeWeight = sizes.map((s) => (m - 1) / (s * (m - s)));
  const sumWeight = sizeWeight.reduce((a, b) => a + b, 0);
  const coalitions: boolean[][] = [new Array(m).fill(false), new Array(m).fill(true)];
  for (let n = 0; n < samples; n++) {
    let r = random() * sumWeight;
    let s = 1;
    for (let t = 0; t < sizes.length; t++) { r -= sizeWeight[t]; if (r <= 0) { s = sizes[t]; break; } }
    const order = Array.from({ length: m }, (_, i) => i);
    for (let t = m - 1; t > 0; t--) { const u = Math.floor(random() * (t + 1)); [order[t], order[u]] = [order[u], order[t]]; }
    const c = new Array(m).fill(false);
    for (let t = 0; t < s; t++) c[order[t]] = true;
    coalitions.push(c);
  }
  const f = await value(coalitions);
  const f0 = f[0];
  const fN = f[1];
  // sampled by size in proportion to the kernel mass, so every sampled coalition carries equal weight
  const k = m - 1;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  for (let n = 2; n < coalitions.length; n++) {
    const z = coalitions[n].map((b) => (b ? 1 : 0));
    const last = z[m - 1];
    const x = z.slice(0, k).map((zi) => zi - last);
    const y = f[n] - f0 - last * (fN - f0);
    for (let a = 0; a < k; a++) {
      atb[a] += x[a] * y;
      for (let b = 0; b < k; b++) ata[a][b] += x[a] * x[b];
    }
  }
  for (let a = 0; a < k; a++) ata[a][a] += 1e-9;
  const phi = solve(ata, atb);
  const lastPhi = fN - f0 - phi.reduce((a, b) => a + b, 0);
  return { values: [...phi, lastPhi], fullValue: fN, baselineValue: f0, method: 'kernel', evaluations: coalitions.length };
}

/** Gaussian elimination with partial pivoting (small dense systems). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= factor * m[c][k];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
