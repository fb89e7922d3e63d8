/**
 * The order of plans as the worklist last showed them (after filters), so the review screen's next / previous
 * plan keys walk the same list the user was looking at. Kept in sessionStorage to survive a reload.
 */
const KEY = 'rtqa.planOrder';

export function rememberPlanOrder(planIds: readonly string[]): void {
  try { sessionStorage.setItem(KEY, JSON.stringify(planIds)); } catch { /* storage full or blocked: n/p just stops */ }
}

export function neighbourPlan(planId: string, step: 1 | -1): string | null {
  let ids: string[] = [];
  try { ids = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[]; } catch { ids = []; }
  const index = ids.indexOf(planId);
  if (index < 0) return null;
  return ids[index + step] ?? null;
}
