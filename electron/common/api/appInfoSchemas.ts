import { z } from 'zod';

/** What the renderer needs to know about where it runs. */
export const getAppInfoInput = z.strictObject({});
export const getAppInfoOutput = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'browser']),
  /** the review database file */
  databasePath: z.string(),
  /** default reviewer name (the OS user), editable in the review form */
  defaultReviewer: z.string(),
});
export type AppInfo = z.infer<typeof getAppInfoOutput>;
