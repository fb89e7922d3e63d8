import { z } from 'zod';
import { fileErrorSchema, idSchema } from './vocabularySchemas';

/**
 * Import a folder of DICOM RT exports: scan, link, compute DVHs, evaluate against the protocol, store.
 * The call returns when everything is done; progress arrives meanwhile as `importProgress` events carrying
 * the caller's `jobId`, so the renderer can draw a progress bar for exactly its own import.
 */
export const importFolderInput = z.strictObject({
  /** absolute path of a folder on this machine (searched recursively) */
  path: z.string().min(1).max(4096),
  /** trial to import into; a new trial named after the folder when absent */
  trialId: idSchema.optional(),
  /** protocol file name under resources/protocols or an absolute path; the trial's protocol when absent */
  protocol: z.string().min(1).max(4096).optional(),
  /** chosen by the caller to match progress events to this call */
  jobId: idSchema,
});

export const importFolderOutput = z.object({
  jobId: idSchema,
  trialId: idSchema,
  plansImported: z.number().int().min(0),
  /** plans already in the database with the same content (recognised by hash) */
  plansSkipped: z.number().int().min(0),
  plansEvaluated: z.number().int().min(0),
  /** files or plans that could not be used; the rest was imported */
  errors: z.array(fileErrorSchema),
});
export type ImportFolderResult = z.infer<typeof importFolderOutput>;

export const importPhaseSchema = z.enum(['scan', 'read', 'dvh', 'evaluate', 'store', 'done', 'failed']);

export const importProgressEvent = z.object({
  jobId: idSchema,
  phase: importPhaseSchema,
  /** units of work finished and in total in this phase (plans, or files while scanning) */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** what is being worked on, for the status line */
  message: z.string().optional(),
});
export type ImportProgress = z.infer<typeof importProgressEvent>;

/**
 * Make sure the in-silico demo trial exists: generated, imported and evaluated on first start (may take a
 * while, with `importProgress` events under jobId), immediate afterwards.
 */
export const ensureDemoTrialInput = z.strictObject({ jobId: idSchema.optional() });
export const ensureDemoTrialOutput = z.object({
  trialId: idSchema,
  /** false when it was already there */
  created: z.boolean(),
  planCount: z.number().int().min(0),
});

/**
 * Ask the person for a folder with the system's folder dialog (Electron only). The browser host answers
 * UNAVAILABLE: a web page cannot learn a local path, so there the path is typed in.
 */
export const chooseFolderInput = z.strictObject({ title: z.string().max(200).optional() });
export const chooseFolderOutput = z.object({
  /** absolute path, null when the dialog was cancelled */
  path: z.string().nullable(),
});
