import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_OUTPUT } from './paths.ts';

/** Writes a throwaway seeds folder under tests/.output/ and returns its path. */
export async function writeSeedsFolder(
	name: string,
	files: Record<string, string | Uint8Array>,
): Promise<string> {
	const dir = join(TEST_OUTPUT, 'seeds', name);
	await rm(dir, { recursive: true, force: true });
	await mkdir(dir, { recursive: true });
	for (const [file, content] of Object.entries(files)) await writeFile(join(dir, file), content);
	return dir;
}

/** Every .txt file of a seeds folder, by name. */
export async function readSeedsFolder(dir: string): Promise<Record<string, string>> {
	const files: Record<string, string> = {};
	for (const name of (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort()) {
		files[name] = await readFile(join(dir, name), 'utf8');
	}
	return files;
}
