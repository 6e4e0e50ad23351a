import { defineCollection } from 'astro:content';
import { ABSTRACT_COMPONENT, GENERATED_DIR } from './lib/site/project-paths.ts';
import { resolveAtlasOptions } from './lib/site/options.ts';
import { abstractsLoader } from './loaders/abstracts.ts';

const papers = defineCollection({
	loader: abstractsLoader({
		seeds: resolveAtlasOptions(process.env).seeds,
		generatedDir: GENERATED_DIR,
		component: ABSTRACT_COMPONENT,
	}),
});

export const collections = { papers };
