/**
 * A value a user may leave out or leave blank (an `ATLAS_*` variable, a papers.yaml
 * field), trimmed, or undefined when nothing in it can be seen: blank means "not given"
 * everywhere, so no setting, citation field or link is made of an empty value. Control
 * characters count as blank because citations strip them and would be left empty.
 */
export function present(value: string | number | null | undefined): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return /^[\s\p{Cc}]*$/u.test(text) ? undefined : text.trim();
}
