/**
 * Where a protocol limit sits on a cumulative DVH drawn as dose (Gy, x) against volume (% of the structure,
 * y). Returns both coordinates for a point limit, volumePercent null for a vertical line (Dmean, Dmax, Dmin),
 * or null when the limit cannot be drawn (unknown metric, %Rx without prescription, cc without a volume).
 *
 * Examples: D95% ≥ 66.5 Gy → (66.5 Gy, 95 %); D0.03cc ≤ 45 Gy on a 30 cc cord → (45 Gy, 0.1 %);
 * V30Gy ≤ 50 % → (30 Gy, 50 %); V65Gy ≤ 3 cc on a 60 cc organ → (65 Gy, 5 %); V95%Rx ≥ 98 % at 70 Gy → (66.5 Gy, 98 %).
 */
export function dvhLimitPlacement(metric: string, limit: number, unit: string, structureVolumeCc: number | null,
  prescriptionGy: number | null): { doseGy: number; volumePercent: number | null } | null {
  const limitGy = unit === 'Gy' ? limit : unit === '%Rx' && prescriptionGy !== null ? (limit / 100) * prescriptionGy : null;
  if (/^(Dmean|Dmax|Dmin)$/.test(metric)) return limitGy === null ? null : { doseGy: limitGy, volumePercent: null };

  const doseAtVolume = /^D(\d+(?:\.\d+)?)(%|cc)$/.exec(metric);
  if (doseAtVolume) {
    if (limitGy === null) return null;
    const amount = Number(doseAtVolume[1]);
    if (doseAtVolume[2] === '%') return { doseGy: limitGy, volumePercent: amount };
    return structureVolumeCc && structureVolumeCc > 0 ? { doseGy: limitGy, volumePercent: Math.min(100, (amount / structureVolumeCc) * 100) } : null;
  }

  const volumeAtDose = /^V(\d+(?:\.\d+)?)(Gy|%Rx)$/.exec(metric);
  if (volumeAtDose) {
    const amount = Number(volumeAtDose[1]);
    const doseGy = volumeAtDose[2] === 'Gy' ? amount : prescriptionGy !== null ? (amount / 100) * prescriptionGy : null;
    if (doseGy === null) return null;
    if (unit === '%') return { doseGy, volumePercent: limit };
    if (unit === 'cc') return structureVolumeCc && structureVolumeCc > 0 ? { doseGy, volumePercent: (limit / structureVolumeCc) * 100 } : null;
    return null;
  }
  return null;
}
