import { createHash } from 'node:crypto';

/**
 * The canonical form of an abstract, used for identity: the same abstract pasted
 * twice with different wrapping, spacing or Unicode composition is one paper.
 */
export function normalizeText(text: string): string {
	return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A paper's permanent id: it depends on the abstract alone, never on the title, the
 * file name or the position in the collection, so links to it survive all of those.
 */
export function paperId(abstractText: string): string {
	return createHash('sha256')
		.update(normalizeText(abstractText), 'utf8')
		.digest('hex')
		.slice(0, 12);
}
