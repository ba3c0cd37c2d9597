/** One training sentence: its features and whether it is a positive example. */
export interface Example {
  features: string[];
  positive: boolean;
}

/** A logistic regression over binary features: P(positive) = sigmoid(bias + sum of the weights of the features present). */
export interface Classifier {
  bias: number;
  weights: Record<string, number>;
}

export interface TrainOptions {
  /** Passes over the examples. */
  epochs: number;
  /** The first pass's step; pass e uses rate / (1 + e). */
  rate: number;
  /** L2 penalty on the weights of the features of each example seen. */
  l2: number;
  /** Features seen in fewer examples than this get no weight. */
  minCount: number;
  /** Weights smaller than this (in absolute value) are dropped at the end. */
  prune: number;
}

export const defaultTrainOptions: TrainOptions = { epochs: 12, rate: 0.1, l2: 1e-3, minCount: 3, prune: 0.03 };

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Trains by stochastic gradient descent in a fixed order: the examples are visited in
 * an order shuffled by a seeded generator, so the same examples give the same weights
 * on every machine (no Math.random, no time, no parallelism).
 */
export function train(examples: Example[], options: TrainOptions = defaultTrainOptions): Classifier {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (n >= options.minCount) index.set(f, index.size);
  const rows = examples.map((e) => ({ features: e.features.flatMap((f) => index.get(f) ?? []), y: e.positive ? 1 : 0 }));
  const w = new Float64Array(index.size);
  let bias = 0;
  const order = rows.map((_, i) => i);
  const random = seeded(1);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    const rate = options.rate / (1 + epoch);
    for (const i of order) {
      const { features, y } = rows[i]!;
      let z = bias;
      for (const f of features) z += w[f]!;
      const g = sigmoid(z) - y;
      bias -= rate * g;
      for (const f of features) w[f]! -= rate * (g + options.l2 * w[f]!);
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]!) >= options.prune) weights[f] = w[i]!;
  return { bias, weights };
}

/** The probability a classifier gives a sentence's features. */
export function probability(classifier: Classifier, features: string[]): number {
  let z = classifier.bias;
  for (const f of features) z += classifier.weights[f] ?? 0;
  return sigmoid(z);
}

// mulberry32: a small seeded generator, so training order is the same on every run.
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
