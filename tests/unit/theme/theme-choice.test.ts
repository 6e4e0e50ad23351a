import { describe, expect, it } from 'vitest';
import {
	nextThemeChoice,
	readThemeChoice,
	THEME_SCRIPT,
	THEME_STORAGE_KEY,
} from '../../../src/lib/theme/theme-choice.ts';

describe('theme choice', () => {
	it('steps system, light, dark and back to system', () => {
		expect(nextThemeChoice('system')).toBe('light');
		expect(nextThemeChoice('light')).toBe('dark');
		expect(nextThemeChoice('dark')).toBe('system');
	});

	it('reads anything but light or dark as the system theme', () => {
		expect(readThemeChoice('dark')).toBe('dark');
		expect(readThemeChoice('light')).toBe('light');
		for (const stored of [null, undefined, '', 'Dark', 'system', '<script>'])
			expect(readThemeChoice(stored)).toBe('system');
	});
});

describe('THEME_SCRIPT', () => {
	/** Runs the script against a stand-in document and storage, as the head of a page would. */
	function run(storage: { getItem(key: string): string | null }): Record<string, string> {
		const dataset: Record<string, string> = {};
		new Function('localStorage', 'document', THEME_SCRIPT)(storage, {
			documentElement: { dataset },
		});
		return dataset;
	}

	it('applies a stored light or dark choice to <html>, under the key the toggle writes', () => {
		expect(run({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'dark' : null) })).toEqual({
			theme: 'dark',
		});
		expect(run({ getItem: (key) => (key === THEME_STORAGE_KEY ? 'light' : null) })).toEqual({
			theme: 'light',
		});
	});

	it('leaves <html> alone for no choice, an unknown value or a storage that throws', () => {
		expect(run({ getItem: () => null })).toEqual({});
		expect(run({ getItem: () => '"><img src=x>' })).toEqual({});
		expect(
			run({
				getItem: () => {
					throw new Error('SecurityError');
				},
			}),
		).toEqual({});
	});

	it('cannot end the script element it is written into', () => {
		expect(THEME_SCRIPT).not.toMatch(/<\/script|<!--/iu);
	});
});
