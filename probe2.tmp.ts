import { extractTopics } from './src/lib/topics.ts';
const run = (label: string, texts: string[], o = {}) => { const r = extractTopics(texts.map((text, i) => ({ id: `p${i}`, text })), o); console.log('==', label, JSON.stringify(r.topics), JSON.stringify([...r.byPaper]), r.unknownSlugs); };
run('super', [
 'We propose super-resolution of satellite images with transformers.',
 'Blind super-resolution of faces under heavy blur.',
 'Video super resolution with recurrent alignment.',
 'Super resolution of microscopy images at low dose.',
]);
run('cross', [
 'Cross-attention maps localize objects in generated images.',
 'We edit cross-attention maps of the denoiser.',
 'Cross attention maps reveal layout in generated images.',
 'Reweighting cross attention maps controls style.',
]);
run('fine', [
 'Fine-grained classification of birds with part attention.',
 'Fine-grained classification of cars from web images.',
 'Fine grained classification of aircraft variants.',
 'Fine grained classification of dog breeds in the wild.',
]);
