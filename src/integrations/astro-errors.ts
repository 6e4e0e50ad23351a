import { AstroError } from 'astro/errors';
import { AtlasError, atlasError } from '../lib/errors/atlas-error.ts';
import type { ErrorData } from '../lib/errors/error-data.ts';

/**
 * The catalogue entry as Astro's own error, so Astro prints it as it prints its own:
 * `[SeedsFolderMissing] message`, then the hint. Astro's public `AstroError` takes only
 * a message and a hint; the entry's name and title are set on it afterwards (the dev
 * overlay shows the title).
 */
export function astroError<Args extends readonly unknown[]>(
	entry: ErrorData<Args>,
	args: Args,
	options?: ErrorOptions,
): AstroError {
	const error = fromAtlasError(atlasError(entry, args, options));
	// Astro prints the first frame as the error's location: the throw site, not this helper.
	Error.captureStackTrace(error, astroError);
	return error;
}

/**
 * Pure code and the schemas throw `AtlasError`s; where they reach Astro (the loader, the
 * integrations, astro.config.mjs) they are rethrown as Astro's error, keeping the
 * stack of the throw site. Anything else is returned as it was.
 */
export function toAstroError(error: unknown): unknown {
	return error instanceof AtlasError ? fromAtlasError(error) : error;
}

function fromAtlasError(error: AtlasError): AstroError {
	const astro = new AstroError(error.message, error.hint);
	astro.name = error.name;
	Object.assign(astro, { title: error.title });
	if (error.cause !== undefined) astro.cause = error.cause;
	if (error.stack !== undefined) astro.stack = error.stack;
	return astro;
}
