import { z } from 'zod';

/**
 * The words the whole app shares. Grades follow the protocol files (electron/common/domain/protocol):
 * per protocol / minor (variation acceptable) / major (deviation unacceptable) / not evaluable.
 */
export const gradeSchema = z.enum(['per_protocol', 'minor', 'major', 'not_evaluable']);
export type ApiGrade = z.infer<typeof gradeSchema>;

/** Where a plan stands in review: nobody opened a review yet / a review was saved as draft / signed off. */
export const reviewStatusSchema = z.enum(['not_reviewed', 'in_review', 'done']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const radiationSchema = z.enum(['photon', 'proton', 'ion', 'electron', 'unknown']);
export type ApiRadiation = z.infer<typeof radiationSchema>;

/** Database ids are opaque strings to the API: short, printable, no path separators (they go into URLs). */
export const idSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, {
  message: 'ids are 1–128 characters of letters, digits and _ . : -, starting with a letter or digit',
});

/** A point or direction in DICOM patient coordinates (LPS: +x left, +y posterior, +z superior), mm. */
export const vec3Schema = z.tuple([z.number(), z.number(), z.number()]);
export type ApiVec3 = z.infer<typeof vec3Schema>;

/** Red, green, blue 0–255 as in ROIDisplayColor. */
export const colorRgbSchema = z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255)]);

/** Number of findings per grade, for worklist rows and summaries. */
export const findingCountsSchema = z.object({
  per_protocol: z.number().int().min(0),
  minor: z.number().int().min(0),
  major: z.number().int().min(0),
  not_evaluable: z.number().int().min(0),
});
export type FindingCounts = z.infer<typeof findingCountsSchema>;

/** A file that could not be used, with a message a physicist understands (same shape as domain FileError). */
export const fileErrorSchema = z.object({ file: z.string(), message: z.string() });
