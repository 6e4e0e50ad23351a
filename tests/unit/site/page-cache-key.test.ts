import { describe, expect, it } from 'vitest';
import { paperPageKey } from '../../../src/lib/site/page-cache-key.ts';
import { makePaper } from '../../helpers/collections.ts';

describe('paperPageKey', () => {
	const paper = makePaper({ id: 'aaaaaaaaaaaa', title: 'A' });
	const prev = makePaper({ id: 'bbbbbbbbbbbb', title: 'B' });
	const next = makePaper({ id: 'cccccccccccc', title: 'C' });
	const related = makePaper({ id: 'dddddddddddd', title: 'D' });
	const key = paperPageKey(paper, prev, next, [related]);

	it('is stable for the same page', () => {
		expect(paperPageKey({ ...paper }, { ...prev }, { ...next }, [{ ...related }])).toBe(key);
	});

	it.each([
		[
			'its own text',
			() => paperPageKey({ ...paper, paragraphs: ['changed'] }, prev, next, [related]),
		],
		[
			'a topic name',
			() => paperPageKey({ ...paper, topics: [{ slug: 't', name: 'T' }] }, prev, next, [related]),
		],
		['a neighbour’s title', () => paperPageKey(paper, { ...prev, title: 'B2' }, next, [related])],
		['a neighbour’s URL', () => paperPageKey(paper, prev, { ...next, slug: 'c-2' }, [related])],
		[
			'a related paper’s excerpt',
			() => paperPageKey(paper, prev, next, [{ ...related, excerpt: 'new' }]),
		],
		['the related papers’ order', () => paperPageKey(paper, prev, next, [related, prev])],
		['a missing neighbour', () => paperPageKey(paper, undefined, next, [related])],
	])('changes with %s', (_, changed) => {
		expect(changed()).not.toBe(key);
	});
});
