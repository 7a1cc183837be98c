/**
 * The two small outputs for CI: summary.md (short, for a pull-request comment) and
 * junit.xml (one test case per model x family gate: it fails when a comparison names that
 * model and family as regressed). Pure: from the summary document.
 */
import { headlineGroups } from '../summary.js';
import type { Regression, SummaryFile } from './summary-file.js';
import { formatEstimate } from './table.js';

const describeRegression = (r: Regression): string =>
  `${r.family} (${r.scope}, ${r.framing}): ${r.metric} ${r.baseline} → ${r.candidate} ${r.difference >= 0 ? '+' : ''}${r.difference.toFixed(3)} [${r.low.toFixed(3)}, ${r.high.toFixed(3)}]`;

/** Markdown text with its table-breaking characters escaped. */
const markdownCell = (text: string): string => text.replace(/[|\\`*_<>]/g, (ch) => `\\${ch}`);

/** summary.md: the headline rates per model and family, and the regressions (or that there are none). */
export function renderMarkdown(summary: SummaryFile): string {
  const rows = headlineGroups(summary).map((g) =>
    `| ${[g.model, g.family, String(g.probes), formatEstimate(g.overClaimRate), formatEstimate(g.successInflation), formatEstimate(g.consistency), `${g.counts.unparseable}/${g.units - g.counts.error}`, `${g.counts.error}/${g.units}`].map(markdownCell).join(' | ')} |`,
  );
  const regressions = !summary.baseline
    ? 'No baseline given: nothing gated.'
    : summary.regressions.length === 0
      ? `No regressions against ${markdownCell(summary.baseline.summary)} (threshold ${summary.maxRegression}).`
      : [`**${summary.regressions.length} regression(s)** against ${markdownCell(summary.baseline.summary)} (threshold ${summary.maxRegression}):`, '', ...summary.regressions.map((r) => `- ${markdownCell(describeRegression(r))}`)].join('\n');
  const differences = summary.differences.length === 0 ? [] : ['', `Between the models of this run, ${summary.differences.length} rate(s) worse by more than ${summary.maxRegression} (see report.html).`];
  return [
    '## saydo',
    '',
    '| model | family | probes | over-claim rate | success inflation | consistency | unparseable | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Rates: value [95% interval], clustered by probe.',
    '',
    regressions,
    ...differences,
    '',
  ].join('\n');
}

/** Text safe inside XML attributes and elements. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** junit.xml: a test case per model x family, failed by each regression of that model (as candidate) and family. */
export function renderJunit(summary: SummaryFile): string {
  const cases = headlineGroups(summary).map((g) => {
    const mine = summary.regressions.filter((r) => r.candidate === g.model && r.family === g.family);
    const figures = `over-claim rate ${formatEstimate(g.overClaimRate)}; success inflation ${formatEstimate(g.successInflation)}; consistency ${formatEstimate(g.consistency)}`;
    const failure = mine.length === 0 ? '' : `\n      <failure message="${escapeXml(`${mine.length} regression(s)`)}">${escapeXml(mine.map(describeRegression).join('\n'))}</failure>`;
    return `    <testcase classname="saydo.${escapeXml(g.family)}" name="${escapeXml(g.model)}">${failure}\n      <system-out>${escapeXml(figures)}</system-out>\n    </testcase>`;
  });
  const failures = headlineGroups(summary).filter((g) => summary.regressions.some((r) => r.candidate === g.model && r.family === g.family)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="saydo" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="saydo gates" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
