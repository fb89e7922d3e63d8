import { useEffect, useRef } from 'react';
import type { Finding } from '../../../electron/common/api/planReviewSchemas';
import { GradeChip } from '../../ui/GradeChip';

const ORDER = { major: 0, minor: 1, not_evaluable: 2, per_protocol: 3 } as const;

/** Worst first, then by structure, so the finding that decides the plan's grade is on top. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.grade] - ORDER[b.grade] || (a.structure ?? '').localeCompare(b.structure ?? ''));
}

function formatValue(f: Finding): string {
  if (f.value === null) return '';
  const u = f.uncertainty !== null && f.uncertainty > 0 ? ` ± ${f.uncertainty.toPrecision(2)}` : '';
  return `${f.value.toFixed(2)}${u} ${f.unit ?? ''}`;
}

/** The protocol's findings for this plan; clicking one selects it (views follow, DVH marks it). */
export function FindingsPanel({ findings, selectedId, onSelect, structureNames }: {
  findings: readonly Finding[]; selectedId: string | null; onSelect: (f: Finding) => void;
  /** structureId → name as written in the RTSTRUCT, shown beside the harmonised name */
  structureNames: ReadonlyMap<string, string>;
}) {
  const selectedRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => { selectedRef.current?.scrollIntoView({ block: 'nearest' }); }, [selectedId]);
  if (findings.length === 0) return <div className="muted" data-state="empty">No findings: the plan has not been evaluated against a protocol.</div>;
  return (
    <div data-testid="findings-list" role="listbox" aria-label="Findings">
      {findings.map((f) => (
        <div key={f.findingId} ref={f.findingId === selectedId ? selectedRef : undefined} role="option" aria-selected={f.findingId === selectedId}
          className={`finding ${f.grade}${f.findingId === selectedId ? ' selected' : ''}`} data-testid="finding" data-finding-id={f.findingId}
          data-grade={f.grade} data-constraint-id={f.constraintId} data-structure={f.structure ?? ''}
          data-structure-name={f.structureId ? structureNames.get(f.structureId) ?? '' : ''}
          data-worst-slice-index={f.worstPoint?.ctSliceIndex ?? ''} onClick={() => onSelect(f)}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6, alignItems: 'center' }}>
            <strong>{f.structure ?? 'Plan'}{f.structureId && structureNames.get(f.structureId) && structureNames.get(f.structureId) !== f.structure
              ? <span className="muted" style={{ fontWeight: 400 }}> ({structureNames.get(f.structureId)})</span> : null}</strong>
            <span style={{ display: 'flex', gap: 4 }}>
              {f.borderline && <span className="chip minor" title="within the DVH uncertainty of a limit">borderline</span>}
              {f.advisory && <span className="chip none">advisory</span>}
              <GradeChip grade={f.grade} />
            </span>
          </div>
          <div style={{ fontSize: 12 }}>{f.message}</div>
          {f.metric && <div className="muted mono" style={{ fontSize: 11 }}>
            {f.metric} = {formatValue(f)}{f.perProtocolLimit !== null && ` · limit ${f.comparator} ${f.perProtocolLimit}`}{f.minorLimit !== null && ` (minor ${f.comparator} ${f.minorLimit})`}
          </div>}
        </div>
      ))}
    </div>
  );
}
