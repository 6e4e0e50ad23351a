import { cp, mkdir, readdir, realpath, rm, symlink } from 'node:fs/promises';
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
 * can build at the same time. node_modules is a folder of links to the project's
 * packages rather than one link: Vite keeps its dependency cache in node_modules/.vite,
 * and two dev servers re-optimizing one shared cache at once answer "504 Outdated
 * Optimize Dep".
 */
export async function freshProject(name: string): Promise<string> {
	const root = join(PROJECTS, name);
	await rm(root, { recursive: true, force: true });
	await mkdir(root, { recursive: true });
	for (const file of PROJECT_FILES)
		await cp(join(PROJECT_ROOT, file), join(root, file), { recursive: true });
	const modules = await realpath(join(PROJECT_ROOT, 'node_modules'));
	await mkdir(join(root, 'node_modules'));
	for (const entry of await readdir(modules)) {
		if (entry !== '.vite') await symlink(join(modules, entry), join(root, 'node_modules', entry));
	}
	return root;
}
