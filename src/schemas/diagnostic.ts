import { z } from 'astro/zod';
import { DIAGNOSTIC_CODES } from '../lib/errors/diagnostic-codes.ts';

/**
 * A problem found in a seed file. Seeds are user input, so every problem names the
 * file and line it came from: a reader must be able to open the file and fix it.
 */
export const DiagnosticSchema = z.object({
	severity: z.literal('warning'),
	/** Stable name of the problem (README, "Seeds"); the message's wording may change, the code never. */
	code: z.enum(DIAGNOSTIC_CODES),
	/** Seed file path, relative to the seeds folder, with `/` separators. */
	file: z.string(),
	/** 1-based line the problem starts on. */
	line: z.number().int().positive(),
	message: z.string(),
});

export type Diagnostic = z.infer<typeof DiagnosticSchema>;
