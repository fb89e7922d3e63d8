/**
 * Equivalent dose in 2 Gy fractions (linear-quadratic model, no time factor):
 *   EQD2 = D · (d + α/β) / (2 + α/β),  d = D / n.
 * Applied to a DVH metric value (e.g. D0.03cc, Dmean) as if every voxel at that dose received it in n equal
 * fractions: the standard approximation for constraint checks. It is exact for point doses (Dmax, Dx%) and
 * approximate for Dmean, where the true mean EQD2 of a non-uniform dose is higher (the LQ curve is convex).
 *
 * @param totalDoseGy physical dose over the whole course, Gy
 * @param fractions number of fractions (> 0)
 * @param alphaBetaGy α/β, Gy (> 0)
 * @returns EQD2 in Gy
 */
export function eqd2Gy(totalDoseGy: number, fractions: number, alphaBetaGy: number): number {
  const dosePerFractionGy = totalDoseGy / fractions;
  return totalDoseGy * (dosePerFractionGy + alphaBetaGy) / (2 + alphaBetaGy);
}

/**
 * dEQD2/dD = (2D/n + α/β)/(2 + α/β): propagates a dose uncertainty (Gy) into EQD2 (first order).
 */
export function eqd2Sensitivity(totalDoseGy: number, fractions: number, alphaBetaGy: number): number {
  return (2 * totalDoseGy / fractions + alphaBetaGy) / (2 + alphaBetaGy);
}
