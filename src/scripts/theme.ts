/**
 * The theme toggle: each press steps system → light → dark, shows it at once through
 * `data-theme` on <html> (CSS does the rest) and remembers it. The inline script in
 * every page's head (THEME_SCRIPT) applies the remembered choice on the next load.
 */
import {
	nextThemeChoice,
	readThemeChoice,
	THEME_STORAGE_KEY,
	type ThemeChoice,
} from '../lib/theme/theme-choice.ts';

function apply(choice: ThemeChoice): void {
	const root = document.documentElement;
	if (choice === 'system') delete root.dataset['theme'];
	else root.dataset['theme'] = choice;
}

function remember(choice: ThemeChoice): void {
	try {
		if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
		else localStorage.setItem(THEME_STORAGE_KEY, choice);
	} catch {
		// Storage refused (a privacy mode): the choice holds for this page only.
	}
}

export function initThemeToggle(): void {
	for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
		button.addEventListener('click', () => {
			const choice = nextThemeChoice(readThemeChoice(document.documentElement.dataset['theme']));
			apply(choice);
			remember(choice);
		});
	}
	// A choice made in another tab applies here too.
	window.addEventListener('storage', (event) => {
		if (event.key === THEME_STORAGE_KEY || event.key === null)
			apply(readThemeChoice(event.newValue));
	});
}
