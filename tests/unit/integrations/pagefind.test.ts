import { pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeLogger } from '../../helpers/fake-logger.ts';

/** The Pagefind Node API, replaced by recorded fakes; each test sets the answers. */
const pagefind = vi.hoisted(() => ({
	createIndex: vi.fn(),
	close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => pagefind);

const { indexSite } = await import('../../../src/integrations/pagefind.ts');

const dir = pathToFileURL('/srv/site/dist/');
function fakeIndex(
	overrides: Partial<{ addErrors: string[]; writeErrors: string[]; pages: number }> = {},
) {
	return {
		addDirectory: vi.fn(async () => ({
			errors: overrides.addErrors ?? [],
			page_count: overrides.pages ?? 39,
		})),
		writeFiles: vi.fn(async () => ({
			errors: overrides.writeErrors ?? [],
			outputPath: '/srv/site/dist/pagefind',
		})),
	};
}

describe('indexSite', () => {
	beforeEach(() => {
		pagefind.createIndex.mockReset();
		pagefind.close.mockClear();
	});

	it('indexes the build folder, writes the bundle into dist/pagefind, logs pages and time, and closes', async () => {
		const index = fakeIndex();
		pagefind.createIndex.mockResolvedValue({ errors: [], index });
		const { lines, logger } = fakeLogger();
		await indexSite({ dir, logger });
		expect(pagefind.createIndex).toHaveBeenCalledWith({ maxFragments: 5000 });
		expect(index.addDirectory).toHaveBeenCalledWith({
			path: '/srv/site/dist/',
			glob: 'papers/*/index.html',
		});
		expect(index.writeFiles).toHaveBeenCalledWith({ outputPath: '/srv/site/dist/pagefind' });
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^info Search: indexed 39 pages in \d+ ms\.$/u);
		expect(pagefind.close).toHaveBeenCalledTimes(1);
	});

	it.each([
		[
			'createIndex',
			() => pagefind.createIndex.mockResolvedValue({ errors: ['no binary'] }),
			/could not create the search index: no binary\.$/u,
		],
		[
			'addDirectory',
			() =>
				pagefind.createIndex.mockResolvedValue({
					errors: [],
					index: fakeIndex({ addErrors: ['bad html'] }),
				}),
			/could not index the pages in \/srv\/site\/dist\/: bad html/u,
		],
		[
			'writeFiles',
			() =>
				pagefind.createIndex.mockResolvedValue({
					errors: [],
					index: fakeIndex({ writeErrors: ['disk full'] }),
				}),
			/could not write the search index to .*: disk full/u,
		],
	])(
		'fails the build when %s reports errors, says what to do, and still closes',
		async (_, arrange, message) => {
			arrange();
			const error = await indexSite({ dir, logger: fakeLogger().logger }).catch((e: unknown) => e);
			expect(AstroError.is(error)).toBe(true);
			expect(error).toMatchObject({
				name: 'PagefindFailed',
				message: expect.stringMatching(message),
				hint: expect.stringMatching(/build again/u),
			});
			expect(pagefind.close).toHaveBeenCalledTimes(1);
		},
	);

	it('closes even when Pagefind throws', async () => {
		pagefind.createIndex.mockRejectedValue(new Error('service died'));
		await expect(indexSite({ dir, logger: fakeLogger().logger })).rejects.toThrow('service died');
		expect(pagefind.close).toHaveBeenCalledTimes(1);
	});

	it('warns when there was nothing to index', async () => {
		pagefind.createIndex.mockResolvedValue({ errors: [], index: fakeIndex({ pages: 0 }) });
		const { lines, logger } = fakeLogger();
		await indexSite({ dir, logger });
		expect(lines[0]).toMatch(/^warn Pagefind found no page to index/u);
	});
});
