import { AstroError } from 'astro/errors';
import { describe, expect, it } from 'vitest';
import { paperChunk, reportBuild, unwatched } from '../../../src/integrations/atlas.ts';
import type { BuildReport } from '../../../src/schemas/build-report.ts';
import { fakeLogger } from '../../helpers/fake-logger.ts';
import { thrown } from '../../helpers/thrown.ts';

const clean: BuildReport = {
	seeds: '/seeds',
	papers: 3,
	files: 2,
	abstracts: 4,
	duplicatesMerged: 1,
	mathNotTypeset: 0,
	warnings: [],
};
const warned: BuildReport = {
	...clean,
	warnings: [
		{
			severity: 'warning',
			code: 'EmptyAbstract',
			file: 'a.txt',
			line: 7,
			message: 'this "Abstract:" line has no text',
		},
	],
};

describe('reportBuild', () => {
	it('ends the build with one summary line', () => {
		const { lines, logger } = fakeLogger();
		reportBuild({ logger }, clean, 'https://atlas.example.org', false);
		expect(lines).toEqual([
			'info Abstract Atlas: 3 papers built, 2 files read, 1 duplicate merged, 0 warnings.',
		]);
	});

	it('fails under ATLAS_STRICT when the seeds warned, after printing the summary', () => {
		const { lines, logger } = fakeLogger();
		const error = thrown(() => reportBuild({ logger }, warned, undefined, true));
		expect(AstroError.is(error)).toBe(true);
		expect(error).toMatchObject({
			name: 'StrictWarnings',
			hint: 'Fix those seed files, or unset ATLAS_STRICT to build anyway.',
		});
		expect(error.message).toMatch(/^ATLAS_STRICT is set and the seeds gave 1 warning/u);
		expect(lines).toHaveLength(1);
	});

	it('does not fail a warned build without ATLAS_STRICT, nor a clean one with it', () => {
		expect(() => reportBuild(fakeLogger(), warned, undefined, false)).not.toThrow();
		expect(() => reportBuild(fakeLogger(), clean, undefined, true)).not.toThrow();
	});
});

describe('paperChunk', () => {
	it('groups generated paper modules by the first hex digit of their id, and nothing else', () => {
		expect(paperChunk('/site/.atlas/papers/a01cebd4f072.mdx', '/site/.atlas')).toBe('papers-a');
		expect(paperChunk('/site/.atlas/papers/0197c2ae0705.mdx', '/site/.atlas')).toBe('papers-0');
		expect(paperChunk('/site/src/components/AbstractBody.astro', '/site/.atlas')).toBeUndefined();
		expect(paperChunk('/other/.atlas/papers/a01cebd4f072.mdx', '/site/.atlas')).toBeUndefined();
		expect(paperChunk('/site/.atlas/papers/notes.mdx', '/site/.atlas')).toBeUndefined();
	});
});

describe('unwatched: what the dev server does not watch', () => {
	const skip = unwatched('/site', '/site/dist/', 'tests/.output/dev-watch/seeds');
	it('skips the build output and the tests’ outputs, which hold tens of thousands of files', () => {
		expect(skip('/site/dist')).toBe(true);
		expect(skip('/site/dist/papers/x/index.html')).toBe(true);
		expect(skip('/site/tests/.output/bench/10000/dist/index.html')).toBe(true);
	});
	it('keeps watching the project and a seeds folder kept inside the tests’ outputs, and the folders above it', () => {
		expect(skip('/site/src/pages/index.astro')).toBe(false);
		expect(skip('/site/distant/file.txt')).toBe(false);
		expect(skip('/site/tests/.output/dev-watch/seeds/a.txt')).toBe(false);
		expect(skip('/site/tests/.output/dev-watch')).toBe(false);
		expect(skip('/site/tests/.output')).toBe(false);
	});
});
