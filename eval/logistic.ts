/**
 * Logistic regression by gradient descent on standardised features, for tuning scripts: fits
 * P(y = 1 | x) and returns the weights for the raw features (standardisation folded back in), so
 * that the model is `1 / (1 + exp(-(bias + sum of weights[i] * x[i])))`.
 */
export function fitLogistic(X: number[][], y: number[], { epochs = 500, rate = 0.5, l2 = 1e-4 } = {}): { bias: number; weights: number[] } {
  const d = X[0]?.length ?? 0;
  const n = X.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((sum, x) => sum + x[j]!, 0) / n);
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((sum, x) => sum + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / sd[j]!));
  const w = new Float64Array(d);
  let b = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const g = new Float64Array(d);
    let gb = 0;
    Z.forEach((z, i) => {
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const error = 1 / (1 + Math.exp(-s)) - y[i]!;
      for (let j = 0; j < d; j++) g[j]! += error * z[j]!;
      gb += error;
    });
    for (let j = 0; j < d; j++) w[j]! -= rate * (g[j]! / n + l2 * w[j]!);
    b -= (rate * gb) / n;
  }
  const weights = [...w].map((wj, j) => wj / sd[j]!);
  return { bias: b - weights.reduce((sum, wj, j) => sum + wj * mean[j]!, 0), weights };
}
