/**
 * Temml writes a few `style` attributes into its MathML (an accent's `math-depth`, a
 * display formula's `display: block math`, an array's cell padding and rules), and the
 * CSP refuses every style attribute. Each declaration Temml writes with a fixed value
 * becomes a class that src/styles/math.css defines (a unit test checks every one is
 * there). Values Temml computes from the TeX itself (`\arraystretch`, `\arraycolsep`,
 * colours in commutative diagrams) have no class and are dropped: the formula keeps
 * its content and loses that spacing or colour. On the 1,000 real arXiv abstracts, 41
 * of 1,109 fragments carry a style, all of them from the fixed set.
 */

/** Declarations (as Temml writes them, `property:value`) this site has a class for. */
export const MATH_STYLE_DECLARATIONS: readonly string[] = [
	'math-depth:0',
	'math-depth:2',
	'display:block math',
	'text-align:left',
	'height:1em',
	'width:100%',
	'width:50%',
	'width:7.5%',
	'padding:0',
	'padding-top:0',
	'padding-bottom:0',
	...['padding-left', 'padding-right'].flatMap((side) =>
		['0', '0em', '0.1389em', '0.25em', '0.4em', '1em'].map((size) => `${side}:${size}`),
	),
	...['border-top', 'border-bottom', 'border-left', 'border-right'].flatMap((side) =>
		['0.15em double', '0.06em dashed', '0.06em solid'].map((line) => `${side}:${line}`),
	),
];

/** The class standing for one declaration: `padding-left:0.4em` is `atlas-tml-padding-left-0_4em`. */
export function mathStyleClass(declaration: string): string {
	return `atlas-tml-${declaration
		.replace(/%/gu, 'pct')
		.replace(/\./gu, '_')
		.replace(/[^a-z0-9_]+/gu, '-')}`;
}

const KNOWN = new Map(
	MATH_STYLE_DECLARATIONS.map((declaration) => [declaration, mathStyleClass(declaration)]),
);

/** A declaration as Temml writes it: no spaces around the colon, none at the ends. */
function normalize(declaration: string): string {
	const colon = declaration.indexOf(':');
	return `${declaration.slice(0, colon).trim().toLowerCase()}:${declaration.slice(colon + 1).trim()}`;
}

/**
 * Temml's MathML with every `style` attribute replaced by classes. Temml escapes quotes
 * in attribute values and text, so ` style="` can only be an attribute of a tag.
 */
export function mathStylesToClasses(mathml: string): string {
	return mathml.replace(
		/<([a-z][\w-]*)([^<>]*?) style="([^"]*)"([^<>]*)>/gu,
		(_, tag: string, before: string, style: string, after: string) => {
			const classes = style
				.split(';')
				.filter((declaration) => declaration.includes(':'))
				.map((declaration) => KNOWN.get(normalize(declaration)))
				.filter((cls): cls is string => cls !== undefined);
			let attributes = `${before}${after}`;
			if (classes.length > 0) {
				const existing = / class="([^"]*)"/u.exec(attributes);
				attributes = existing
					? attributes.replace(
							existing[0],
							` class="${[existing[1], ...classes].filter(Boolean).join(' ')}"`,
						)
					: `${attributes} class="${classes.join(' ')}"`;
			}
			return `<${tag}${attributes}>`;
		},
	);
}

/** The rules math.css must hold, one per class. */
export function mathStyleRules(): string[] {
	return MATH_STYLE_DECLARATIONS.map((declaration) => {
		const colon = declaration.indexOf(':');
		return `.${mathStyleClass(declaration)} { ${declaration.slice(0, colon)}: ${declaration.slice(colon + 1)}; }`;
	});
}
