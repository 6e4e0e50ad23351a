import type { ErrorData } from './error-data.ts';

/**
 * An error of the catalogue, thrown by pure code that must stop the build. It carries
 * the entry's name, title and hint without importing Astro, so `src/lib` stays runnable
 * by plain Node tools (`npm run nginx-conf`) and tests; the loader and the integrations
 * turn it into Astro's own error (`src/integrations/astro-errors.ts`).
 */
export class AtlasError extends Error {
	readonly title: string;
	readonly hint: string;

	constructor(
		entry: { name: string; title: string; message: string; hint: string },
		options?: ErrorOptions,
	) {
		super(entry.message, options);
		this.name = entry.name;
		this.title = entry.title;
		this.hint = entry.hint;
	}
}

/**
 * The catalogue entry filled in with what went wrong: the same arguments feed the
 * message and the hint, so a throw site names each value once. Values can come from
 * the seeds folder (a papers.yaml key, a YAML parser's excerpt), so control characters
 * are escaped before they reach a terminal; line breaks between problems are kept.
 */
export function atlasError<Args extends readonly unknown[]>(
	entry: ErrorData<Args>,
	args: Args,
	options?: ErrorOptions,
): AtlasError {
	const error = new AtlasError(
		{
			name: entry.name,
			title: entry.title,
			message: terminalSafe(entry.message(...args)),
			hint: terminalSafe(typeof entry.hint === 'string' ? entry.hint : entry.hint(...args)),
		},
		options,
	);
	// The stack, and the location Astro prints from it, start at the throw site, not here.
	Error.captureStackTrace(error, atlasError);
	return error;
}

/** Control characters (but the line feed) as `\u001b` escapes, so text cannot drive a terminal. */
export function terminalSafe(text: string): string {
	return text.replace(
		/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu,
		(ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
