import type { Types } from '@cornerstonejs/core';
import { useEffect, useMemo, useState } from 'react';
import type { CallOutput } from '../../../electron/common/api/contract';
import type { Finding } from '../../../electron/common/api/planReviewSchemas';
import type { ReviewRecord } from '../../../electron/common/api/reviewSchemas';
import { requestApi } from '../../api/rtqaClient';
import { neighbourPlan } from '../../app/planOrder';
import { useAsync } from '../../app/useAsync';
import { navigate } from '../../app/useHashRoute';
import { useKeyboardShortcuts } from '../../app/useKeyboardShortcuts';
import { buildContourPlanes } from '../../imaging/contourPlanes';
import { DvhChart } from '../dvh/DvhChart';
import { findingDvhPoint } from '../dvh/findingDvhPoint';
import { FindingsPanel, sortFindings } from '../findings/FindingsPanel';
import { DoseControls, isodoseLevels } from '../viewer2d/DoseControls';
import { OrthoViewer, type CtWindow } from '../viewer2d/OrthoViewer';
import { RISK_DISPLAY_DEFAULT } from '../viewer2d/drawRiskOverlay';
import { RiskControls } from '../viewer2d/RiskControls';
import { StructureList } from '../viewer2d/StructureList';
import { usePlanVolumes } from '../viewer2d/usePlanVolumes';
import type { DoseDisplay, StructureOverlay } from '../viewer2d/viewerTypes';
import { Viewer3d, type Surface3d } from '../viewer3d/Viewer3d';
import { EmptyState, ErrorState, LoadingState } from '../../ui/StateMessages';
import { PredictionsPanel } from '../predictions/PredictionsPanel';
import { AuditTrail } from './AuditTrail';
import { PlanHeader } from './PlanHeader';
import { ReviewForm } from './ReviewForm';

type PlanReview = CallOutput<'getPlanReview'>;
type Contours = CallOutput<'getStructureContours'>;

/** Performance marks the viewer benchmark reads: plan opened → first axial slice with the dose on screen. */
export const MARK_PLAN_OPEN = 'plan-open';
export const MARK_FIRST_SLICE = 'first-slice-with-dose';

