import { atlasError } from '../errors/atlas-error.ts';
import { AtlasBaseInvalid, AtlasSiteNotHttp, AtlasSiteNotUrl } from '../errors/error-data.ts';
import { present } from '../text/present.ts';

/** Settings a user gives through the environment; see README "Configuration". */
export interface AtlasOptions {
	/** Folder of seed `.txt` files, absolute or relative to the project root. */
	seeds: string;
	/** Base path, normalised to start and end with `/`. */
	base: string;
	/** Absolute site URL, or undefined when absolute URLs must be left out. */
	site: string | undefined;
	/** Fail the build when a seed produced a warning. */
	strict: boolean;
}

export interface AtlasDefaults {
	seeds?: string;
	base?: string;
	site?: string | undefined;
}

/**
 * Turns `ATLAS_*` variables into options, so that users and tests can build any seeds
 * folder for any host without editing the config. Invalid values throw with the fix.
 */
export function resolveAtlasOptions(
	env: Record<string, string | undefined>,
	defaults: AtlasDefaults = {},
): AtlasOptions {
	const site = present(env['ATLAS_SITE']) ?? defaults.site;
	return {
		seeds: present(env['ATLAS_SEEDS']) ?? defaults.seeds ?? 'seeds',
		base: normalizeBase(present(env['ATLAS_BASE']) ?? defaults.base),
		site: site === undefined ? undefined : normalizeSite(site),
		strict: /^(?:1|true|yes)$/iu.test(env['ATLAS_STRICT']?.trim() ?? ''),
	};
}

/** `atlas`, `/atlas`, `atlas/` and `/atlas/` all mean `/atlas/`; nothing means `/`. */
export function normalizeBase(base: string | undefined): string {
	const parts = (base ?? '').split('/').filter((p) => p !== '' && p !== '.');
	if (parts.some((p) => p === '..')) {
		throw atlasError(AtlasBaseInvalid, [String(base)]);
	}
	return parts.length ? `/${parts.join('/')}/` : '/';
}

function normalizeSite(site: string): string {
	let url: URL;
	try {
		url = new URL(site);
	} catch {
		throw atlasError(AtlasSiteNotUrl, [site]);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw atlasError(AtlasSiteNotHttp, [site]);
	}
	return url.origin;
}

/** A path from the host root under the base: `withBase('/atlas/', 'papers/x/')` is `/atlas/papers/x/`. */
export function withBase(base: string, path = ''): string {
	return `${base.endsWith('/') ? base : `${base}/`}${path.replace(/^\/+/u, '')}`;
}
