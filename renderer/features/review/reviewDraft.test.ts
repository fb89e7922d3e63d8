import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../electron/common/api/planReviewSchemas';
import { saveReviewInput } from '../../../electron/common/api/reviewSchemas';
import { draftProblems, draftToRequest, initialDraft } from './reviewDraft';

const finding = (findingId: string, grade: Finding['grade']): Finding => ({
  findingId, constraintId: 'cord-d003cc', structure: 'SpinalCord', structureId: 's1', metric: 'D0.03cc', value: 47, uncertainty: 0.1,
  unit: 'Gy', comparator: '<=', perProtocolLimit: 45, minorLimit: 48, grade, borderline: false, marginToNextGrade: 1, advisory: false,
  message: 'SpinalCord D0.03cc 47 Gy', worstPoint: null,
});
const findings = [finding('f1', 'major'), finding('f2', 'per_protocol')];

describe('reviewDraft', () => {
  it('starts by agreeing with every finding and the plan grade', () => {
    const draft = initialDraft(findings, null, 'physicist', 'major');
    expect(draft.overallGrade).toBe('major');
    expect(Object.values(draft.decisions).map((d) => d.decision)).toEqual(['agree', 'agree']);
    expect(draftProblems(draft, findings)).toEqual([]);
  });

  it('refuses an override without a reason, and the contract agrees', () => {
    const draft = initialDraft(findings, null, 'physicist', 'major');
    draft.decisions.f1 = { decision: 'override', reason: ' ' };
    expect(draftProblems(draft, findings).map((p) => p.findingId)).toEqual(['f1']);
    expect(saveReviewInput.safeParse(draftToRequest('p1', draft)).success).toBe(false);
  });

  it('turns a complete draft into a request the contract accepts', () => {
    const draft = initialDraft(findings, null, 'physicist', 'major');
    draft.decisions.f1 = { decision: 'override', reason: 'cord contour includes the canal wall' };
    const request = draftToRequest('p1', draft);
    expect(saveReviewInput.parse(request).findings[0]).toEqual({ findingId: 'f1', decision: 'override', reason: 'cord contour includes the canal wall' });
  });
});
