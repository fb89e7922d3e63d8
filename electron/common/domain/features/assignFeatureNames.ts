import type { NameMatch } from '../naming/nameMatchTypes';

/**
 * The vocabulary name each structure takes in the model input. Organs keep their TG-263 name (a suggested
 * name awaiting confirmation is used too, with a warning); targets become dose-level roles: the highest
 * PTV dose level PTV_High, the lowest PTV_Low when there are three or more levels, the others PTV_Mid;
 * CTVs likewise (CTV_High / CTV_Mid / CTV_Low); any GTV GTV. Unmatched names keep their written name (organ index 0, OTHER).
 */
export function assignFeatureNames(matches: readonly NameMatch[]): { names: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const levels = (prefix: string) => [...new Set(matches
    .filter((m) => m.kind === 'target' && (m.tg263 ?? m.written).toUpperCase().startsWith(prefix) && m.targetDoseGy !== null)
    .map((m) => m.targetDoseGy as number))].sort((a, b) => b - a);
  const ptvLevels = levels('PTV');
  const ctvLevels = levels('CTV');
  const names = matches.map((m) => {
    const name = m.tg263 ?? m.written;
    if (m.status === 'needs_confirmation' && m.tg263) warnings.push(`${m.written}: used as ${m.tg263}, not yet confirmed`);
    if (m.kind !== 'target') return name;
    const upper = name.toUpperCase();
    if (/^PTV_(HIGH|MID|LOW)$/.test(upper)) return `PTV_${upper.slice(4, 5)}${upper.slice(5).toLowerCase()}`;
    if (upper.startsWith('GTV')) return 'GTV';
    if (upper.startsWith('PTV') && m.targetDoseGy !== null) {
      const rank = ptvLevels.indexOf(m.targetDoseGy);
      if (rank === 0) return 'PTV_High';
      if (ptvLevels.length >= 3 && rank === ptvLevels.length - 1) return 'PTV_Low';
      return 'PTV_Mid';
    }
    if (upper.startsWith('CTV') && m.targetDoseGy !== null) {
      const rank = ctvLevels.indexOf(m.targetDoseGy);
      if (rank === 0) return 'CTV_High';
      if (ctvLevels.length >= 3 && rank === ctvLevels.length - 1) return 'CTV_Low';
      return 'CTV_Mid';
    }
    return name;
  });
  return { names, warnings };
}
