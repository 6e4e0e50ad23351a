import { describe, expect, it } from 'vitest';
import {
	homePagePath,
	pageLinks,
	paperPath,
	taxonomyPath,
	termPath,
} from '../../../src/lib/site/urls.ts';

describe.each(['/', '/atlas/'])('paths under the base %j', (base) => {
	it('puts a paper at /papers/<slug>/', () => {
		expect(paperPath(base, 'graph-networks-1a2b3c4d')).toBe(
			`${base}papers/graph-networks-1a2b3c4d/`,
		);
	});

	it('numbers home pages from /page/2/, the first being the base itself', () => {
		expect(homePagePath(base, 1)).toBe(base);
		expect(homePagePath(base, 0)).toBe(base);
		expect(homePagePath(base, 2)).toBe(`${base}page/2/`);
		expect(homePagePath(base, 10)).toBe(`${base}page/10/`);
	});

	it('puts each taxonomy and its terms under its own folder', () => {
		expect(taxonomyPath(base, 'topics')).toBe(`${base}topics/`);
		expect(taxonomyPath(base, 'authors')).toBe(`${base}authors/`);
		expect(taxonomyPath(base, 'categories')).toBe(`${base}categories/`);
		expect(termPath(base, 'topics', 'federated-learning')).toBe(
			`${base}topics/federated-learning/`,
		);
		expect(termPath(base, 'authors', 'mei-jian-ping', 1)).toBe(`${base}authors/mei-jian-ping/`);
		expect(termPath(base, 'categories', 'machine-learning', 3)).toBe(
			`${base}categories/machine-learning/3/`,
		);
	});
});

describe('paths under a base without a trailing slash', () => {
	it('still separates the base from the path', () => {
		expect(paperPath('/atlas', 'x-1a2b3c4d')).toBe('/atlas/papers/x-1a2b3c4d/');
		expect(homePagePath('/atlas', 2)).toBe('/atlas/page/2/');
		expect(termPath('/atlas', 'topics', 'pruning', 2)).toBe('/atlas/topics/pruning/2/');
	});
});

describe('pageLinks', () => {
	const pathOf = (page: number) => homePagePath('/atlas/', page);

	it('links the first page to the next one only', () => {
		const links = pageLinks(1, 3, pathOf);
		expect(links.prev).toBeUndefined();
		expect(links.next).toBe('/atlas/page/2/');
		expect(links.pages).toEqual([
			{ number: 1, href: '/atlas/', current: true },
			{ number: 2, href: '/atlas/page/2/', current: false },
			{ number: 3, href: '/atlas/page/3/', current: false },
		]);
	});

	it('links a middle page both ways', () => {
		const links = pageLinks(2, 3, pathOf);
		expect(links.prev).toBe('/atlas/');
		expect(links.next).toBe('/atlas/page/3/');
		expect(links.pages.filter((p) => p.current).map((p) => p.number)).toEqual([2]);
	});

	it('links the last page to the previous one only', () => {
		const links = pageLinks(3, 3, pathOf);
		expect(links.prev).toBe('/atlas/page/2/');
		expect(links.next).toBeUndefined();
		expect(links.pages.at(-1)).toEqual({ number: 3, href: '/atlas/page/3/', current: true });
	});

	it('gives a single page no prev or next', () => {
		expect(pageLinks(1, 1, pathOf)).toEqual({
			prev: undefined,
			next: undefined,
			pages: [{ number: 1, href: '/atlas/', current: true }],
		});
	});

	it('works with term pages', () => {
		const links = pageLinks(2, 2, (page) => termPath('/', 'topics', 'diffusion-model', page));
		expect(links.prev).toBe('/topics/diffusion-model/');
		expect(links.pages.map((p) => p.href)).toEqual([
			'/topics/diffusion-model/',
			'/topics/diffusion-model/2/',
		]);
	});
});
