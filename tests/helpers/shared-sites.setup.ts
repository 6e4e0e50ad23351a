/**
 * Vitest globalSetup of the site project: makes each shared build once, before any test
 * file of the project runs, and hands the results to them (see shared-sites.ts).
 */
import type { TestProject } from 'vitest/node';
import { buildSite, type BuildResult } from './build-site.ts';
import { SHARED_BUILDS, sharedOutputName, type SharedBuildName } from './shared-sites.ts';

/** Builds at once: on 2 CPUs two builds finish sooner together than one after another. */
const AT_ONCE = 2;

export default async function setup(project: TestProject): Promise<void> {
	const queue = Object.entries(SHARED_BUILDS) as [
		SharedBuildName,
		(typeof SHARED_BUILDS)[SharedBuildName],
	][];
	const results: Partial<Record<SharedBuildName, BuildResult>> = {};
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			const [name, options] = next;
			const { outDir, base, root, code, log, ms } = await buildSite({
				...options,
				name: sharedOutputName(name),
			});
			results[name] = { outDir, base, root, code, log, ms };
		}
	};
	await Promise.all(Array.from({ length: AT_ONCE }, worker));
	project.provide('sharedBuilds', results as Record<SharedBuildName, BuildResult>);
}
