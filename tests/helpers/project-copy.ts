import { cp, mkdir, realpath, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT, TEST_OUTPUT } from './paths.ts';

/** What `astro build` and `astro dev` read from the project; the rest (tests, docs, seeds) stays behind. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Where the test builds' project copies live, one folder each. */
export const PROJECTS = join(TEST_OUTPUT, '.projects');

/**
 * A fresh copy of the project for one build or server, at tests/.output/.projects/<name>.
 * Astro writes `.astro/` (its content-module map among it) under the project root and
 * nothing moves it, so two builds in one root overwrite each other's map; each copy
 * has its own root, hence its own `.astro/`, generated folder and cache, and test files
 * can build at the same time. node_modules is linked, as a second checkout links it.
 */
export async function freshProject(name: string): Promise<string> {
	const root = join(PROJECTS, name);
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const file of PROJECT_FILES) await cp(join(PROJECT_ROOT, file), join(root, file), { recursive: true });
	await symlink(await realpath(join(PROJECT_ROOT, 'node_modules')), join(root, 'node_modules'), 'dir');
	return root;
}
