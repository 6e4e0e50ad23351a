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

	constructor(entry: { name: string; title: string; message: string; hint: string }, options?: ErrorOptions) {
		super(entry.message, options);
		this.name = entry.name;
		this.title = entry.title;
		this.hint = entry.hint;
	}

	static is(error: unknown): error is AtlasError {
		return error instanceof AtlasError;
	}
}

/**
 * The catalogue entry filled in with what went wrong: the same arguments feed the
 * message and the hint, so a throw site names each value once.
 */
export function atlasError<Args extends readonly unknown[]>(entry: ErrorData<Args>, args: Args, options?: ErrorOptions): AtlasError {
	const error = new AtlasError(
		{
			name: entry.name,
			title: entry.title,
			message: entry.message(...args),
			hint: typeof entry.hint === 'string' ? entry.hint : entry.hint(...args),
		},
		options,
	);
	// The stack, and the location Astro prints from it, start at the throw site, not here.
	Error.captureStackTrace(error, atlasError);
	return error;
}
