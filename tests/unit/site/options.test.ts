import { describe, expect, it } from 'vitest';
import { normalizeBase, resolveAtlasOptions, withBase } from '../../../src/lib/site/options.ts';
import { thrown } from '../../helpers/thrown.ts';

describe('normalizeBase', () => {
	it.each(['atlas', '/atlas', 'atlas/', '/atlas/', '//atlas//', './atlas'])(
		'reads %j as /atlas/',
		(base) => {
			expect(normalizeBase(base)).toBe('/atlas/');
		},
	);

	it.each(['', '/', undefined])('reads %j as the host root', (base) => {
		expect(normalizeBase(base)).toBe('/');
	});

	it('keeps nested folders', () => {
		expect(normalizeBase('docs/atlas')).toBe('/docs/atlas/');
	});

	it.each(['..', '/atlas/../etc', '../atlas'])(
		'refuses %j and says what to give instead',
		(base) => {
			expect(thrown(() => normalizeBase(base))).toMatchObject({
				name: 'AtlasBaseInvalid',
				message: `ATLAS_BASE "${base}" contains "..".`,
				hint: 'Give a path such as /atlas/.',
			});
		},
	);
});

describe('resolveAtlasOptions', () => {
	it('uses the defaults when nothing is set', () => {
		expect(resolveAtlasOptions({})).toEqual({
			seeds: 'seeds',
			base: '/',
			site: undefined,
			strict: false,
		});
	});

	it('reads ATLAS_SEEDS, ATLAS_BASE and ATLAS_SITE, trimmed', () => {
		expect(
			resolveAtlasOptions({
				ATLAS_SEEDS: ' my-seeds ',
				ATLAS_BASE: 'atlas',
				ATLAS_SITE: ' https://atlas.example.org/ ',
			}),
		).toEqual({
			seeds: 'my-seeds',
			base: '/atlas/',
			site: 'https://atlas.example.org',
			strict: false,
		});
	});

	it('falls back to the given defaults for empty or blank variables', () => {
		const defaults = {
			seeds: 'default-seeds',
			base: '/docs/',
			site: 'https://default.example.org',
		};
		expect(
			resolveAtlasOptions({ ATLAS_SEEDS: '', ATLAS_BASE: '  ', ATLAS_SITE: '' }, defaults),
		).toEqual({
			seeds: 'default-seeds',
			base: '/docs/',
			site: 'https://default.example.org',
			strict: false,
		});
	});

	it('keeps only the origin of ATLAS_SITE', () => {
		expect(resolveAtlasOptions({ ATLAS_SITE: 'http://localhost:4321/some/path?q=1' }).site).toBe(
			'http://localhost:4321',
		);
	});

	it('refuses an ATLAS_SITE that is not a URL, with an example of one', () => {
		expect(thrown(() => resolveAtlasOptions({ ATLAS_SITE: 'atlas.example.org' }))).toMatchObject({
			name: 'AtlasSiteNotUrl',
			message: 'ATLAS_SITE "atlas.example.org" is not a URL.',
			hint: "Give the site's origin, such as https://atlas.example.org.",
		});
	});

	it('refuses an ATLAS_SITE that is not http(s)', () => {
		expect(thrown(() => resolveAtlasOptions({ ATLAS_SITE: 'ftp://atlas.example.org' })).name).toBe(
			'AtlasSiteNotHttp',
		);
	});

	it('refuses ".." in ATLAS_BASE', () => {
		expect(thrown(() => resolveAtlasOptions({ ATLAS_BASE: '../up' })).name).toBe(
			'AtlasBaseInvalid',
		);
	});

	it.each(['1', 'true', 'TRUE', 'yes', ' 1 '])('ATLAS_STRICT=%j is strict', (value) => {
		expect(resolveAtlasOptions({ ATLAS_STRICT: value }).strict).toBe(true);
	});

	it.each(['0', 'false', 'no', '', '2'])('ATLAS_STRICT=%j is not strict', (value) => {
		expect(resolveAtlasOptions({ ATLAS_STRICT: value }).strict).toBe(false);
	});
});

describe('withBase', () => {
	it('joins a path under the base', () => {
		expect(withBase('/atlas/', 'papers/x/')).toBe('/atlas/papers/x/');
	});

	it('does not double slashes', () => {
		expect(withBase('/atlas/', '/papers/x/')).toBe('/atlas/papers/x/');
		expect(withBase('/atlas', 'papers/x/')).toBe('/atlas/papers/x/');
	});

	it('gives the base itself without a path', () => {
		expect(withBase('/atlas/')).toBe('/atlas/');
		expect(withBase('/')).toBe('/');
	});
});
