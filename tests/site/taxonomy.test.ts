import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, buildSiteOk, type BuiltSite } from '../helpers/build-site.ts';
import { sharedSiteOk } from '../helpers/shared-sites.ts';
import { loadHtml } from '../helpers/html.ts';
import { pageFile, readPapersJson, type PaperRow } from '../helpers/papers-json.ts';
import { BUNDLED_SEEDS } from '../helpers/paths.ts';
import { readSeedsFolder, writeSeedsFolder } from '../helpers/seeds-folder.ts';

interface TermRow {
	slug: string;
	name: string;
	url: string;
	count: number;
	/** topics.json only. */
	parent?: string | null;
}

const readTerms = (site: BuiltSite, kind: 'topics' | 'authors' | 'categories') =>
	JSON.parse(site.read(`${kind}.json`)) as TermRow[];
/** Every href of a built page, in document order. */
const hrefsOf = (site: BuiltSite, file: string) => {
	const $ = loadHtml(site.read(file));
	return $('a[href]')
		.map((_, a) => $(a).attr('href'))
		.get();
};
const termFile = (url: string) => `${url.replace(/^\//u, '')}index.html`;

describe('the taxonomy of the bundled seeds', () => {
	let site: BuiltSite;
	let rows: PaperRow[];
	let topics: TermRow[];
	let texts: Map<string, string>;

	beforeAll(async () => {
		site = sharedSiteOk('bundled');
		rows = readPapersJson(site);
		topics = readTerms(site, 'topics');
		const $ = (row: PaperRow) => loadHtml(site.read(pageFile(site, row)));
		texts = new Map(
			rows.map((row) => [
				row.id,
				`${$(row)('h1').text()} ${$(row)('.abstract').text()}`.toLowerCase(),
			]),
		);
	});

	test('every paper has at least one topic, and every topic has at least two papers', () => {
		for (const row of rows) expect(row.topics.length, row.title).toBeGreaterThan(0);
		for (const row of rows) expect(row.topics.length, row.title).toBeLessThanOrEqual(6);
		for (const topic of topics) expect(topic.count, topic.name).toBeGreaterThanOrEqual(2);
		for (const topic of topics)
			expect(topic.count).toBe(rows.filter((r) => r.topics.includes(topic.slug)).length);
	});

	test('topics.json is sorted by count, then name, with URLs under /topics/', () => {
		const sorted = [...topics].sort(
			(a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
		);
		expect(topics.map((t) => t.slug)).toEqual(sorted.map((t) => t.slug));
		for (const topic of topics) expect(topic.url).toBe(`/topics/${topic.slug}/`);
		// 39 papers are too few for parents: every topic is a leaf.
		for (const topic of topics) expect(topic).toHaveProperty('parent', null);
	});

	test.each([
		['federated-learning', 'Federated Learning', /federated learning|\bfl\b/u],
		['diffusion-model', 'Diffusion Models', /diffusion model/u],
	])('%s is a topic whose papers discuss it', (slug, name, phrase) => {
		const topic = topics.find((t) => t.slug === slug);
		expect(topic?.name).toBe(name);
		const members = rows.filter((r) => r.topics.includes(slug));
		for (const member of members) expect(texts.get(member.id), member.title).toMatch(phrase);
		// Papers that keep returning to the phrase are all in the topic.
		const frequent = rows.filter(
			(r) => (texts.get(r.id)!.match(new RegExp(phrase.source, 'gu')) ?? []).length >= 3,
		);
		expect(frequent.length).toBeGreaterThan(1);
		for (const paper of frequent) expect(paper.topics, paper.title).toContain(slug);
	});

	test('no topic is a stop word, a generic word or a fragment', () => {
		for (const topic of topics) {
			expect(topic.name, topic.name).not.toMatch(
				/^(?:paper|method|results?|approach|model|data|the|a|of|and)s?$/iu,
			);
			expect(topic.name.split(' ').at(-1), topic.name).not.toMatch(
				/^(?:of|the|and|with|for|to|novel|effective|based)$/iu,
			);
		}
	});

	test('topic pages list their papers and every paper links back to its topics', () => {
		for (const topic of topics) {
			const hrefs = hrefsOf(site, termFile(topic.url));
			for (const row of rows.filter((r) => r.topics.includes(topic.slug)))
				expect(hrefs, topic.name).toContain(row.url);
		}
		for (const row of rows) {
			const hrefs = hrefsOf(site, pageFile(site, row));
			for (const slug of row.topics) expect(hrefs, row.title).toContain(`/topics/${slug}/`);
		}
		const index = hrefsOf(site, 'topics/index.html');
		for (const topic of topics) expect(index).toContain(topic.url);
	});

	test('author and category pages exist, list their papers, and papers link to them', () => {
		for (const kind of ['authors', 'categories'] as const) {
			const terms = readTerms(site, kind);
			expect(terms.length).toBeGreaterThan(0);
			for (const term of terms) {
				const members = rows.filter((r) =>
					(kind === 'authors' ? r.authors : r.categories).includes(term.slug),
				);
				expect(members).toHaveLength(term.count);
				const hrefs = hrefsOf(site, termFile(term.url));
				for (const member of members) {
					expect(hrefs).toContain(member.url);
					expect(hrefsOf(site, pageFile(site, member))).toContain(term.url);
				}
			}
		}
		expect(readTerms(site, 'authors')).toEqual([
			{ slug: 'mei-jian-ping', name: 'Mei, Jian-Ping', url: '/authors/mei-jian-ping/', count: 4 },
		]);
		expect(
			readTerms(site, 'categories')
				.map((c) => c.name)
				.sort(),
		).toEqual(['Artificial Intelligence', 'Machine Learning']);
	});

	test('paper pages have breadcrumbs, five related papers, and prev/next in title order', () => {
		for (const [i, row] of rows.entries()) {
			const $ = loadHtml(site.read(pageFile(site, row)));
			const crumbs = $('.breadcrumbs a')
				.map((_, a) => $(a).attr('href'))
				.get();
			expect(crumbs[0]).toBe('/');
			expect($('.breadcrumbs [aria-current=page]').text()).toBe(row.title);
			const related = $('.related .paper-card h2 a')
				.map((_, a) => $(a).attr('href'))
				.get();
			expect(related).toHaveLength(5);
			expect(related).not.toContain(row.url);
			expect($('a[rel=prev]').attr('href')).toBe(rows[i - 1]?.url);
			expect($('a[rel=next]').attr('href')).toBe(rows[i + 1]?.url);
		}
	});

	test('the home page shows the topics first, then every paper in title order', () => {
		const $ = loadHtml(site.read('index.html'));
		expect($('#topics-heading').length).toBe(1);
		expect(
			$('.overview .term-links a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(topics.map((t) => t.url));
		expect(
			$('.paper-card h2 a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		).toEqual(rows.map((r) => r.url));
		expect($('.pagination').length).toBe(0);
	});
});

describe('pagination with a generated collection of 120 papers', () => {
	let site: BuiltSite;
	let rows: PaperRow[];

	beforeAll(async () => {
		const subjects = ['federated learning', 'graph neural networks', 'speech recognition'];
		const lines = Array.from({ length: 120 }, (_, i) => {
			const subject = subjects[i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : i < 60 ? 0 : 2]!;
			return `Abstract:We propose Method${String(i).padStart(3, '0')}, a study of ${subject} number ${i}. Our ${subject} results on benchmark ${i * 7} improve ${subject} further.`;
		});
		const seeds = await writeSeedsFolder('pagination', { 'generated.txt': lines.join('\n') });
		site = await buildSiteOk({ seeds, name: 'pagination' });
		rows = readPapersJson(site);
	});

	test('the home page lists 50 papers a page, with page 2 at /page/2/', () => {
		expect(rows).toHaveLength(120);
		const pages = ['index.html', 'page/2/index.html', 'page/3/index.html'].map((file) =>
			loadHtml(site.read(file)),
		);
		const listed = pages.flatMap(($) =>
			$('.paper-card h2 a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		);
		expect(pages.map(($) => $('.paper-card').length)).toEqual([50, 50, 20]);
		expect(listed).toEqual(rows.map((r) => r.url));
		expect(site.exists('page/1/index.html')).toBe(false);
		expect(site.exists('page/4/index.html')).toBe(false);
		const [first, second, third] = pages;
		expect(first!('a[rel=next]').attr('href')).toBe('/page/2/');
		expect(second!('a[rel=prev]').attr('href')).toBe('/');
		expect(second!('a[rel=next]').attr('href')).toBe('/page/3/');
		expect(third!('a[rel=next]').length).toBe(0);
		expect(
			second!('.pagination li a')
				.map((_, a) => second!(a).attr('href'))
				.get(),
		).toEqual(['/', '/page/3/']);
		expect(second!('.pagination [aria-current=page]').text()).toBe('2');
	});

	test('a topic with more than 50 papers is paginated at /topics/<slug>/2/', () => {
		const topic = readTerms(site, 'topics').find((t) => t.slug === 'federated-learning');
		expect(topic?.count).toBeGreaterThan(50);
		const first = loadHtml(site.read('topics/federated-learning/index.html'));
		const second = loadHtml(site.read('topics/federated-learning/2/index.html'));
		expect(first('.paper-card').length).toBe(50);
		expect(second('.paper-card').length).toBe(topic!.count - 50);
		expect(first('a[rel=next]').attr('href')).toBe('/topics/federated-learning/2/');
		expect(second('a[rel=prev]').attr('href')).toBe('/topics/federated-learning/');
		const members = rows.filter((r) => r.topics.includes('federated-learning')).map((r) => r.url);
		const listed = [first, second].flatMap(($) =>
			$('.paper-card h2 a')
				.map((_, a) => $(a).attr('href'))
				.get(),
		);
		expect(listed).toEqual(members);
	});
});

describe('topics.yaml', () => {
	test('renames, hides and adds topics, and a bad file fails with the file, key and what is allowed', async () => {
		const seeds = await readSeedsFolder(BUNDLED_SEEDS);
		const good = await writeSeedsFolder('topics-yaml', {
			...seeds,
			'topics.yaml':
				'rename:\n  federated-learning: Federated Learning (FL)\nhide:\n  - visual-content\nadd:\n  - name: Privacy Attacks\n    phrases: [gradient inversion, model stealing, membership inference]\n' +
				'parent:\n  stable-diffusion: diffusion-model\n  text-to-image-synthesis: diffusion-model\n',
		});
		const site = await buildSiteOk({ seeds: good, name: 'topics-yaml' });
		const topics = readTerms(site, 'topics');
		const rows = readPapersJson(site);
		expect(topics.find((t) => t.slug === 'federated-learning')?.name).toBe(
			'Federated Learning (FL)',
		);
		expect(topics.some((t) => t.slug === 'visual-content')).toBe(false);
		expect(topics.find((t) => t.name === 'Privacy Attacks')?.count).toBeGreaterThanOrEqual(2);
		for (const row of rows) expect(row.topics).not.toContain('visual-content');

		// parent: topics.json says it, the parent holds its subtopics' papers, and the pages show the tree.
		const children = ['stable-diffusion', 'text-to-image-synthesis'];
		const bySlug = new Map(topics.map((t) => [t.slug, t]));
		for (const child of children) expect(bySlug.get(child)?.parent).toBe('diffusion-model');
		expect(bySlug.get('diffusion-model')).toHaveProperty('parent', null);
		expect(
			topics
				.filter((t) => t.parent)
				.map((t) => t.slug)
				.sort(),
		).toEqual(children);
		for (const row of rows.filter((r) => children.some((c) => r.topics.includes(c))))
			expect(row.topics, row.title).toContain('diffusion-model');
		const parentPage = loadHtml(site.read('topics/diffusion-model/index.html'));
		const subtopics = parentPage('.subterms .term-index li')
			.map(
				(_, li) =>
					`${parentPage(li).find('a').attr('href')} ${parentPage(li).children('.count').text().trim()}`,
			)
			.get();
		expect(subtopics.sort()).toEqual(
			children.map((c) => `/topics/${c}/ ${bySlug.get(c)!.count} papers`).sort(),
		);
		// Subtopics first, then every paper of the parent.
		const listed = parentPage('.paper-card h2 a')
			.map((_, a) => parentPage(a).attr('href'))
			.get();
		expect(listed.sort()).toEqual(
			rows
				.filter((r) => r.topics.includes('diffusion-model'))
				.map((r) => r.url)
				.sort(),
		);
		expect(parentPage.html().indexOf('subterms-heading')).toBeLessThan(
			parentPage.html().indexOf('paper-card'),
		);
		const index = loadHtml(site.read('topics/index.html'));
		const nested = index('.term-index .term-index a')
			.map((_, a) => index(a).attr('href'))
			.get();
		expect(nested.sort()).toEqual(children.map((c) => `/topics/${c}/`).sort());
		const childPage = loadHtml(site.read('topics/stable-diffusion/index.html'));
		expect(
			childPage('.breadcrumbs a')
				.map((_, a) => childPage(a).attr('href'))
				.get(),
		).toContain('/topics/diffusion-model/');
		const member = rows.find((r) => r.topics.includes('stable-diffusion'))!;
		const paperPage = loadHtml(site.read(pageFile(site, member)));
		expect(
			paperPage('.paper header .term-links .term-context')
				.map((_, a) => paperPage(a).attr('href'))
				.get(),
		).toContain('/topics/diffusion-model/');

		const bad = await writeSeedsFolder('topics-yaml-bad', {
			...seeds,
			'topics.yaml': 'hide: visual-content\nrenmae: {}\n',
		});
		const failed = await buildSite({ seeds: bad, name: 'topics-yaml-bad' });
		expect(failed.code).not.toBe(0);
		expect(failed.log).toContain('[ConfigYamlInvalid] topics.yaml: hide:');
		expect(failed.log).toContain('"renmae"');
		expect(failed.log).toMatch(/Allowed in topics\.yaml: rename: .*merge: .*hide: .*add: /u);
	});
});
