import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a folder, by relative path, to its SHA-256: two builds compare byte for byte. */
export async function treeDigest(dir: string): Promise<Map<string, string>> {
	const digests = new Map<string, string>();
	for (const file of (await readdir(dir, { recursive: true })).sort()) {
		const path = join(dir, file);
		if (statSync(path).isFile())
			digests.set(file, createHash('sha256').update(readFileSync(path)).digest('hex'));
	}
	return digests;
}
