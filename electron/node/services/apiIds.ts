import { ApiCallError } from '../../common/api';

/**
 * The store keys rows by SQLite integers; the API treats ids as opaque strings. These two functions are the
 * only place the two meet, so a non-numeric id from a caller is a clean NOT_FOUND, never an SQL surprise.
 */
export function toApiId(rowId: number): string {
  return String(rowId);
}

export function fromApiId(id: string, what: string): number {
  if (!/^[1-9]\d{0,15}$/.test(id)) throw new ApiCallError('NOT_FOUND', `no ${what} with id ${id}`);
  return Number(id);
}
