import { readFileSync } from 'node:fs';
import githubDark from '@shikijs/themes/github-dark';
import githubLight from '@shikijs/themes/github-light';
import { describe, expect, it } from 'vitest';
import {
	codeThemeCss,
	declarationClass,
	styleClasses,
	styleToClassTransformer,
} from '../../../src/lib/theme/code-theme.ts';
import { thrown } from '../../helpers/thrown.ts';

const COMMITTED = readFileSync(
	new URL('../../../src/styles/code-theme.css', import.meta.url),
	'utf8',
);

describe('styleClasses', () => {
	it('turns each per-theme declaration Shiki writes into one class', () => {
		expect(styleClasses('--shiki-light:#D73A49;--shiki-dark:#F97583')).toEqual([
			'shiki-light-d73a49',
			'shiki-dark-f97583',
		]);
		expect(
			styleClasses(
				'--shiki-light-bg:#fff; --shiki-dark-font-style:italic;--shiki-dark-text-decoration:underline line-through',
			),
		).toEqual([
			'shiki-light-bg-fff',
			'shiki-dark-font-style-italic',
			'shiki-dark-text-decoration-underline-line-through',
		]);
	});

	it('refuses anything that is not a theme value, so no style is dropped in silence', () => {
		expect(thrown(() => styleClasses('overflow-x: auto')).name).toBe('CodeThemeStyleUnknown');
		expect(thrown(() => declarationClass('--shiki-light', 'url(javascript:x)')).name).toBe(
			'CodeThemeStyleUnknown',
		);
		expect(thrown(() => declarationClass('color', '#fff'))).toMatchObject({
			name: 'CodeThemeStyleUnknown',
			message: 'Shiki wrote a style this site has no class for: color:#fff.',
			hint: expect.stringContaining('Regenerate src/styles/code-theme.css'),
		});
	});
});

describe('styleToClassTransformer', () => {
	it('moves every style attribute of the tree into classes, keeping the classes there were', () => {
		const token = {
			type: 'element',
			properties: { style: '--shiki-light:#24292E;--shiki-dark:#E1E4E8' },
			children: [],
		};
		const pre = {
			type: 'element',
			properties: { class: 'astro-code', style: '--shiki-light-bg:#fff' },
			children: [{ type: 'text', value: 'x' }, token],
		};
		styleToClassTransformer.root({ children: [pre] });
		expect(pre.properties).toEqual({ class: 'astro-code shiki-light-bg-fff' });
		expect(token.properties).toEqual({ class: 'shiki-light-24292e shiki-dark-e1e4e8' });
	});
});

describe('src/styles/code-theme.css', () => {
	it('is what codeThemeCss makes of the two themes today (else run scripts/code-theme-css.mjs)', () => {
		expect(COMMITTED).toBe(codeThemeCss({ light: githubLight, dark: githubDark }));
	});

	it('has a rule for every colour each theme gives a token, its background or the editor', () => {
		for (const [name, theme] of [
			['light', githubLight],
			['dark', githubDark],
		] as const) {
			const colours = [
				theme.colors?.['editor.foreground'],
				...(theme.tokenColors ?? []).map((t) => t.settings.foreground),
			].filter(Boolean);
			expect(colours.length).toBeGreaterThan(5);
			for (const colour of colours) {
				const cls = declarationClass(`--shiki-${name}`, colour!);
				expect(COMMITTED).toContain(`.${cls} { --shiki-${name}: ${colour!.toLowerCase()}; }`);
			}
		}
	});
});
