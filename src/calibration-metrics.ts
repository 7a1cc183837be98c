/**
 * Metrics of stated confidence against correctness (SPEC "Metrics", with confidences):
 * Brier score, expected calibration error over 10 equal-width bins, over-confidence
 * (mean confidence minus accuracy) and AUROC (how well confidence tells correct answers
 * from wrong ones). Their intervals are a cluster bootstrap over probes with a fixed seed
 * (src/bootstrap.ts). Pure functions; no I/O.
 */

/** One stated confidence (0-1) and whether the answer it was about was correct. */
export interface Confident {
  confidence: number;
  correct: boolean;
}

/** Mean squared distance between confidence and outcome (0 is perfect; always saying 0.5 scores 0.25). */
export function brierScore(items: readonly Confident[]): number {
  let sum = 0;
  for (const { confidence, correct } of items) sum += (confidence - (correct ? 1 : 0)) ** 2;
  return sum / items.length;
}

/** One bin of stated confidences: how many, their mean, and the share of them that were right. */
export interface ConfidenceBin {
  count: number;
  confidence: number;
  accuracy: number;
}

/**
 * The confidences in `bins` equal-width bins ([0, 0.1), ..., [0.9, 1.0], 1 in the last),
 * the empty ones left out: the points of a reliability diagram.
 */
export function reliabilityBins(items: readonly Confident[], bins = 10): ConfidenceBin[] {
  const count = new Array<number>(bins).fill(0);
  const confidence = new Array<number>(bins).fill(0);
  const correct = new Array<number>(bins).fill(0);
  for (const item of items) {
    const bin = Math.min(bins - 1, Math.floor(item.confidence * bins));
    count[bin]! += 1;
    confidence[bin]! += item.confidence;
    correct[bin]! += item.correct ? 1 : 0;
  }
  return count.flatMap((n, bin) => (n === 0 ? [] : [{ count: n, confidence: confidence[bin]! / n, accuracy: correct[bin]! / n }]));
}

/**
 * Expected calibration error: the confidences in `bins` equal-width bins, and the bins'
 * |mean confidence - accuracy| weighted by their share of the items.
 */
export function expectedCalibrationError(items: readonly Confident[], bins = 10): number {
  return reliabilityBins(items, bins).reduce((error, bin) => error + (bin.count / items.length) * Math.abs(bin.confidence - bin.accuracy), 0);
}

/** Mean confidence minus accuracy: above 0, the model is surer than it is right. */
export function overConfidence(items: readonly Confident[]): number {
  let gap = 0;
  for (const { confidence, correct } of items) gap += confidence - (correct ? 1 : 0);
  return gap / items.length;
}

/**
 * Area under the ROC curve of confidence for telling correct from wrong answers: the
 * chance that a correct answer got more confidence than a wrong one (ties count half).
 * Undefined when the answers are all correct or all wrong.
 */
export function auroc(items: readonly Confident[]): number | undefined {
  const right = items.filter((i) => i.correct).length;
  const wrong = items.length - right;
  if (right === 0 || wrong === 0) return undefined;
  // Mann-Whitney: the right answers' ranks by confidence (ties share their mean rank), less their minimum.
  const sorted = [...items].sort((a, b) => a.confidence - b.confidence);
  let rightRanks = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && sorted[end]!.confidence === sorted[start]!.confidence) end += 1;
    const meanRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (sorted[i]!.correct) rightRanks += meanRank;
    start = end;
  }
  return (rightRanks - (right * (right + 1)) / 2) / (right * wrong);
}
