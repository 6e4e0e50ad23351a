import { inject } from 'vitest';
import { builtSite, type BuildOptions, type BuildResult, type BuiltSite } from './build-site.ts';
import { BUNDLED_SEEDS, SITE_SEEDS } from './paths.ts';

/** The site URL the shared builds with a site use. */
export const SHARED_SITE_URL = 'https://atlas.example.org';

/**
 * The builds several test files read without changing them, each made once per run by
 * the globalSetup tests/helpers/shared-sites.setup.ts: one per distinct seeds, base
 * and site. The bundled seeds build under ATLAS_STRICT, which changes no byte of the
 * output, only whether a seed warning fails the build (they have none; build.test.ts
 * says so). A test that changes a build's files takes a copyOfBuild first.
 */
export type SharedBuildName = 'bundled' | 'bundled-atlas' | 'bundled-atlas-site' | 'fixture';

export const SHARED_BUILDS: Record<SharedBuildName, Omit<BuildOptions, 'name'>> = {
	bundled: { seeds: BUNDLED_SEEDS, strict: true },
	'bundled-atlas': { seeds: BUNDLED_SEEDS, base: '/atlas/', strict: true },
	'bundled-atlas-site': {
		seeds: BUNDLED_SEEDS,
		base: '/atlas/',
		site: SHARED_SITE_URL,
		strict: true,
	},
	fixture: { seeds: SITE_SEEDS },
};

declare module 'vitest' {
	export interface ProvidedContext {
		sharedBuilds: Record<SharedBuildName, BuildResult>;
	}
}

/** Folder under tests/.output/ of a shared build. */
export const sharedOutputName = (name: SharedBuildName) => `shared/${name}`;

/** A shared build as it came out, failed or not (for tests of the build's outcome). */
export function sharedSite(name: SharedBuildName): BuiltSite {
	const result = inject('sharedBuilds')?.[name];
	if (!result)
		throw new Error(
			`no shared build "${name}": the site project's globalSetup (tests/helpers/shared-sites.setup.ts) did not run`,
		);
	return builtSite(result);
}

/** A shared build that must have succeeded; fails loudly with its log otherwise. */
export function sharedSiteOk(name: SharedBuildName): BuiltSite {
	const site = sharedSite(name);
	if (site.code !== 0)
		throw new Error(`the shared build "${name}" exited ${site.code}:\n${site.log}`);
	return site;
}
