import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abstractsLoader } from '../../../src/loaders/abstracts.ts';
import { fakeLoaderContext } from '../../helpers/loader-context.ts';
import { rejection, thrown } from '../../helpers/thrown.ts';

const options = {
	seeds: 'seeds',
	generatedDir: '.atlas',
	component: 'src/components/AbstractBody.astro',
};

describe('abstractsLoader options', () => {
	it('refuses a missing seeds folder name and says how to give one', () => {
		const error = thrown(() => abstractsLoader({ ...options, seeds: '' }));
		expect(AstroError.is(error)).toBe(true);
		expect(error).toMatchObject({
			name: 'LoaderSeedsOptionInvalid',
			hint: expect.stringContaining('abstractsLoader({ seeds: "seeds"'),
		});
	});

	it('refuses a generated folder outside the project root, saying why', () => {
		expect(
			thrown(() => abstractsLoader({ ...options, generatedDir: '../elsewhere' })),
		).toMatchObject({
			name: 'LoaderPathOutsideRoot',
			message: expect.stringMatching(
				/`generatedDir` must be a path inside the project root; got "\.\.\/elsewhere"\. Vite only compiles files under the root/u,
			),
		});
		expect(
			thrown(() => abstractsLoader({ ...options, component: '/tmp/Body.astro' })),
		).toMatchObject({
			name: 'LoaderPathOutsideRoot',
			message: expect.stringContaining('`component`'),
		});
	});
});

describe('abstractsLoader.load', () => {
	let root: string;
	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), 'atlas-loader-'));
	});
	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	const seed = (file: string, text: string) => writeFile(join(root, 'seeds', file), text);

	it('stores one deferred-render entry per paper, backed by a generated MDX file', async () => {
		await mkdir(join(root, 'seeds'));
		await seed(
			'a.txt',
			'Abstract:We propose OneNet, a first model.\nAbstract:We propose TwoNet, a second model.\n',
		);
		const fake = fakeLoaderContext(root);
		await abstractsLoader(options).load(fake.context);

		expect(fake.entries.size).toBe(2);
		for (const entry of fake.entries.values()) {
			expect(entry.deferredRender).toBe(true);
			expect(entry.filePath).toBe(`.atlas/papers/${entry.id}.mdx`);
			expect(existsSync(join(root, entry.filePath!))).toBe(true);
		}
		expect(fake.warnings).toEqual([]);
	});

	it('does not rewrite unchanged papers, and prunes what disappeared, down to nothing', async () => {
		await mkdir(join(root, 'seeds'));
		await seed('a.txt', 'Abstract:We propose OneNet, a first model.\n');
		await seed('b.txt', 'Abstract:We propose TwoNet, a second model.\n');
		const fake = fakeLoaderContext(root);
		const loader = abstractsLoader(options);
		await loader.load(fake.context);
		expect(fake.sets).toHaveLength(2);
		const mtimes = async () =>
			Promise.all(
				[...fake.entries.values()].map(async (e) => (await stat(join(root, e.filePath!))).mtimeMs),
			);
		const written = await mtimes();

		const before = fake.moduleImports.length;
		await new Promise((done) => setTimeout(done, 20));
		await loader.load(fake.context);
		expect(fake.sets).toHaveLength(2);
		// The MDX files are not written again either: Vite would see them as changed.
		expect(await mtimes()).toEqual(written);
		// Nothing re-parsed or re-set, but both modules registered again for this build.
		expect(fake.moduleImports.slice(before).sort()).toEqual(
			[...fake.entries.values()].map((e) => e.filePath).sort(),
		);

		await rm(join(root, 'seeds/b.txt'));
		await loader.load(fake.context);
		expect([...fake.entries.values()].map((e) => e.data['title'])).toEqual([
			'OneNet: A first model',
		]);
		expect(await readdir(join(root, '.atlas/papers'))).toHaveLength(1);

		await rm(join(root, 'seeds/a.txt'));
		await loader.load(fake.context);
		expect(fake.entries.size).toBe(0);
		expect(await readdir(join(root, '.atlas/papers'))).toEqual([]);
		expect(fake.warnings.at(-1)).toMatch(/No .txt files found/u);
	});

	it('rewrites MDX that another run pruned and registers every module even when the cache says nothing changed', async () => {
		await mkdir(join(root, 'seeds'));
		await seed('a.txt', 'Abstract:We propose OneNet, a first model.\n');
		const fake = fakeLoaderContext(root);
		const loader = abstractsLoader(options);
		await loader.load(fake.context);
		const [entry] = fake.entries.values();
		// A dev server on another seeds folder prunes this folder's MDX files.
		await rm(join(root, entry!.filePath!));
		fake.moduleImports.length = 0;

		await loader.load(fake.context);
		expect(existsSync(join(root, entry!.filePath!))).toBe(true);
		expect(fake.moduleImports).toEqual([entry!.filePath]);
	});

	it('passes seed warnings on with file and line, and still loads the rest', async () => {
		await mkdir(join(root, 'seeds'));
		await seed(
			'mixed.txt',
			'Abstract:We propose OneNet, a first model.\nAbstract:\nAbstract:We propose TwoNet, a second model.\n',
		);
		const fake = fakeLoaderContext(root);
		await abstractsLoader(options).load(fake.context);
		expect(fake.entries.size).toBe(2);
		expect(fake.warnings).toEqual([
			'mixed.txt:2: this "Abstract:" line has no text; write the abstract after "Abstract:" or delete the line [EmptyAbstract]',
		]);
		// The build summary and ATLAS_STRICT read the report: the warning is there with its code.
		const report = JSON.parse(await readFile(join(root, '.atlas/report.json'), 'utf8'));
		expect(report.warnings).toMatchObject([{ code: 'EmptyAbstract', file: 'mixed.txt', line: 2 }]);
	});

	it('fails with the folder and the fix when the seeds folder does not exist', async () => {
		const fake = fakeLoaderContext(root);
		const error = await rejection(
			abstractsLoader({ ...options, seeds: 'nowhere' }).load(fake.context),
		);
		expect(AstroError.is(error)).toBe(true);
		expect(error.name).toBe('SeedsFolderMissing');
		expect(error.message).toMatch(/nowhere does not exist\.$/u);
		expect(error.hint).toMatch(/^Create it .* or point ATLAS_SEEDS/u);
	});

	it("fails with Astro's error, name and hint when topics.yaml is wrong", async () => {
		await mkdir(join(root, 'seeds'));
		await seed('a.txt', 'Abstract:We propose OneNet, a first model.\n');
		await seed('topics.yaml', 'renmae: {}\n');
		const error = await rejection(abstractsLoader(options).load(fakeLoaderContext(root).context));
		expect(AstroError.is(error)).toBe(true);
		expect(error).toMatchObject({
			name: 'ConfigYamlInvalid',
			title: expect.stringContaining('configuration file'),
		});
		expect(error.message).toContain('"renmae"');
		expect(error.hint).toMatch(/^Allowed in topics\.yaml: rename: /u);
	});
});
