/**
 * The report page's charts as inline SVG: estimates with their interval whiskers, stacked
 * verdict counts, a reliability diagram, a trend over runs. Plain marks with no script, so
 * the page needs no network and nothing on it runs. Every label goes through `escapeXml`.
 * Pure: data in, SVG text out.
 */
import type { Estimate } from '../metrics.js';
import { escapeXml } from './ci.js';

/** One labelled estimate on a whisker chart. */
export interface WhiskerRow {
  label: string;
  estimate: Estimate;
}

const WIDTH = 640;
const LABEL_WIDTH = 260;
const ROW = 22;

/** A value on [from, to] as an x position in the plot area. */
const scale = (value: number, from: number, to: number): number => LABEL_WIDTH + ((Math.min(to, Math.max(from, value)) - from) / (to - from)) * (WIDTH - LABEL_WIDTH - 20);

/**
 * Estimates as dots with their 95% whiskers on one axis ([0, 1], or [-1, 1] for a
 * difference), a row each; a row with no value says why.
 */
export function whiskerChart(title: string, rows: readonly WhiskerRow[], range: [number, number] = [0, 1]): string {
  const [from, to] = range;
  const height = rows.length * ROW + 30;
  const ticks = (from < 0 ? [-1, -0.5, 0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).map((t) => {
    const x = scale(t, from, to);
    return `<line x1="${x}" y1="4" x2="${x}" y2="${height - 22}" class="grid"/><text x="${x}" y="${height - 8}" class="tick">${t}</text>`;
  });
  const marks = rows.map(({ label, estimate }, i) => {
    const y = 14 + i * ROW;
    const text = `<text x="4" y="${y + 4}" class="label">${escapeXml(label)}</text>`;
    if (estimate.value === null) return `${text}<text x="${LABEL_WIDTH}" y="${y + 4}" class="note">n/a (${escapeXml(estimate.note ?? 'no units')})</text>`;
    const whisker = estimate.low !== null && estimate.high !== null ? `<line x1="${scale(estimate.low, from, to)}" y1="${y}" x2="${scale(estimate.high, from, to)}" y2="${y}" class="whisker"/>` : '';
    return `${text}${whisker}<circle cx="${scale(estimate.value, from, to)}" cy="${y}" r="4" class="dot"><title>${escapeXml(`${label}: ${estimate.value.toFixed(3)} [${estimate.low?.toFixed(3) ?? '?'}, ${estimate.high?.toFixed(3) ?? '?'}]`)}</title></circle>`;
  });
  return `<figure data-chart="whiskers"><figcaption>${escapeXml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img">${ticks.join('')}${marks.join('')}</svg></figure>`;
}

/** One bar of a stacked chart: a label and the count of each part. */
export interface StackedRow {
  label: string;
  parts: readonly { name: string; count: number }[];
}

/** Counts as stacked horizontal bars, each part coloured by its name's class. */
export function stackedBars(title: string, rows: readonly StackedRow[]): string {
  const height = rows.length * ROW + 10;
  const bars = rows.map(({ label, parts }, i) => {
    const y = 6 + i * ROW;
    const total = parts.reduce((sum, p) => sum + p.count, 0);
    let x = LABEL_WIDTH;
    const segments = parts
      .filter((p) => p.count > 0)
      .map((p) => {
        const width = (p.count / total) * (WIDTH - LABEL_WIDTH - 20);
        const rect = `<rect x="${x}" y="${y}" width="${width}" height="14" class="part-${escapeXml(p.name.replace(/[^a-z]+/g, '-'))}"><title>${escapeXml(`${p.name}: ${p.count}`)}</title></rect>`;
        x += width;
        return rect;
      });
    return `<text x="4" y="${y + 11}" class="label">${escapeXml(label)}</text>${segments.join('')}`;
  });
  return `<figure data-chart="verdicts"><figcaption>${escapeXml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img">${bars.join('')}</svg></figure>`;
}

/** One bin of a reliability diagram: its mean stated probability, its accuracy, its size. */
export interface ReliabilityBin {
  confidence: number;
  accuracy: number;
  count: number;
}

/** A reliability diagram: each bin's accuracy against its mean stated probability, sized by count, beside the diagonal. */
export function reliabilityDiagram(title: string, bins: readonly ReliabilityBin[]): string {
  const size = 240;
  const at = (v: number): number => 20 + v * (size - 40);
  const most = Math.max(1, ...bins.map((b) => b.count));
  const points = bins.map(
    (b) => `<circle cx="${at(b.confidence)}" cy="${size - at(b.accuracy)}" r="${2 + 6 * Math.sqrt(b.count / most)}" class="dot"><title>${escapeXml(`stated ${b.confidence.toFixed(2)}, right ${b.accuracy.toFixed(2)}, ${b.count} answers`)}</title></circle>`,
  );
  return (
    `<figure data-chart="reliability"><figcaption>${escapeXml(title)}</figcaption><svg viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img">` +
    `<rect x="20" y="20" width="${size - 40}" height="${size - 40}" class="frame"/><line x1="${at(0)}" y1="${size - at(0)}" x2="${at(1)}" y2="${size - at(1)}" class="diagonal"/>` +
    `<text x="${size / 2}" y="${size - 4}" class="tick">stated probability</text><text x="4" y="14" class="tick">share right</text>${points.join('')}</svg></figure>`
  );
}

/** One line of a trend chart: a label and its value in each run (null where the run has none). */
export interface TrendLine {
  label: string;
  values: readonly (number | null)[];
}

/** Values across runs, a line each, on [0, 1] (or [-1, 1] where a value is negative). */
export function trendChart(title: string, runs: readonly string[], lines: readonly TrendLine[]): string {
  const height = 200;
  const negative = lines.some((l) => l.values.some((v) => v !== null && v < 0));
  const [from, to] = negative ? [-1, 1] : [0, 1];
  const x = (i: number): number => LABEL_WIDTH + (runs.length <= 1 ? 0 : (i / (runs.length - 1)) * (WIDTH - LABEL_WIDTH - 20));
  const y = (v: number): number => 10 + (1 - (v - from) / (to - from)) * (height - 40);
  const paths = lines.map((line, k) => {
    const points = line.values.map((v, i) => (v === null ? null : `${x(i)},${y(v)}`)).filter((p): p is string => p !== null);
    return `<polyline points="${points.join(' ')}" class="trend trend-${k % 6}"><title>${escapeXml(line.label)}</title></polyline><text x="4" y="${14 + k * 16}" class="label trend-label-${k % 6}">${escapeXml(line.label)}</text>`;
  });
  const axis = runs.map((run, i) => `<text x="${x(i)}" y="${height - 8}" class="tick">${escapeXml(run)}</text>`);
  return `<figure data-chart="trend"><figcaption>${escapeXml(title)}</figcaption><svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img">${paths.join('')}${axis.join('')}</svg></figure>`;
}
