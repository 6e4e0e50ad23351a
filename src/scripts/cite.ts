/**
 * The Cite section's "Copy BibTeX" button: copies the entry exactly as the .bib file
 * holds it and says so in the section's live region. Where the Clipboard API is
 * missing or refused (a page served over plain HTTP from another host), it selects the
 * entry instead, so the reader can copy it with the keyboard.
 */
const CLEAR_AFTER_MS = 4000;

export function initCite(root: ParentNode = document): void {
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-cite-copy]')) {
		button.addEventListener('click', () => void copyEntry(button));
	}
}

async function copyEntry(button: HTMLButtonElement): Promise<void> {
	const section = button.closest('.cite');
	const status = section?.querySelector<HTMLElement>('[data-cite-status]') ?? null;
	try {
		if (!navigator.clipboard) throw new Error('no Clipboard API');
		await navigator.clipboard.writeText(button.dataset['citeText'] ?? '');
		announce(status, 'Copied');
	} catch {
		const code = section?.querySelector('pre');
		if (code) window.getSelection()?.selectAllChildren(code);
		announce(status, 'Could not copy: the entry is selected, press Ctrl+C (⌘C) to copy it');
	}
}

const timers = new WeakMap<HTMLElement, number>();

/** Sets the live region's text; emptied first so the same message is announced again. */
function announce(status: HTMLElement | null, message: string): void {
	if (!status) return;
	window.clearTimeout(timers.get(status));
	status.textContent = '';
	requestAnimationFrame(() => {
		status.textContent = message;
		timers.set(
			status,
			window.setTimeout(() => (status.textContent = ''), CLEAR_AFTER_MS),
		);
	});
}
