import type { z } from 'zod';
import type { ApiResult } from './apiEnvelope';
import { getAppInfoInput, getAppInfoOutput } from './appInfoSchemas';
import { getCommitteeSummaryInput, getCommitteeSummaryOutput, getPopulationDvhInput, getPopulationDvhOutput } from './committeeSchemas';
import {
  chooseFolderInput, chooseFolderOutput, ensureDemoTrialInput, ensureDemoTrialOutput, importFolderInput, importFolderOutput,
} from './importSchemas';
import {
  getPlanReviewInput, getPlanReviewOutput, getStructureContoursInput, getStructureContoursOutput,
} from './planReviewSchemas';
import { getPredictionsInput, getPredictionsOutput } from './predictionSchemas';
import { getAuditLogInput, getAuditLogOutput, saveReviewInput, saveReviewOutput } from './reviewSchemas';
import { getWorklistInput, getWorklistOutput, listTrialsInput, listTrialsOutput } from './worklistSchemas';

/**
 * THE contract: every call the renderer can make, with zod schemas for its input and output. Electron's
 * preload derives its allow-list from these keys, main and the browser host validate against them, the
 * services implement `ApiHandlers`. Add a call here and every host gets it; nothing else lists calls.
 *
 * Hosts: Electron `ipcRenderer.invoke('rtqa:call', name, input)`; browser host `POST /api/<name>` with the
 * input as JSON body. Both answer an `ApiResult` envelope.
 */
export const apiContract = {
  getAppInfo: { input: getAppInfoInput, output: getAppInfoOutput },
  listTrials: { input: listTrialsInput, output: listTrialsOutput },
  getWorklist: { input: getWorklistInput, output: getWorklistOutput },
  importFolder: { input: importFolderInput, output: importFolderOutput },
  chooseFolder: { input: chooseFolderInput, output: chooseFolderOutput },
  ensureDemoTrial: { input: ensureDemoTrialInput, output: ensureDemoTrialOutput },
  getPlanReview: { input: getPlanReviewInput, output: getPlanReviewOutput },
  getStructureContours: { input: getStructureContoursInput, output: getStructureContoursOutput },
  saveReview: { input: saveReviewInput, output: saveReviewOutput },
  getAuditLog: { input: getAuditLogInput, output: getAuditLogOutput },
  getPredictions: { input: getPredictionsInput, output: getPredictionsOutput },
  getCommitteeSummary: { input: getCommitteeSummaryInput, output: getCommitteeSummaryOutput },
  getPopulationDvh: { input: getPopulationDvhInput, output: getPopulationDvhOutput },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type CallName = keyof ApiContract;
export const CALL_NAMES = Object.keys(apiContract) as CallName[];

/** What a caller passes (defaults may be omitted). */
export type CallInput<N extends CallName> = z.input<ApiContract[N]['input']>;
/** What a handler receives after validation (defaults filled in). */
export type CallParsedInput<N extends CallName> = z.output<ApiContract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<ApiContract[N]['output']>;

/** The core's side: one async function per call (implemented by electron/node/services). */
export type ApiHandlers = { [N in CallName]: (input: CallParsedInput<N>) => Promise<CallOutput<N>> };

/** The renderer's side: one function per call answering the envelope; never throws for an API error. */
export type ApiClient = { [N in CallName]: (input: CallInput<N>) => Promise<ApiResult<CallOutput<N>>> };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}
