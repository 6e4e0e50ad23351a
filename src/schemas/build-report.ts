import { z } from 'astro/zod';
import { DiagnosticSchema } from './diagnostic.ts';

/**
 * What the loader found, handed to the build summary and `ATLAS_STRICT` at the end of
 * the build (the loader runs inside Vite, the summary in the integration).
 */
export const BuildReportSchema = z.object({
	seeds: z.string(),
	papers: z.number().int().nonnegative(),
	files: z.number().int().nonnegative(),
	abstracts: z.number().int().nonnegative(),
	duplicatesMerged: z.number().int().nonnegative(),
	/** Math fragments (abstracts and titles) shown as TeX source because they cannot be typeset. */
	mathNotTypeset: z.number().int().nonnegative(),
	warnings: z.array(DiagnosticSchema),
});

export type BuildReport = z.infer<typeof BuildReportSchema>;