export function PlanReviewScreen({ planId, defaultReviewer }: { planId: string; defaultReviewer: string }) {
  // the screen is keyed by plan (App), so this runs once per opened plan, before anything is fetched
  useState(() => { performance.clearMarks(MARK_PLAN_OPEN); performance.clearMarks(MARK_FIRST_SLICE); performance.mark(MARK_PLAN_OPEN, { detail: { planId } }); });
  const review = useAsync<PlanReview>(() => requestApi('getPlanReview', { planId }), [planId]);
  const contours = useAsync<Contours>(() => requestApi('getStructureContours', { planId }), [planId]);
  const data = review.status === 'ready' ? review.data : null;
  const volumes = usePlanVolumes(planId, data?.volumes ?? null);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [visible, setVisible] = useState<Set<string>>(new Set());
  const [jumpTo, setJumpTo] = useState<{ pointMm: Types.Point3; seq: number } | null>(null);
  const [percents, setPercents] = useState<number[]>([95, 80, 50, 30]);
  const [ctWindow, setCtWindow] = useState<CtWindow>({ centerHu: 40, widthHu: 400 });
  const [tab, setTab] = useState<'review' | 'audit' | 'predictions'>('review');
  const [auditVersion, setAuditVersion] = useState(0);
  const [savedReview, setSavedReview] = useState<ReviewRecord | null>(null);
  // the 3D view is mounted once the first axial slice is on screen: its WebGL context and surface workers would
  // otherwise compete with the 2D views for the first slice (a WebGL context costs ~0.3 s under SwiftShader)
  const [firstSliceShown, setFirstSliceShown] = useState(false);

  const rxGy = data?.plan.prescriptionGy ?? (volumes.status === 'ready' && volumes.dose ? volumes.dose.valueRange[1] / 1.07 : 70);
  const [riskDisplay, setRiskDisplay] = useState(RISK_DISPLAY_DEFAULT);
  const [wash, setWash] = useState({ showWash: true, minGy: 0, maxGy: 0, opacity: 0.45, showIsodose: true });
  const doseDisplay: DoseDisplay = useMemo(() => ({
    // until the user sets a range: 30 % to 107 % of the prescription, in 0.1 Gy steps
    ...wash, minGy: wash.maxGy > 0 ? wash.minGy : Math.round(3 * rxGy) / 10, maxGy: wash.maxGy > 0 ? wash.maxGy : Math.round(10.7 * rxGy) / 10,
    isodoseLevels: isodoseLevels(percents, rxGy),
  }), [wash, percents, rxGy]);

  const findings = useMemo(() => sortFindings(data?.findings ?? []), [data]);
  useEffect(() => {
    if (!data) return;
    setVisible(new Set(data.structures.filter((s) => s.role !== 'external' && !s.isPoint).map((s) => s.structureId)));
    setSavedReview(data.review);
  }, [data]);

  const structureNames = useMemo(() => new Map((data?.structures ?? []).map((s) => [s.structureId, s.name])), [data]);
  const colors = useMemo(() => new Map((data?.structures ?? []).map((s) => [s.structureId, `rgb(${s.colorRgb.join(',')})`])), [data]);
  const planes = useMemo(() => (contours.status === 'ready' ? contours.data.structures.map((s) => buildContourPlanes(s.structureId, s.contours)) : []), [contours]);
  const overlays: StructureOverlay[] = useMemo(() => planes.map((p) => ({
    planes: p, color: colors.get(p.structureId) ?? '#fff', visible: visible.has(p.structureId), highlighted: p.structureId === highlightedId,
  })), [planes, colors, visible, highlightedId]);
  const surfaces: Surface3d[] = useMemo(() => (contours.status === 'ready' ? contours.data.structures : [])
    .map((c) => ({ c, s: data?.structures.find((d) => d.structureId === c.structureId) }))
    .filter(({ s }) => s && s.role !== 'external' && !s.isPoint)
    .map(({ c, s }) => ({
      structureId: c.structureId, contours: c.contours, rgb: s!.colorRgb as [number, number, number],
      visible: visible.has(c.structureId), highlighted: c.structureId === highlightedId,
    })), [contours, data, visible, highlightedId]);

  const selected = findings.find((f) => f.findingId === selectedId) ?? null;
  const dvhMarker = useMemo(() => {
    if (!selected?.structureId || !data) return null;
    const curve = data.dvh.find((c) => c.structureId === selected.structureId);
    const point = curve ? findingDvhPoint(selected, curve) : null;
    return point ? { ...point, structureId: selected.structureId } : null;
  }, [selected, data]);

  function selectFinding(f: Finding) {
    setSelectedId(f.findingId);
    if (f.structureId) { setHighlightedId(f.structureId); setVisible((v) => new Set(v).add(f.structureId!)); }
    if (f.worstPoint) setJumpTo((j) => ({ pointMm: [...f.worstPoint!.positionMm] as Types.Point3, seq: (j?.seq ?? 0) + 1 }));
  }
  function stepFinding(step: 1 | -1) {
    if (findings.length === 0) return;
    const index = findings.findIndex((f) => f.findingId === selectedId);
    const next = findings[index < 0 ? (step > 0 ? 0 : findings.length - 1) : Math.min(findings.length - 1, Math.max(0, index + step))];
    selectFinding(next);
  }
  function stepPlan(step: 1 | -1) {
    const next = neighbourPlan(planId, step);
    if (next) navigate({ name: 'plan', planId: next });
  }
  useKeyboardShortcuts({
    j: () => stepFinding(1), k: () => stepFinding(-1), n: () => stepPlan(1), p: () => stepPlan(-1),
    d: () => setWash((w) => ({ ...w, showWash: !w.showWash })), i: () => setWash((w) => ({ ...w, showIsodose: !w.showIsodose })),
    r: () => setRiskDisplay((r) => ({ ...r, show: !r.show })),
    w: () => navigate({ name: 'worklist' }),
  });

  if (review.status === 'loading') return <LoadingState label="Loading the plan…" />;
  if (review.status === 'error') return <ErrorState title="The plan could not be opened" message={review.message} onRetry={review.reload} />;
  const plan = review.data.plan;

  let views;
  if (volumes.status === 'loading') views = <LoadingState label="Loading CT and dose…" />;
  else if (volumes.status === 'error') views = <ErrorState title="Images could not be loaded" message={volumes.message} />;
  else if (!volumes.ct) views = <EmptyState title="No CT for this plan">The DVH and findings are still available.</EmptyState>;
  else views = (
    <OrthoViewer ct={volumes.ct} dose={volumes.dose} doseDisplay={doseDisplay} risk={volumes.risk} riskDisplay={riskDisplay} structures={overlays} ctWindow={ctWindow} onCtWindowChange={setCtWindow}
      jumpTo={jumpTo} markerMm={selected?.worstPoint ? ([...selected.worstPoint.positionMm] as Types.Point3) : null}
      onFirstRender={() => { performance.mark(MARK_FIRST_SLICE, { detail: { planId } }); setFirstSliceShown(true); }}
      extraView={firstSliceShown
        ? <Viewer3d structures={surfaces} dose={volumes.dose} doseLevelGy={volumes.dose ? rxGy : null} risk={volumes.risk} />
        : <div className="view-3d"><div className="view-label">3D<span className="muted"> waiting for the first slice…</span></div></div>} />
  );

  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid="plan-review" data-plan-id={planId}>
      <PlanHeader plan={plan} onBack={() => navigate({ name: 'worklist' })} onStep={stepPlan} />
      <div className="review">
        <div className="col">
          <div className="panel scroll" style={{ flex: 3 }}>
            <h3 style={{ marginBottom: 6 }}>Findings <span className="muted">({findings.length})</span></h3>
            <FindingsPanel findings={findings} selectedId={selectedId} onSelect={selectFinding} structureNames={structureNames} />
          </div>
          <div className="panel scroll" style={{ flex: 2 }}>
            <h3 style={{ marginBottom: 6 }}>Structures</h3>
            <StructureList structures={review.data.structures} visible={visible} highlightedId={highlightedId}
              onToggle={(id) => setVisible((v) => { const n = new Set(v); if (n.has(id)) n.delete(id); else n.add(id); return n; })}
              onHighlight={(id) => setHighlightedId((h) => (h === id ? null : id))}
              onAll={(on) => setVisible(on ? new Set(review.data.structures.map((s) => s.structureId)) : new Set())} />
          </div>
        </div>
        <div className="col">
          <DoseControls display={doseDisplay} onDisplay={(d) => setWash({ showWash: d.showWash, minGy: d.minGy, maxGy: d.maxGy, opacity: d.opacity, showIsodose: d.showIsodose })}
            percents={percents} onPercents={setPercents} prescriptionGy={Number(rxGy.toFixed(2))} ctWindow={ctWindow} onCtWindow={setCtWindow}>
            <RiskControls display={riskDisplay} onDisplay={setRiskDisplay} available={volumes.status === 'ready' && volumes.risk !== null} />
          </DoseControls>
          {views}
        </div>
        <div className="col">
          <div className="panel">
            <h3 style={{ marginBottom: 4 }}>DVH</h3>
            <DvhChart curves={review.data.dvh} colors={colors} visibleIds={visible} highlightedId={highlightedId} marker={dvhMarker} prescriptionGy={plan.prescriptionGy} />
          </div>
          <div className="panel scroll" style={{ flex: 1 }}>
            <div className="tabs" role="tablist">
              <button role="tab" aria-selected={tab === 'review'} onClick={() => setTab('review')} data-testid="tab-review">Review</button>
              <button role="tab" aria-selected={tab === 'audit'} onClick={() => setTab('audit')} data-testid="tab-audit">Audit trail</button>
              <button role="tab" aria-selected={tab === 'predictions'} onClick={() => setTab('predictions')} data-testid="tab-predictions">Predictions</button>
            </div>
            {tab === 'review'
              ? <ReviewForm planId={planId} findings={findings} saved={savedReview} defaultReviewer={defaultReviewer} worstGrade={plan.worstGrade}
                  selectedFindingId={selectedId} onSelectFinding={selectFinding}
                  onSaved={(r) => { setSavedReview(r); setAuditVersion((v) => v + 1); }} />
              : tab === 'audit' ? <AuditTrail planId={planId} version={auditVersion} />
                : <PredictionsPanel planId={planId} />}
          </div>
        </div>
      </div>
    </div>
  );
}
