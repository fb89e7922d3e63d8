import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatchCall, errorResult, IPC_CALL_CHANNEL, type ApiResult } from '../common/api';
import type { CoreServices } from '../node/services/coreServices';
import { isAppUrl } from './appOrigin';

/**
 * The one IPC handler: check the sender → validate against the contract → delegate to the core → envelope.
 * The sender must be the top frame of our own page (rtqa://app); an injected iframe or a page that navigated
 * elsewhere gets FORBIDDEN and nothing runs.
 */
export function registerIpcHandlers(ipcMain: IpcMain, services: CoreServices): void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      return errorResult('FORBIDDEN', 'calls are accepted only from the RTQA Review page');
    }
    return dispatchCall(services.handlers, name, input);
  });
}
