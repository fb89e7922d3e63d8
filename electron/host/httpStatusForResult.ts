import type { ApiResult } from '../common/api';

/** HTTP status that goes with an envelope; clients read the envelope, the status helps logs and tools. */
export function httpStatusForResult(result: ApiResult<unknown>): number {
  if (result.ok) return 200;
  switch (result.error.code) {
    case 'VALIDATION': return 400;
    case 'UNKNOWN_CALL': return 404;
    case 'NOT_FOUND': return 404;
    case 'FORBIDDEN': return 403;
    case 'CONFLICT': return 409;
    case 'UNAVAILABLE': return 503;
    default: return 500;
  }
}
