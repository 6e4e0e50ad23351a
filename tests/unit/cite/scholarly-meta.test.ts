import { describe, expect, it } from 'vitest';
import {
	citationTags,
	hasRealCitation,
	jsonForScript,
	scholarlyArticle,
} from '../../../src/lib/cite/scholarly-meta.ts';
import { makePaper } from '../../helpers/collections.ts';

const address = { url: 'https://atlas.example.org/papers/x-00000001/' };

describe('citationTags', () => {
	it('gives none unless title, author and year are all real', () => {
		expect(
			citationTags(
				makePaper({ titleSource: 'derived', authors: ['A. Author'], year: 2020 }),
				address,
			),
		).toEqual([]);
		expect(
			citationTags(makePaper({ titleSource: 'source', authors: [], year: 2020 }), address),
		).toEqual([]);
		expect(
			citationTags(makePaper({ titleSource: 'source', authors: ['A. Author'] }), address),
		).toEqual([]);
		expect(hasRealCitation({ titleSource: 'metadata', authors: ['A'], year: 1999 })).toBe(true);
	});

	it('lists every author and the optional identifiers when real', () => {
		const paper = makePaper({
			title: 'Real Title',
			titleSource: 'metadata',
			authors: ['Ada Lovelace', 'Alan Turing'],
			year: 2021,
			doi: '10.1/x',
			arxiv: '2101.00001',
		});
		expect(citationTags(paper, address)).toEqual([
			['citation_title', 'Real Title'],
			['citation_author', 'Ada Lovelace'],
			['citation_author', 'Alan Turing'],
			['citation_publication_date', '2021'],
			['citation_abstract_html_url', address.url],
			['citation_doi', '10.1/x'],
			['citation_arxiv_id', '2101.00001'],
		]);
	});
});

describe('scholarlyArticle', () => {
	it('says when a headline is derived, and leaves out unknown authors and dates', () => {
		const ld = scholarlyArticle(
			makePaper({
				paragraphs: ['We show $\\epsilon$-bounds.'],
				topics: [{ slug: 'privacy', name: 'Privacy' }],
			}),
			address,
		);
		expect(ld).toMatchObject({
			'@type': 'ScholarlyArticle',
			abstract: 'We show ε-bounds.',
			keywords: ['Privacy'],
			url: address.url,
		});
		expect(ld['alternativeHeadline']).toMatch(/derived/u);
		expect(ld).not.toHaveProperty('author');
		expect(ld).not.toHaveProperty('datePublished');
	});
});

describe('jsonForScript', () => {
	it('cannot close its script element, whatever the values', () => {
		const hostile = { headline: '</script><script>alert(1)</script>', abstract: '<!-- \u2028' };
		const json = jsonForScript(hostile);
		expect(json).not.toMatch(/<|\u2028/u);
		expect(JSON.parse(json)).toEqual(hostile);
	});
});
