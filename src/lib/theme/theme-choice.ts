/**
 * The reader's colour theme: light, dark, or whatever the system says. An explicit
 * choice is kept in localStorage and shown as `data-theme` on `<html>`; with no
 * choice the attribute is absent and CSS follows `prefers-color-scheme`.
 */

export type ThemeChoice = 'light' | 'dark' | 'system';

/** The order the toggle steps through. */
const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export const THEME_STORAGE_KEY = 'atlas-theme';

/** What a stored value means; anything unknown (or nothing) is the system's theme. */
export function readThemeChoice(stored: string | null | undefined): ThemeChoice {
	return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The choice after `choice` when the toggle is pressed. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
	return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length]!;
}

/**
 * Applies the stored choice before the first paint, so a dark page never flashes
 * light. It is inline because a file would be a request blocking every page; Astro
 * injects it into every page's head and puts its hash in the page's script-src, so the
 * policy allows exactly this text. It must stay self-contained and never contain `</script`;
 * a storage that throws (privacy modes) means "system".
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
