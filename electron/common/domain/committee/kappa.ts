/**
 * Chance-corrected agreement between reviewers on categorical grades.
 * Cohen (1960) for two reviewers who rated the same plans; Fleiss (1971) for a fixed number of
 * ratings per plan by possibly different reviewers.
 */

/** Cohen's kappa from paired ratings (same length, same plans). Null when it is undefined (pe = 1 or no pairs). */
export function cohenKappa<T>(ratingsA: readonly T[], ratingsB: readonly T[]): number | null {
  if (ratingsA.length !== ratingsB.length) throw new Error('cohenKappa: the two rating lists must pair up (same length)');
  const n = ratingsA.length;
  if (n === 0) return null;
  const categories = [...new Set([...ratingsA, ...ratingsB])];
  let agreements = 0;
  for (let i = 0; i < n; i++) if (ratingsA[i] === ratingsB[i]) agreements++;
  const observed = agreements / n;
  let expected = 0;
  for (const category of categories) {
    const pa = ratingsA.filter((r) => r === category).length / n;
    const pb = ratingsB.filter((r) => r === category).length / n;
    expected += pa * pb;
  }
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Fleiss' kappa. counts[i][j] = number of raters who put subject i in category j; every subject must
 * have the same number of ratings (≥ 2). Null when undefined.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const subjects = counts.length;
  if (subjects === 0) return null;
  const raters = counts[0].reduce((a, b) => a + b, 0);
  if (raters < 2) return null;
  const categories = counts[0].length;
  const categoryTotals = new Array<number>(categories).fill(0);
  let meanAgreement = 0;
  for (const row of counts) {
    if (row.reduce((a, b) => a + b, 0) !== raters) throw new Error('fleissKappa: every subject needs the same number of ratings');
    let sumSquares = 0;
    row.forEach((c, j) => { categoryTotals[j] += c; sumSquares += c * c; });
    meanAgreement += (sumSquares - raters) / (raters * (raters - 1));
  }
  meanAgreement /= subjects;
  const chanceAgreement = categoryTotals.reduce((sum, t) => sum + (t / (subjects * raters)) ** 2, 0);
  return chanceAgreement === 1 ? null : (meanAgreement - chanceAgreement) / (1 - chanceAgreement);
}
