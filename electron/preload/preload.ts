import { contextBridge, ipcRenderer } from 'electron';
import { RTQA_BRIDGE_KEY } from '../common/api';
import { buildRtqaBridge } from './buildRtqaBridge';

/*
 * Runs sandboxed, with context isolation: the page sees only `window.rtqa`, built from the API contract.
 * ipcRenderer itself is never exposed (its methods would let the page send on any channel).
 */
contextBridge.exposeInMainWorld(RTQA_BRIDGE_KEY, buildRtqaBridge({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => ipcRenderer.on(channel, listener),
  removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
}));
