/**
 * Broad topics become parents, not buckets. In a large collection a topic that holds a
 * large share of the papers says little on its own ("Neural Networks" on a quarter of a
 * machine-learning collection); when most of its papers also fall under narrower topics
 * whose papers mostly sit inside it ("Graph Neural Networks", "Recurrent Neural
 * Networks"), it becomes their parent: its page lists them, and a paper page shows a
 * specific topic with its parent as context. One level only: a parent has no parent.
 */

/** Collections smaller than this get no parents: every topic is small enough to read. */
export const PARENT_MIN_PAPERS = 200;
/** A topic holding more than this share of the papers is broad. */
const PARENT_MIN_SHARE = 0.1;
/** A narrower topic has at least this share of its papers inside the broad one. */
const CHILD_INSIDE_SHARE = 0.6;
/** A broad topic becomes a parent when at least this share of its papers fall under its children. */
const PARENT_COVERED_SHARE = 0.5;

export interface TreeOptions {
	/** Collection size from which broad topics become parents (default PARENT_MIN_PAPERS). */
	parentMinPapers?: number;
}

interface TreeTopic {
	slug: string;
	/** Ids of the topic's own papers. */
	papers: readonly string[];
}

/**
 * Parent slug per child slug, derived from the topics' papers. Linear in the collection:
 * only the broad topics (fewer than 1 / PARENT_MIN_SHARE × six of them, since a paper has
 * at most six topics) are compared with the others.
 */
export function deriveParents(
	topics: readonly TreeTopic[],
	paperCount: number,
	options: TreeOptions = {},
): Map<string, string> {
	const parents = new Map<string, string>();
	if (paperCount < (options.parentMinPapers ?? PARENT_MIN_PAPERS)) return parents;
	// Largest first: a broad topic claims the narrower topics inside it; a parent is never a
	// child, and a child never becomes a parent.
	const broad = topics
		.filter((t) => t.papers.length > PARENT_MIN_SHARE * paperCount)
		.sort((a, b) => b.papers.length - a.papers.length || (a.slug < b.slug ? -1 : 1));
	const isParent = new Set<string>();
	for (const parent of broad) {
		if (parents.has(parent.slug)) continue;
		const own = new Set(parent.papers);
		const children: string[] = [];
		const covered = new Set<string>();
		for (const child of topics) {
			if (
				child.slug === parent.slug ||
				isParent.has(child.slug) ||
				parents.has(child.slug) ||
				child.papers.length >= parent.papers.length
			)
				continue;
			let inside = 0;
			for (const id of child.papers) if (own.has(id)) inside++;
			if (inside < CHILD_INSIDE_SHARE * child.papers.length) continue;
			children.push(child.slug);
			for (const id of child.papers) if (own.has(id)) covered.add(id);
		}
		if (children.length === 0 || covered.size < PARENT_COVERED_SHARE * own.size) continue;
		isParent.add(parent.slug);
		for (const child of children) parents.set(child, parent.slug);
	}
	return parents;
}

/**
 * Applies topics.yaml `parent: { child: parent }` over the derived tree: the file wins,
 * and a topic the file makes a parent is no longer anyone's child (one level only).
 * Slugs the collection does not have are skipped (the caller reports them).
 */
export function applyParentOverrides(
	parents: Map<string, string>,
	overrides: Record<string, string>,
	known: ReadonlySet<string>,
): Map<string, string> {
	const result = new Map(parents);
	for (const [child, parent] of Object.entries(overrides)) {
		if (!known.has(child) || !known.has(parent) || child === parent) continue;
		result.set(child, parent);
	}
	const isParent = new Set(
		Object.entries(overrides)
			.filter(([c, p]) => known.has(c) && known.has(p))
			.map(([, p]) => p),
	);
	for (const [child] of [...result]) if (isParent.has(child)) result.delete(child);
	// A derived child whose parent became a child itself loses its parent.
	for (const [child, parent] of [...result]) if (result.has(parent)) result.delete(child);
	return result;
}
