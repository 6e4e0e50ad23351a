import { describe, expect, it } from 'vitest';
import { generatedMdx } from '../../../src/lib/site/generated-mdx.ts';

const COMPONENT = '../../src/components/AbstractBody.astro';

describe('generatedMdx', () => {
	it('imports the component and hands it the paragraphs the page passes to <Content>', () => {
		expect(generatedMdx(COMPONENT)).toBe(
			`import AbstractBody from "${COMPONENT}";\n\n<AbstractBody paragraphs={props.paragraphs} />\n`,
		);
	});

	it('quotes the component path as a string, whatever it holds', () => {
		const line = generatedMdx('./odd "name"\\.astro').split('\n')[0];
		expect(line).toBe('import AbstractBody from "./odd \\"name\\"\\\\.astro";');
	});
});
