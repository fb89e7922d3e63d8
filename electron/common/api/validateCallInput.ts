import type { z } from 'zod';
import { errorResult, type ApiFailure, type ApiIssue } from './apiEnvelope';
import { apiContract, CALL_NAMES, isCallName, type CallName, type CallParsedInput } from './contract';

/** zod issues → the envelope's `issues`, with dotted paths a person can read (`findings.0.reason`). */
export function toApiIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export type ValidatedCall = { ok: true; name: CallName; input: CallParsedInput<CallName> };

/**
 * Checks a call that came over a boundary (IPC message, HTTP body, preload argument) against the contract.
 * Unknown names and inputs that do not parse become an error envelope naming the call and the fields.
 */
export function validateCallInput(name: unknown, input: unknown): ValidatedCall | ApiFailure {
  if (!isCallName(name)) {
    const shown = typeof name === 'string' ? `"${name.slice(0, 80)}"` : typeof name;
    return errorResult('UNKNOWN_CALL', `unknown call ${shown}; known calls: ${CALL_NAMES.join(', ')}`);
  }
  // a call without arguments may be sent with no body at all
  const parsed = apiContract[name].input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) {
    const issues = toApiIssues(parsed.error);
    const first = issues[0];
    const where = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid input';
    return errorResult('VALIDATION', `${name}: invalid input (${where})`, issues);
  }
  return { ok: true, name, input: parsed.data as CallParsedInput<CallName> };
}
