/**
 * report.html: one self-contained page (no script, no network; a Content-Security-Policy
 * that forbids both) with, per family and model, the rates and their whiskers, the verdict
 * breakdown, calibration's reliability diagram, the family's own figures, the comparisons
 * with their verdicts, the trend across saved runs, and the most telling examples with
 * their transcripts. Model text is untrusted: every piece of it goes through `escapeXml`.
 * Pure: from the summary, the verdicts and the transcripts.
 */
import { reliabilityBins, type Confident } from '../calibration-metrics.js';
import type { GroupComparison } from '../comparison.js';
import type { SavedResult } from '../results.js';
import { headlineGroups, type GroupSummary } from '../summary.js';
import { VERDICT_LABELS, type Transcript, type Verdict } from '../types.js';
import { escapeXml } from './ci.js';
import type { SummaryFile } from './summary-file.js';
import { reliabilityDiagram, stackedBars, trendChart, whiskerChart, type WhiskerRow } from './svg.js';
import { formatEstimate } from './table.js';

/** One saved run's headline figures, for the trend. */
export interface HistoryEntry {
  label: string;
  groups: { model: string; family: string; overClaimRate: number | null; successInflation: number | null; consistency: number | null }[];
}

export interface ReportPage {
  summary: SummaryFile;
  verdicts: readonly Verdict[];
  results: readonly SavedResult[];
  history?: readonly HistoryEntry[];
  /** Examples shown per model and family. */
  examplesPerGroup?: number;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}h3{margin-top:1.4rem}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f7}.regression{background:#fde2e1}.better{background:#e3f6e5}
figure{margin:.8rem 0}figcaption{font-weight:600;margin-bottom:.2rem}
svg text{font:11px system-ui,sans-serif;fill:#333}.tick{text-anchor:middle;fill:#777}.note{fill:#999}
.grid{stroke:#eee}.whisker{stroke:#2b59c3;stroke-width:2}.dot{fill:#2b59c3}.frame{fill:none;stroke:#ccc}.diagonal{stroke:#aaa;stroke-dasharray:4 3}
.part-consistent{fill:#7bc47f}.part-over-claim{fill:#e4572e}.part-under-claim{fill:#f3a712}.part-mismatch{fill:#a05195}.part-unparseable{fill:#bbb}.part-error{fill:#555}
.trend{fill:none;stroke-width:2}.trend-0{stroke:#2b59c3}.trend-1{stroke:#e4572e}.trend-2{stroke:#7bc47f}.trend-3{stroke:#a05195}.trend-4{stroke:#f3a712}.trend-5{stroke:#555}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
pre{white-space:pre-wrap;background:#f5f5f7;padding:.5rem;max-height:24rem;overflow:auto}details{margin:.3rem 0}
.banner{padding:.6rem 1rem;border-radius:6px}.banner.bad{background:#fde2e1}.banner.good{background:#e3f6e5}
`;

const LEGEND_COLOURS: Record<string, string> = { consistent: '#7bc47f', 'over-claim': '#e4572e', 'under-claim': '#f3a712', mismatch: '#a05195', unparseable: '#bbb', error: '#555' };

/** The models of the groups, in first-seen order. */
const modelsOf = (groups: readonly GroupSummary[]): string[] => [...new Set(groups.map((g) => g.model))];

/** A group's row label: its model, and its scope and framing where the family has several. */
const groupLabel = (g: GroupSummary, several: boolean): string => (several ? `${g.model} · ${g.scope} · ${g.framing}` : g.model);

/** The rates of a family's groups, a whisker chart per rate. */
function rateCharts(groups: readonly GroupSummary[]): string {
  const several = new Set(groups.map((g) => `${g.scope}\u0000${g.framing}`)).size > 1;
  const chart = (title: string, pick: (g: GroupSummary) => WhiskerRow['estimate'], range?: [number, number]) =>
    whiskerChart(title, groups.map((g) => ({ label: groupLabel(g, several), estimate: pick(g) })), range);
  const directed = groups.some((g) => g.overClaimRate.value !== null || g.underClaimRate.value !== null);
  return [
    chart('consistency', (g) => g.consistency),
    ...(directed
      ? [chart('over-claim rate', (g) => g.overClaimRate), chart('under-claim rate', (g) => g.underClaimRate), chart('success inflation', (g) => g.successInflation, [-1, 1])]
      : []),
    chart('unparseable rate', (g) => g.unparseableRate),
  ].join('\n');
}

/** Each group's verdicts, counted, as stacked bars with a legend. */
function verdictBreakdown(groups: readonly GroupSummary[]): string {
  const several = new Set(groups.map((g) => `${g.scope}\u0000${g.framing}`)).size > 1;
  const legend = `<p class="legend">${VERDICT_LABELS.map((label) => `<span><i style="background:${LEGEND_COLOURS[label]}"></i>${label}</span>`).join('')}</p>`;
  const bars = stackedBars(
    'verdicts',
    groups.map((g) => ({ label: groupLabel(g, several), parts: VERDICT_LABELS.map((name) => ({ name, count: g.counts[name] })) })),
  );
  const table = `<table><tr><th>model</th><th>scope</th><th>framing</th>${VERDICT_LABELS.map((l) => `<th>${l}</th>`).join('')}</tr>${groups
    .map((g) => `<tr><td>${escapeXml(g.model)}</td><td>${escapeXml(g.scope)}</td><td>${g.framing}</td>${VERDICT_LABELS.map((l) => `<td>${g.counts[l]}</td>`).join('')}</tr>`)
    .join('')}</table>`;
  return `${legend}${bars}${table}`;
}

/** Reliability diagrams, one per model and scope, where claims state a probability. */
function reliabilitySection(family: string, verdicts: readonly Verdict[], groups: readonly GroupSummary[]): string {
  const stated = groups.filter((g) => g.confidence !== null && g.framing === groups.find((h) => h.model === g.model && h.scope === g.scope)!.framing);
  if (stated.length === 0) return '';
  const diagrams = stated.map((g) => {
    const items: Confident[] = verdicts
      .filter((v) => v.family === family && v.model === g.model && v.scope === g.scope && v.framing === g.framing && v.confidence !== undefined && typeof v.observation === 'boolean')
      .map((v) => ({ confidence: v.confidence!, correct: v.observation === true }));
    const { brier, expectedCalibrationError, overConfidence, auroc } = g.confidence!;
    const caption = `${g.model} · ${g.scope} — ECE ${formatEstimate(expectedCalibrationError)}, Brier ${formatEstimate(brier)}, over-confidence ${formatEstimate(overConfidence)}, AUROC ${formatEstimate(auroc)}`;
    return reliabilityDiagram(caption, reliabilityBins(items));
  });
  return `<h3>Calibration: stated probability against the share right</h3>${diagrams.join('\n')}`;
}

/** The family's own figures, a whisker chart per model (shares on [0, 1], differences on [-1, 1]). */
function figuresSection(groups: readonly GroupSummary[]): string {
  const withFigures = groups.filter((g) => g.figures.length > 0 && g.framing === groups.find((h) => h.model === g.model)!.framing);
  if (withFigures.length === 0) return '';
  const charts = withFigures.map((g) => {
    const shares = g.figures.filter((f) => f.share);
    const differences = g.figures.filter((f) => !f.share);
    return [
      // Consistency beside the shares: for self-prediction it is the accuracy its baselines are measured against.
      whiskerChart(`${g.model}: ${g.family}'s own figures`, [{ label: 'consistency', estimate: g.consistency }, ...shares.map((f) => ({ label: f.name, estimate: f.estimate }))]),
      differences.length > 0 ? whiskerChart(`${g.model}: differences`, differences.map((f) => ({ label: f.name, estimate: f.estimate })), [-1, 1]) : '',
    ].join('\n');
  });
  return `<h3>The family's own figures</h3>${charts.join('\n')}`;
}

/** The last user message and the reply of each call, as text a person reads. */
function transcriptText(transcript: Transcript): string {
  return transcript.calls
    .map((call, i) => {
      const asked = call.request.messages.at(-1)?.content ?? '';
      const answered = call.response?.text ?? `(failed: ${call.error ?? 'no response'})`;
      return `[${i + 1}] ${call.purpose}${call.framing ? ` · ${call.framing}` : ''}${call.unit ? ` · ${call.unit}` : ''}\n> ${asked}\n\n${answered}`;
    })
    .join('\n\n');
}

/** The most telling examples of a family: over-claims first, then mismatches and under-claims, with their transcripts. */
function examplesSection(family: string, page: ReportPage): string {
  const perGroup = page.examplesPerGroup ?? 3;
  const telling = (['over-claim', 'mismatch', 'under-claim'] as const).flatMap((label) => page.verdicts.filter((v) => v.family === family && v.verdict === label && v.framing === 'neutral'));
  const chosen = [...new Set(telling.map((v) => v.model))].flatMap((model) => telling.filter((v) => v.model === model).slice(0, perGroup));
  if (chosen.length === 0) return '';
  const items = chosen.map((v) => {
    const result = page.results.find((r) => r.probe.id === v.probeId && r.model === v.model);
    const transcript = result ? `<details><summary>transcript</summary><pre>${escapeXml(transcriptText(result.transcript))}</pre></details>` : '';
    return `<tr><td>${escapeXml(v.model)}</td><td>${escapeXml(v.probeId)}</td><td>${escapeXml(v.unit)}</td><td>${escapeXml(String(v.claim))}</td><td>${escapeXml(String(v.observation))}</td><td>${v.verdict}</td><td>${transcript}</td></tr>`;
  });
  return `<h3>Examples: what the model said beside what it did</h3><table><tr><th>model</th><th>probe</th><th>unit</th><th>claimed</th><th>did</th><th>verdict</th><th></th></tr>${items.join('')}</table>`;
}

/** The comparisons of a family, with each rate's difference, McNemar p and verdict. */
function comparisonRows(comparisons: readonly GroupComparison[]): string {
  return comparisons
    .flatMap((c) =>
      c.metrics.map((m) => {
        const verdict = m.regression ? 'regression' : m.difference.low !== null && m.difference.high !== null && (m.difference.low > 0 || m.difference.high < 0) ? 'changed' : 'no clear difference';
        const cls = m.regression ? ' class="regression"' : '';
        return `<tr${cls}><td>${escapeXml(c.family)}</td><td>${escapeXml(c.scope)} · ${escapeXml(c.framing)}</td><td>${escapeXml(c.baseline)} → ${escapeXml(c.candidate)}</td><td>${c.probes}</td><td>${m.metric} (${m.worse} is worse)</td><td>${m.baselineValue?.toFixed(3) ?? 'n/a'} → ${m.candidateValue?.toFixed(3) ?? 'n/a'}</td><td>${formatEstimate(m.difference, 3)}</td><td>${m.mcnemar.worseForCandidate}/${m.mcnemar.worseForBaseline}, p = ${m.mcnemar.p.toPrecision(3)}</td><td>${verdict}</td></tr>`;
      }),
    )
    .join('');
}

function comparisonsSection(summary: SummaryFile): string {
  const all = [...summary.comparisons, ...(summary.baseline?.comparisons ?? [])];
  if (all.length === 0) return '<h2>Comparisons</h2><p>One model in this run and no baseline: nothing to compare.</p>';
  return (
    `<h2>Comparisons</h2><p>Candidate minus baseline on the probes both ran; paired cluster-bootstrap 95% intervals; exact McNemar on per-probe outcomes (probes worse for the candidate / for the baseline). A regression moves the unfavourable way by more than ${summary.maxRegression} with an interval that excludes 0.</p>` +
    `<table data-table="comparisons"><tr><th>family</th><th>scope · framing</th><th>baseline → candidate</th><th>probes</th><th>rate</th><th>values</th><th>difference</th><th>McNemar</th><th>verdict</th></tr>${comparisonRows(all)}</table>`
  );
}

function trendSection(history: readonly HistoryEntry[] | undefined): string {
  if (!history || history.length === 0) return '';
  const keys = [...new Set(history.flatMap((h) => h.groups.map((g) => `${g.model} · ${g.family}`)))];
  const line = (pick: (g: HistoryEntry['groups'][number]) => number | null) =>
    keys.map((label) => ({ label, values: history.map((h) => { const g = h.groups.find((x) => `${x.model} · ${x.family}` === label); return g ? pick(g) : null; }) }));
  const runs = history.map((h) => h.label);
  return `<h2>Across runs</h2>${trendChart('over-claim rate', runs, line((g) => g.overClaimRate))}${trendChart('success inflation', runs, line((g) => g.successInflation))}`;
}

/** The headline table: each model x family's first scope and framing, its main rates with their intervals. */
function headlineTable(summary: SummaryFile): string {
  const headline = headlineGroups(summary);
  const cells = (g: GroupSummary) =>
    [g.model, g.family, String(g.probes), formatEstimate(g.consistency), formatEstimate(g.overClaimRate), formatEstimate(g.successInflation), `${g.counts.unparseable}/${g.units - g.counts.error}`, `${g.counts.error}/${g.units}`]
      .map((cell) => `<td>${escapeXml(cell)}</td>`)
      .join('');
  return `<table data-table="headline"><tr><th>model</th><th>family</th><th>probes</th><th>consistency</th><th>over-claim rate</th><th>success inflation</th><th>unparseable</th><th>errors</th></tr>${headline.map((g) => `<tr>${cells(g)}</tr>`).join('')}</table>`;
}

/** The whole page. */
export function renderReportPage(page: ReportPage): string {
  const { summary } = page;
  const families = [...new Set(summary.groups.map((g) => g.family))];
  const banner = !summary.baseline
    ? ''
    : summary.regressions.length > 0
      ? `<p class="banner bad"><strong>${summary.regressions.length} regression(s) against ${escapeXml(summary.baseline.summary)}</strong>: ${summary.regressions.map((r) => escapeXml(`${r.family} ${r.metric} ${r.baseline} → ${r.candidate} ${r.difference >= 0 ? '+' : ''}${r.difference.toFixed(3)}`)).join('; ')}</p>`
      : `<p class="banner good">No regressions against ${escapeXml(summary.baseline.summary)} (threshold ${summary.maxRegression}).</p>`;
  const sections = families.map((family) => {
    const groups = summary.groups.filter((g) => g.family === family);
    const suggestibility = summary.suggestibility.filter((s) => s.family === family);
    const suggestible = suggestibility.length > 0 ? whiskerChart('suggestibility (confirming minus skeptical framing)', suggestibility.map((s) => ({ label: `${s.model} · ${s.scope}`, estimate: s.suggestibility })), [-1, 1]) : '';
    return `<section data-family="${escapeXml(family)}"><h2>${escapeXml(family)}</h2>${rateCharts(groups)}${suggestible}<h3>Verdicts</h3>${verdictBreakdown(groups)}${reliabilitySection(family, page.verdicts, groups)}${figuresSection(groups)}${examplesSection(family, page)}</section>`;
  });
  const pooled = summary.pooled.length > 0 ? `<h2>All families pooled</h2>${rateCharts(summary.pooled)}` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>saydo report</title><style>${STYLE}</style></head><body>`,
    `<h1>saydo: what the models said against what they did</h1>`,
    `<p>Runs: ${summary.runs.map(escapeXml).join(', ')} · models: ${modelsOf(summary.groups).map(escapeXml).join(', ')} · every rate with its 95% interval, clustered by probe.</p>`,
    banner,
    headlineTable(summary),
    pooled,
    ...sections,
    comparisonsSection(summary),
    trendSection(page.history),
    `<p><small>Schema of summary.json: ${summary.schema}. Transcripts and promptfoo's own view: <code>npx promptfoo view</code>.</small></p>`,
    '</body></html>',
    '',
  ].join('\n');
}
