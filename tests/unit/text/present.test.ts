import { describe, expect, it } from 'vitest';
import type { CitablePaper } from '../../../src/lib/cite/citation-fields.ts';
import { bibtexEntry } from '../../../src/lib/cite/bibtex.ts';
import { risRecord } from '../../../src/lib/cite/ris.ts';
import { resolveAtlasOptions } from '../../../src/lib/site/options.ts';
import { present } from '../../../src/lib/text/present.ts';

const paper: CitablePaper = {
	id: '0123456789ab',
	title: 'A Title',
	titleSource: 'source',
	paragraphs: ['Text.'],
	authors: [],
	topics: [],
};

describe('present', () => {
	it('gives a value trimmed, its inside as written (a folder name keeps its spaces)', () => {
		expect(present('  my  seeds\t')).toBe('my  seeds');
		expect(present(2023)).toBe('2023');
	});

	it.each([undefined, null, '', '   ', '\n\t', '\u0001\u0085', ' \u2028 '])(
		'takes %j as not given',
		(value) => {
			expect(present(value)).toBeUndefined();
		},
	);

	it('is the one rule for settings and citations: a blank value is left out, not written empty', () => {
		expect(resolveAtlasOptions({ ATLAS_SITE: ' \u0007 ' }).site).toBeUndefined();
		const blank = { ...paper, venue: '\u0001 ', pdf: ' ', doi: '\t', arxiv: '' };
		const url = '/papers/a-title-01234567/';
		expect(bibtexEntry(blank, { url })).toContain(`howpublished = {\\url{${url}}}`);
		expect(bibtexEntry(blank, { url })).not.toMatch(/doi|eprint|= \{\}/u);
		expect(risRecord(blank, { url })).not.toMatch(/^(?:T2|L1|DO|N1 {2}- arXiv)/mu);
	});
});
