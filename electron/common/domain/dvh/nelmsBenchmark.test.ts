import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../rt';
import { calculateDvh, type StructureModel } from './calculateDvh';
import { Dvh } from './Dvh';
import { AXIAL, analyticDoseGrid, phantomRoi } from './testSupport/analyticPhantoms';
import { NELMS_CENTRE_DOSE_GY, NELMS_SHAPES, NelmsTruth, nelmsExtentZ, nelmsPlaneOffset, nelmsPlanes, type NelmsShape } from './testSupport/nelmsCases';

/**
 * Bar (issue 2): on the Nelms et al. 2015 analytic benchmark (rebuilt in testSupport/nelmsCases.ts), no case
 * outside 3 % of the true-shape analytic value for volume, Dmean, D50, D95 and D5. Prints both case tables.
 *
 * 'morph' structure model (shape-based row interpolation between planes, tapered ends; calculateDvh option
 * structureModel, `rtqa dvh --structure-model morph`): within 3 % on all 90 cases — in fact within 0.6 %, and
 * asserted within 1 % so that a regression shows.
 *
 * 'slab' model (the default convention): within 3 % on every case with 1 or 2 mm planes and every 3 mm case
 * whose extent along Z is a whole number of slices; known gap: 10 and 20 mm rotated shapes on 3 mm planes whose
 * extent is not commensurate with the slices (3–7 contours, rounded ends cut off-centre), where the slab
 * convention itself differs from the true shape by up to ~7 % (RtCone_10 volume +3.7 %, D5 +7.1 %;
 * RtCylinder_20 D95 −5.0 %). Asserted as such (3 % where it holds, 8 % everywhere) so a regression shows.
 */
const CENTRE: Vec3 = [3.2, -17.6, 44.0];
const METRICS = ['volume', 'Dmean', 'D95', 'D50', 'D5'] as const;
type MetricName = (typeof METRICS)[number];
const MODELS: readonly StructureModel[] = ['morph', 'slab'];

/** relative errors (%) of one case under one structure model */
function caseErrors(shape: NelmsShape, axis: 'Y' | 'Z', spacing: number, model: StructureModel): { got: Record<MetricName, number>; expected: Record<MetricName, number> } {
  const truth = new NelmsTruth(shape, axis);
  expect(Math.abs(truth.volumeMm3 / truth.closedFormVolumeMm3 - 1)).toBeLessThan(1e-4);
  const off = nelmsPlaneOffset(shape, spacing);
  const half = 22;
  const count = Math.round((2 * half) / spacing) + 1;
  const origin: Vec3 = [CENTRE[0] - half, CENTRE[1] - half, CENTRE[2] + off - Math.round(half / spacing) * spacing];
  const dose = analyticDoseGrid({
    originMm: origin, rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], columns: count, rows: count,
    columnSpacingMm: spacing, rowSpacingMm: spacing, sliceOffsetsMm: Array.from({ length: count }, (_, k) => k * spacing),
  }, (_x, y, z) => NELMS_CENTRE_DOSE_GY + (axis === 'Y' ? y - CENTRE[1] : z - CENTRE[2]));
  const dvh = calculateDvh(phantomRoi(shape.name, nelmsPlanes(shape, spacing), { centreMm: CENTRE, ...AXIAL }), dose, { structureModel: model });
  if (!(dvh instanceof Dvh)) throw new Error(dvh.error);
  return {
    got: { volume: dvh.volumeCc * 1000, Dmean: dvh.meanGy.value, D95: dvh.metric('D95%')!.value, D50: dvh.metric('D50%')!.value, D5: dvh.metric('D5%')!.value },
    expected: { volume: truth.volumeMm3, Dmean: truth.meanGy, D95: truth.doseAtFraction(0.95), D50: truth.doseAtFraction(0.5), D5: truth.doseAtFraction(0.05) },
  };
}

for (const model of MODELS) {
  describe(`Nelms 2015 analytic DVH benchmark, '${model}' structure model (true-shape values, 90 cases)`, () => {
    const worst: Record<MetricName, { error: number; name: string }> = Object.fromEntries(METRICS.map((m) => [m, { error: 0, name: '' }])) as never;
    const lines: string[] = [];
    const failures: string[] = [];
    const outside3: string[] = [];
    for (const spacing of [1, 2, 3]) {
      for (const axis of ['Y', 'Z'] as const) {
        it(`${axis} gradient, ${spacing} mm CT planes and dose grid`, () => {
          for (const shape of NELMS_SHAPES) {
            const { got, expected } = caseErrors(shape, axis, spacing, model);
            const commensurate = Math.abs(nelmsExtentZ(shape) / spacing - Math.round(nelmsExtentZ(shape) / spacing)) < 1e-9;
            const cells = METRICS.map((m) => {
              const error = (100 * (got[m] - expected[m])) / expected[m];
              if (Math.abs(error) > Math.abs(worst[m].error)) worst[m] = { error, name: `${shape.name} ${axis} ${spacing} mm` };
              const bar = model === 'morph' ? 1 : spacing < 3 || commensurate ? 3 : 8;
              if (Math.abs(error) > bar) failures.push(`${shape.name} ${axis} ${spacing} mm ${m}: ${got[m].toFixed(3)} vs ${expected[m].toFixed(3)} (${error.toFixed(2)} %)`);
              if (Math.abs(error) > 3) outside3.push(`${shape.name} ${axis} ${spacing} mm ${m} ${error.toFixed(2)} %`);
              return `${m} ${expected[m].toFixed(m === 'volume' ? 1 : 2)}→${error >= 0 ? '+' : ''}${error.toFixed(2)}%`;
            });
            lines.push(`${`${shape.name} ${axis} ${spacing}mm`.padEnd(22)} ${cells.join('  ')}`);
          }
        });
      }
    }
    it(`${model === 'morph' ? 'no case outside 3 % (asserted: 1 %)' : 'within 3 % where the slab convention holds, 8 % everywhere'} (table printed)`, () => {
      console.log(`Nelms 2015 benchmark, '${model}' model vs analytic true shape (value → relative error):\n${lines.join('\n')}\n` +
        `worst: ${METRICS.map((m) => `${m} ${worst[m].error.toFixed(2)} % (${worst[m].name})`).join('; ')}\n` +
        `cases with a metric outside 3 %: ${new Set(outside3.map((o) => o.split(' ').slice(0, 3).join(' '))).size} of 90: ${outside3.join('; ')}`);
      expect(lines.length).toBe(90);
      expect(failures).toEqual([]);
    });
  });
}
