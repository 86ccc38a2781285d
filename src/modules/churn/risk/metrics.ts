/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula, ties counted half. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const meanRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++)
      if (labels[order[k]]) {
        rankSum += meanRank;
        positives++;
      }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface CalibrationBin {
  decile: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Predictions sorted into ten equal-count bins: a calibrated model's mean prediction matches each bin's churn rate. */
export function calibrationDeciles(predicted: ArrayLike<number>, labels: ArrayLike<number>): CalibrationBin[] {
  const order = Array.from({ length: predicted.length }, (_, i) => i).sort((a, b) => predicted[a] - predicted[b]);
  const bins: CalibrationBin[] = [];
  for (let d = 0; d < 10; d++) {
    const slice = order.slice(Math.floor((d * order.length) / 10), Math.floor(((d + 1) * order.length) / 10));
    if (slice.length === 0) continue;
    bins.push({
      decile: d + 1,
      count: slice.length,
      meanPredicted: slice.reduce((a, i) => a + predicted[i], 0) / slice.length,
      observedRate: slice.reduce((a, i) => a + labels[i], 0) / slice.length,
    });
  }
  return bins;
}
