import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { PipelineInput } from '../lib/pipeline/run-pipeline.ts';
import { PAPERS_METADATA_FILE } from '../schemas/papers-yaml.ts';
import { TOPIC_OVERRIDES_FILE } from '../schemas/topic-overrides.ts';

/**
 * Reads a seeds folder into the pipeline's input: every `.txt` file, subfolders included,
 * named with `/` on every system (names are sources on pages, so must not depend on the
 * OS), each with the digest of its bytes, plus the two configuration files. The loader and
 * the tests both read through here, so the tests feed the pipeline what a build feeds it.
 * The caller checks that the folder exists (it knows the fix to suggest).
 */
export async function readPipelineInput(seedsDir: string): Promise<PipelineInput> {
	const files = (await readdir(seedsDir, { recursive: true }))
		.filter((f) => f.endsWith('.txt'))
		.map((f) => f.split(sep).join('/'))
		.sort();
	const seeds = [];
	for (const file of files) {
		const bytes = new Uint8Array(await readFile(join(seedsDir, file)));
		seeds.push({ file, bytes, digest: createHash('sha256').update(bytes).digest('hex') });
	}
	return {
		seeds,
		topicsYaml: await readOptional(join(seedsDir, TOPIC_OVERRIDES_FILE)),
		papersYaml: await readOptional(join(seedsDir, PAPERS_METADATA_FILE)),
	};
}

/** A user configuration file of the seeds folder, when there is one. */
async function readOptional(path: string): Promise<string | undefined> {
	return existsSync(path) ? readFile(path, 'utf8') : undefined;
}
