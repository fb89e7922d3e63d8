/**
 * DVH metric names understood by Dvh.metric(), parsed into a small tagged union. Names follow the usual
 * clinical shorthand (case-insensitive for the letters, dot as decimal separator):
 *   Volume, Dmean, Dmax, Dmin          – structure volume (cc) and mean / sampled max / sampled min dose (Gy)
 *   D95%, D2%, D0.03cc, D2cc           – minimum dose to the hottest x % or x cc (Gy)
 *   DC20cc, DC50%                      – maximum dose to the coldest x cc or x % (Gy)
 *   V20Gy, V20Gy%, V20Gycc             – volume receiving ≥ 20 Gy (cc unless % or options say otherwise)
 *   V95%Rx, V95%Rx%                    – volume receiving ≥ 95 % of the prescription (needs prescriptionGy)
 */
export type DvhMetricRequest =
  | { kind: 'volume' }
  | { kind: 'mean' }
  | { kind: 'max' }
  | { kind: 'min' }
  | { kind: 'doseToHottest'; amount: number; unit: 'cc' | '%' }
  | { kind: 'doseToColdest'; amount: number; unit: 'cc' | '%' }
  | { kind: 'volumeAtDose'; doseGy: number; volumeUnit: 'cc' | '%' | null }
  | { kind: 'volumeAtPrescriptionPercent'; percent: number; volumeUnit: 'cc' | '%' | null };

const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)';
const HOTTEST = new RegExp(`^D${NUMBER}(%|cc)$`, 'i');
const COLDEST = new RegExp(`^DC${NUMBER}(%|cc)$`, 'i');
const VOLUME_AT_DOSE = new RegExp(`^V${NUMBER}Gy(%|cc)?$`, 'i');
const VOLUME_AT_RX = new RegExp(`^V${NUMBER}%Rx(%|cc)?$`, 'i');

/** Parses a metric name; null when it is not one of the forms above. */
export function parseDvhMetricName(nameIn: string): DvhMetricRequest | null {
  const name = nameIn.trim().replace(/\s+/g, '');
  const lower = name.toLowerCase();
  if (lower === 'volume' || lower === 'vol') return { kind: 'volume' };
  if (lower === 'dmean' || lower === 'mean') return { kind: 'mean' };
  if (lower === 'dmax' || lower === 'max') return { kind: 'max' };
  if (lower === 'dmin' || lower === 'min') return { kind: 'min' };
  let m = COLDEST.exec(name);
  if (m) return { kind: 'doseToColdest', amount: Number(m[1]), unit: unitOf(m[2]) };
  m = HOTTEST.exec(name);
  if (m) return { kind: 'doseToHottest', amount: Number(m[1]), unit: unitOf(m[2]) };
  m = VOLUME_AT_RX.exec(name);
  if (m) return { kind: 'volumeAtPrescriptionPercent', percent: Number(m[1]), volumeUnit: m[2] ? unitOf(m[2]) : null };
  m = VOLUME_AT_DOSE.exec(name);
  if (m) return { kind: 'volumeAtDose', doseGy: Number(m[1]), volumeUnit: m[2] ? unitOf(m[2]) : null };
  return null;
}

function unitOf(text: string): 'cc' | '%' {
  return text === '%' ? '%' : 'cc';
}
