import { withBase } from './site-config.ts';

/** A paper's permanent page, from the host root: `/papers/<slug>/` under the base. */
export function paperPath(base: string, slug: string): string {
	return withBase(base, `papers/${slug}/`);
}
