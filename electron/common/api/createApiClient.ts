import { apiResultSchema, errorResult, type ApiResult } from './apiEnvelope';
import { CALL_NAMES, type ApiClient, type CallName } from './contract';
import { validateCallInput } from './validateCallInput';

/** Sends one already-validated call to a host and returns whatever came back (to be checked). */
export type ApiTransport = (name: CallName, input: unknown) => Promise<unknown>;

/**
 * A typed client over any transport: Electron's preload (ipcRenderer.invoke) or the browser's fetch. Calls are
 * validated before they leave, so a malformed or unknown call is refused without sending anything, and the
 * answer's envelope is checked before the caller sees it.
 */
export function createApiClient(transport: ApiTransport): ApiClient & { call(name: string, input: unknown): Promise<ApiResult<unknown>> } {
  async function call(name: string, input: unknown): Promise<ApiResult<unknown>> {
    const validated = validateCallInput(name, input);
    if (!validated.ok) return validated;
    let answer: unknown;
    try {
      answer = await transport(validated.name, validated.input);
    } catch (error) {
      return errorResult('INTERNAL', `${validated.name}: the host did not answer (${error instanceof Error ? error.message : String(error)})`);
    }
    const envelope = apiResultSchema.safeParse(answer);
    if (!envelope.success) return errorResult('INTERNAL', `${validated.name}: the host answered something that is not an API result`);
    return envelope.data as ApiResult<unknown>;
  }
  const methods = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)]));
  return { ...(methods as unknown as ApiClient), call };
}
