import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSeedsFolder } from './seeds-folder.ts';

/**
 * tests/fixtures/hostile/: seed files that attack the generator, committed as exact
 * bytes (.gitattributes keeps git from normalising the BOM, CRLF and Latin-1 files).
 * Each attack is its own abstract carrying its own ASCII marker (`HOSTILEMDX01`, …),
 * so its page can be found and searched for by that word alone.
 */
const HOSTILE_FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/**
 * Where seed code would leave a trace if it ever ran at build time: the MDX attacks in
 * mdx.txt write files here (a path relative to the project, the build's working folder).
 */
export const CANARY_DIR = 'tests/.output/hostile-canary';

/**
 * What seed code prints if it runs: the seeds only hold it split (`'SEED' + 'CODE' +
 * 'RAN'`), so the joined word can only appear in a log or a console by evaluation.
 */
export const RAN_TOKEN = 'SEEDCODERAN';

/** Characters of the generated big abstract (one line), as the issue asks: 200 kB. */
export const BIG_ABSTRACT_CHARS = 200_000;
/** Characters of the generated long word. */
export const LONG_WORD_CHARS = 2_000;

const BIG_SENTENCES = [
	'The pipeline measures throughput under sustained load on commodity hardware.',
	'Each configuration is repeated with a different random seed to bound the variance.',
	'Latency percentiles are reported alongside the mean, since tails dominate user experience.',
	'A second experiment varies the batch size while holding the memory budget fixed.',
	'Ablations remove one component at a time and report what each contributes.',
	'The results hold across three datasets of increasing size and noise.',
];

/**
 * One abstract of exactly BIG_ABSTRACT_CHARS characters on a single line, its marker at
 * the start and a second marker at the very end, so search must index all of it. Made
 * here rather than committed: 200 kB of repeated sentences says nothing in a diff.
 */
function bigAbstract(): string {
	const head = 'HOSTILEBIG01 is an abstract of 200,000 characters on one line. ';
	const tail = ' HOSTILEBIGEND01 closes it.';
	let body = '';
	for (let i = 0; body.length < BIG_ABSTRACT_CHARS; i++)
		body += `${BIG_SENTENCES[i % BIG_SENTENCES.length]} `;
	return (
		head +
		body
			.slice(0, BIG_ABSTRACT_CHARS - head.length - tail.length)
			.trimEnd()
			.padEnd(BIG_ABSTRACT_CHARS - head.length - tail.length, '.') +
		tail
	);
}

/** A single word of LONG_WORD_CHARS ASCII letters, no break opportunity in it. */
function longWord(): string {
	return 'Pneumonoultramicroscopicsilicovolcanoconiosis'
		.repeat(Math.ceil(LONG_WORD_CHARS / 45))
		.slice(0, LONG_WORD_CHARS);
}

/** The generated seed files, by name: deterministic, so two builds stay byte-identical. */
function generatedHostileSeeds(): Record<string, string> {
	return {
		'big-abstract.txt': `Abstract: ${bigAbstract()}\n`,
		'long-word.txt': [
			`Abstract: HOSTILEWORD01 is followed by a word of 2,000 characters: ${longWord()} and ends here.`,
			`Abstract: ${longWord()} HOSTILEWORD02 comes after a word of 2,000 characters at the start, where a title is derived from.`,
			'',
		].join('\n'),
	};
}

/** The committed fixture files, byte for byte. */
function committedHostileSeeds(): Record<string, Uint8Array> {
	return Object.fromEntries(
		readdirSync(HOSTILE_FIXTURES)
			.filter((file) => file.endsWith('.txt'))
			.sort()
			.map((file) => [file, new Uint8Array(readFileSync(join(HOSTILE_FIXTURES, file)))]),
	);
}

/** The whole hostile seeds folder (committed bytes plus the generated big files) under tests/.output/seeds/hostile/. */
export function writeHostileSeeds(): Promise<string> {
	return writeSeedsFolder('hostile', { ...committedHostileSeeds(), ...generatedHostileSeeds() });
}
