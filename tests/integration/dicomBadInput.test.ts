/**
 * A folder with every kind of bad input beside a good plan: each bad file gives exactly one error line that
 * names it and says what is wrong; non-DICOM files with other extensions are notes; the good plan still loads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlanBundles } from '../../electron/node/dicomFiles';
import type { LoadedBundles } from '../../electron/node/dicomFiles';
import { ctSlice, dose, plan, structureSet, writeDataset } from './helpers/writeRtFixtures';
import type { Ids } from './helpers/writeRtFixtures';

const SQUARE = (z: number) => [0, 0, z, 10, 0, z, 10, 10, z, 0, 10, z];
const IOP = [1, 0, 0, 0, 1, 0];

function goodPlan(dir: string, ids: Ids, extraRoiContours: number[][] = []): void {
  mkdirSync(dir, { recursive: true });
  const series = `${ids.studyUid}.1`;
  for (let k = 0; k < 3; k++) {
    writeDataset(join(dir, `ct${k}.dcm`), ctSlice(ids, { sopUid: `${series}.${k}`, seriesUid: series, positionMm: [0, 0, 2 * k],
      orientation: IOP, pixelSpacingMm: [2, 2], rows: 4, columns: 4, stored: new Int16Array(16).fill(1024) }));
  }
  writeDataset(join(dir, 'rs.dcm'), structureSet(ids, `${ids.studyUid}.2`, series, [
    { number: 1, name: 'PTV', type: 'PTV', contours: [SQUARE(0), SQUARE(2), ...extraRoiContours] },
    { number: 2, name: 'Cord', type: 'ORGAN', contours: [SQUARE(4)] },
  ]));
  writeDataset(join(dir, 'rp.dcm'), plan(ids, { sopUid: `${ids.studyUid}.3`, label: 'GOOD', structureSetUid: `${ids.studyUid}.2`, prescriptionGy: 70, fractions: 35 }));
  writeDataset(join(dir, 'rd.dcm'), dose(ids, { sopUid: `${ids.studyUid}.4`, planUid: `${ids.studyUid}.3`, summationType: 'PLAN',
    originMm: [0, 0, 0], pixelSpacingMm: [3, 3], rows: 3, columns: 3, gridFrameOffsets: [0, 2, 4], doseGy: new Array(27).fill(70) }));
}

describe('bad input beside a good plan', () => {
  let root = '';
  let result: LoadedBundles;
  const bad: Record<string, RegExp> = {};

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rtqa-bad-'));
    // the good plan, whose structure set has one 2-point contour on plane z = 6 mm
    goodPlan(join(root, 'good'), { patientId: 'GOOD', studyUid: '1.2.826.0.1.5.1', frameUid: '1.2.826.0.1.5.1.9' }, [[0, 0, 6, 5, 5, 6]]);
    bad['good/rs.dcm'] = /ROI 'PTV' \(1\): CLOSED_PLANAR contour on plane z = 6\.00 mm has 2 points .*dropped/;

    const misc: Ids = { patientId: 'MISC', studyUid: '1.2.826.0.1.5.2', frameUid: '1.2.826.0.1.5.2.9' };
    // truncated: a dose cut inside its header
    writeDataset(join(root, 'truncated.dcm'), dose(misc, { sopUid: '1.2.826.0.1.5.2.1', planUid: null, summationType: 'PLAN',
      originMm: [0, 0, 0], pixelSpacingMm: [3, 3], rows: 3, columns: 3, gridFrameOffsets: [0, 2, 4], doseGy: new Array(27).fill(1) }));
    writeFileSync(join(root, 'truncated.dcm'), readFileSync(join(root, 'truncated.dcm')).subarray(0, 420));
    bad['truncated.dcm'] = /truncated/;
    // random bytes with a DICOM extension
    const random = new Uint8Array(4096);
    let seed = 12345;
    for (let n = 0; n < random.length; n++) { seed = (seed * 1103515245 + 12345) >>> 0; random[n] = seed >>> 24; }
    writeFileSync(join(root, 'random.dcm'), random);
    bad['random.dcm'] = /not a DICOM file/;
    // text: a note for notes.txt, an error for a .dcm that is text
    writeFileSync(join(root, 'notes.txt'), 'reviewer notes\n');
    writeFileSync(join(root, 'text.dcm'), 'this is not DICOM\n'.repeat(20));
    bad['text.dcm'] = /not a DICOM file/;
    // a CT slice without ImagePositionPatient
    const noPosition = ctSlice(misc, { sopUid: '1.2.826.0.1.5.2.2', seriesUid: '1.2.826.0.1.5.2.3', positionMm: [0, 0, 0],
      orientation: IOP, pixelSpacingMm: [1, 1], rows: 2, columns: 2, stored: new Int16Array(4) });
    delete noPosition.ImagePositionPatient;
    writeDataset(join(root, 'missingTag.dcm'), noPosition);
    bad['missingTag.dcm'] = /required tag ImagePositionPatient \(0020,0032\) is missing/;
    // a dose grid with no frames
    const noFrames = dose(misc, { sopUid: '1.2.826.0.1.5.2.4', planUid: null, summationType: 'PLAN', originMm: [0, 0, 0],
      pixelSpacingMm: [3, 3], rows: 3, columns: 3, gridFrameOffsets: [], doseGy: [], numberOfFrames: 0 });
    delete noFrames.GridFrameOffsetVector;
    writeDataset(join(root, 'noFrames.dcm'), noFrames);
    bad['noFrames.dcm'] = /dose grid has no frames/;
    // pixel data shorter than the dimensions say
    writeDataset(join(root, 'pixelMismatch.dcm'), dose(misc, { sopUid: '1.2.826.0.1.5.2.5', planUid: null, summationType: 'PLAN',
      originMm: [0, 0, 0], pixelSpacingMm: [3, 3], rows: 3, columns: 3, gridFrameOffsets: [0, 2, 4], doseGy: new Array(18).fill(1) }));
    bad['pixelMismatch.dcm'] = /pixel data has 72 bytes but 3×3×3 values of 32 bits need 108 bytes/;
    // a transfer syntax that is not supported
    writeDataset(join(root, 'jpeg2000.dcm'), ctSlice(misc, { sopUid: '1.2.826.0.1.5.2.6', seriesUid: '1.2.826.0.1.5.2.7',
      positionMm: [0, 0, 0], orientation: IOP, pixelSpacingMm: [1, 1], rows: 2, columns: 2, stored: new Int16Array(4) }),
    '1.2.840.10008.1.2.4.90');
    bad['jpeg2000.dcm'] = /transfer syntax 1\.2\.840\.10008\.1\.2\.4\.90 \(JPEG 2000 Image Compression \(Lossless Only\)\) is not supported yet/;
    // a plan whose dose is on another frame of reference than its structure set
    const other: Ids = { patientId: 'OTHERFRAME', studyUid: '1.2.826.0.1.5.3', frameUid: '1.2.826.0.1.5.3.9' };
    mkdirSync(join(root, 'other'));
    writeDataset(join(root, 'other', 'rs.dcm'), structureSet(other, '1.2.826.0.1.5.3.2', null, [{ number: 1, name: 'PTV', type: 'PTV', contours: [SQUARE(0)] }]));
    writeDataset(join(root, 'other', 'rp.dcm'), plan(other, { sopUid: '1.2.826.0.1.5.3.3', label: 'OF', structureSetUid: '1.2.826.0.1.5.3.2', prescriptionGy: 60, fractions: 30 }));
    writeDataset(join(root, 'other', 'rd.dcm'), dose({ ...other, frameUid: '1.2.826.0.1.5.3.8' }, { sopUid: '1.2.826.0.1.5.3.4', planUid: '1.2.826.0.1.5.3.3',
      summationType: 'PLAN', originMm: [0, 0, 0], pixelSpacingMm: [3, 3], rows: 3, columns: 3, gridFrameOffsets: [0, 2, 4], doseGy: new Array(27).fill(60) }));
    bad['other/rd.dcm'] = /dose frame of reference 1\.2\.826\.0\.1\.5\.3\.8 differs from frame of reference 1\.2\.826\.0\.1\.5\.3\.9/;

    result = await loadPlanBundles(root);
  });

  it('names each bad file exactly once, with what is wrong, and no stack trace', () => {
    for (const [file, pattern] of Object.entries(bad)) {
      const lines = result.errors.filter((e) => e.file === join(root, file));
      expect(lines, file).toHaveLength(1);
      expect(lines[0].message, file).toMatch(pattern);
    }
    expect(result.errors).toHaveLength(Object.keys(bad).length);
    for (const e of result.errors) expect(e.message).not.toMatch(/\n\s+at /);
  });

  it('a text file without a DICOM extension is a note, not an error', () => {
    expect(result.notes).toContain(`${join(root, 'notes.txt')}: skipped, not a DICOM file`);
  });

  it('the good plan still loads with CT, structure set (minus the bad contour), plan and dose, all linked by reference', () => {
    const good = result.bundles.find((b) => b.patientId === 'GOOD');
    expect(good?.plan?.label).toBe('GOOD');
    expect(good?.plan?.prescriptionGy).toBe(70);
    expect(good?.ct?.grid.slices).toBe(3);
    expect(good?.structureSet?.rois.map((r) => [r.name, r.contours.length])).toEqual([['PTV', 2], ['Cord', 1]]);
    expect(good?.dose?.dose.every((d) => Math.abs(d - 70) < 1e-4)).toBe(true);
    const methods = result.index.links.filter((l) => l.fromUid.startsWith('1.2.826.0.1.5.1')).map((l) => `${l.fromKind}->${l.toKind}:${l.method}`);
    expect(methods.sort()).toEqual(['RTDOSE->RTPLAN:reference', 'RTPLAN->RTSTRUCT:reference', 'RTSTRUCT->CT:reference']);
  });

  it('the plan on another frame of reference still gives a bundle, with a warning naming both UIDs', () => {
    const b = result.bundles.find((x) => x.patientId === 'OTHERFRAME');
    expect(b?.warnings.some((w) => w.includes('1.2.826.0.1.5.3.8') && w.includes('1.2.826.0.1.5.3.9'))).toBe(true);
  });
});
