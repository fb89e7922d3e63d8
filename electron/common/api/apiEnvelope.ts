import { z } from 'zod';

/**
 * Every call on every host (Electron IPC, browser host HTTP) answers with one envelope: `{ ok: true, data }` or
 * `{ ok: false, error: { code, message, issues? } }`. Handlers never throw across a host boundary; the
 * renderer shows `message`, which is written for a physicist, not a programmer.
 */
export const API_ERROR_CODES = [
  /** the input (or an output, on our side) did not match the contract; `issues` name the fields */
  'VALIDATION',
  /** the call name is not in the contract */
  'UNKNOWN_CALL',
  /** the plan, trial or file asked for does not exist */
  'NOT_FOUND',
  /** the sender is not our own page (IPC) or lacks the token / has a foreign Origin or Host (HTTP) */
  'FORBIDDEN',
  /** the part that would answer is not available here (e.g. no prediction model installed) */
  'UNAVAILABLE',
  /** the request conflicts with stored state (e.g. a finding id that is not on this plan) */
  'CONFLICT',
  /** anything else: a bug or an I/O failure; message says what failed */
  'INTERNAL',
] as const;

export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiIssueSchema = z.object({
  /** dotted path of the offending field, e.g. `findings.0.reason`; '' for the whole input */
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof apiIssueSchema>;

export const apiErrorSchema = z.object({
  code: apiErrorCodeSchema,
  message: z.string(),
  issues: z.array(apiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiFailure = { ok: false; error: ApiError };
export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

/** The envelope's own shape, for checking what came over a transport before trusting it. */
export const apiResultSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);

export function okResult<T>(data: T): ApiResult<T> {
  return { ok: true, data };
}

export function errorResult(code: ApiErrorCode, message: string, issues?: ApiIssue[]): ApiFailure {
  return { ok: false, error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}

/** A typed error a service throws on purpose; hosts turn it into an envelope with its code. */
export class ApiCallError extends Error {
  constructor(readonly code: ApiErrorCode, message: string, readonly issues?: ApiIssue[]) {
    super(message);
    this.name = 'ApiCallError';
  }
}
