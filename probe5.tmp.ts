import { extractTopics } from './src/lib/topics.ts';
const run = (label: string, texts: string[], o = {}) => { const r = extractTopics(texts.map((text, i) => ({ id: `p${i}`, text })), o); console.log('==', label, JSON.stringify(r.topics.map(t => [t.slug, t.papers.length])), JSON.stringify([...r.byPaper])); };
const phrases = ['graph neural networks', 'speech synthesis', 'protein folding', 'federated learning', 'diffusion models', 'knowledge distillation', 'reinforcement learning', 'image segmentation', 'machine translation'];
run('max', [
  `This survey covers ${phrases.join(', ')}.`,
  ...phrases.map((p) => `A short note on ${p} for hospitals. More on ${p}.`),
]);
run('singles', [
  'Pruning removes redundant channels from convolutional networks on phones.',
  'Aggressive pruning of transformers speeds up inference on servers.',
  'Federated learning trains on phones. Federated learning keeps data local.',
  'Federated learning for banks.',
], { hide: ['pruning'] });
