import { expect, it } from 'vitest';
import { dicomDateToIso } from './dicomDateToIso';

it('turns DICOM dates into ISO dates and refuses anything else', () => {
  expect(dicomDateToIso('20250317')).toBe('2025-03-17');
  expect(dicomDateToIso('2025-03-17T10:00:00Z')).toBe('2025-03-17');
  expect(dicomDateToIso('17.03.2025')).toBeNull();
  expect(dicomDateToIso(null)).toBeNull();
});
