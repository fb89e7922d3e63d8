import { ApiCallError, errorResult, okResult, type ApiResult } from './apiEnvelope';
import { apiContract, type ApiHandlers, type CallName } from './contract';
import { toApiIssues, validateCallInput } from './validateCallInput';

/**
 * The one path a call takes on every host: validate the input → delegate to the handler → check the output
 * → envelope. Host code (IPC handler, HTTP route) only adds its own sender checks around this.
 * A handler's `ApiCallError` keeps its code; any other exception becomes INTERNAL with its message.
 */
export async function dispatchCall(handlers: ApiHandlers, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
  const validated = validateCallInput(name, input);
  if (!validated.ok) return validated;
  const callName: CallName = validated.name;
  let output: unknown;
  try {
    const handler = handlers[callName] as (parsed: unknown) => Promise<unknown>;
    output = await handler(validated.input);
  } catch (error) {
    if (error instanceof ApiCallError) return errorResult(error.code, error.message, error.issues);
    const message = error instanceof Error ? error.message : String(error);
    return errorResult('INTERNAL', `${callName} failed: ${message}`);
  }
  // our own answers obey the contract too: a service bug shows up here, not as a broken screen
  const checked = apiContract[callName].output.safeParse(output);
  if (!checked.success) {
    return errorResult('INTERNAL', `${callName} produced an answer outside the contract`, toApiIssues(checked.error));
  }
  return okResult(checked.data);
}
