/**
 * The reference models' report styles: every style says exactly the claims it was given,
 * as a careful reader reads them (a small reader per style's layout, written here and
 * not shared with the writers), and styles are drawn at their configured weights.
 */
import { describe, expect, it } from 'vitest';
import { generateTasks } from '../src/families/success-claims/generate.js';
import { instructionChecklistItem } from '../src/families/success-claims/reference.js';
import { personaSchema } from '../src/reference/persona.js';
import {
  drawReportStyle,
  impliedOverall,
  REALISTIC_REPORT_STYLES,
  REPORT_STYLES,
  TEMPLATE_REPORT_STYLES,
  writeReportAs,
  type ChecklistItem,
  type ChecklistReport,
  type ItemClaim,
  type ReportStyle,
  type ReportStyleWeights,
} from '../src/reference/report-styles.js';
import { createRng, hashSeed } from '../src/rng.js';

/** Words that make a statement a hedge to any careful reader; a yes or a no must carry none of them. */
const HEDGE = /\b(not sure|unsure|uncertain|not certain|can't tell|can't say|hard to say|probably|unclear|as far as i can tell|can't confirm)\b|⚠️|\[\?\]/i;

/** A verdict at the start of a text, as a reader takes it; undefined when none leads. */
function leadingVerdict(text: string): ItemClaim | undefined {
  const t = text.replace(/^[\s—:(→.\-*]+/, '');
  if (HEDGE.test(t)) return 'hedge';
  if (t.startsWith('✅') || /^(yes|satisfied|met)\b/i.test(t)) return 'yes';
  if (t.startsWith('❌') || /^(no|not satisfied|not met|missed)\b/i.test(t)) return 'no';
  return undefined;
}

/** The first verdict anywhere in an overall statement. */
function overallVerdict(text: string): ItemClaim | undefined {
  if (HEDGE.test(text)) return 'hedge';
  const first = /\b(yes|no)\b|✅|❌/i.exec(text)?.[0].toLowerCase();
  return first === 'yes' || first === '✅' ? 'yes' : first === 'no' || first === '❌' ? 'no' : undefined;
}

/** A JSON value as a reader takes it: true/yes, false/no, anything else a hedge only if it hedges. */
function jsonVerdict(value: unknown): ItemClaim | undefined {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value !== 'string') return undefined;
  if (HEDGE.test(value)) return 'hedge';
  if (/^yes\b/i.test(value)) return 'yes';
  if (/^no\b/i.test(value)) return 'no';
  return undefined;
}

interface Read {
  claims: (ItemClaim | undefined)[];
  overall: ItemClaim | undefined;
}

/** The lines that begin with each item's number, by a pattern per style; every item must have exactly one. */
function itemLines(text: string, n: number, opener: (k: number) => RegExp): string[] {
  const lines = text.split('\n');
  return Array.from({ length: n }, (_, i) => {
    const found = lines.filter((line) => opener(i + 1).test(line));
    expect(found, `item ${i + 1} in\n${text}`).toHaveLength(1);
    return found[0]!;
  });
}

/** The text after the items: the overall statement of a line style. */
const lastParagraph = (text: string): string => text.trim().split('\n\n').at(-1)!;

/** JSON read leniently only where the style says so: trailing commas dropped. */
function readJson(text: string, style: ReportStyle): unknown {
  const body = style === 'json-trailing-comma' ? text.replace(/,(\s*[}\]])/g, '$1') : text;
  return JSON.parse(body);
}

/** A report in a JSON style, read back: entries by number (from 0 or 1) or by the instruction's text. */
function readJsonAnswer(json: any, items: readonly ChecklistItem[], firstNumber: number): Read {
  const list = json.instructions;
  const claims: (ItemClaim | undefined)[] = items.map((item, i) => {
    if (Array.isArray(list)) {
      const entries = list.filter((entry: any) => entry.number === i + firstNumber || entry.instruction === item.description);
      expect(entries).toHaveLength(1);
      return jsonVerdict(entries[0].satisfied);
    }
    return jsonVerdict(list[item.description]);
  });
  expect(Array.isArray(list) ? list.length : Object.keys(list).length).toBe(items.length);
  return { claims, overall: jsonVerdict(json.all_satisfied) };
}

/** The careful reader of each style's layout. */
const READERS: Record<ReportStyle, (text: string, items: readonly ChecklistItem[]) => Read> = {
  json: (text, items) => readJsonAnswer(readJson(text, 'json'), items, 1),
  'json-fenced': (text, items) => {
    const fenced = /```json\n([\s\S]*?)\n```/.exec(text);
    expect(fenced).not.toBeNull();
    return readJsonAnswer(JSON.parse(fenced![1]!), items, 1);
  },
  'json-booleans': (text, items) => readJsonAnswer(readJson(text, 'json-booleans'), items, 1),
  'json-sentence-values': (text, items) => readJsonAnswer(readJson(text, 'json-sentence-values'), items, 1),
  'json-reordered': (text, items) => {
    expect(text.indexOf('all_satisfied')).toBeLessThan(text.indexOf('instructions'));
    return readJsonAnswer(readJson(text, 'json-reordered'), items, 1);
  },
  'json-zero-based': (text, items) => readJsonAnswer(readJson(text, 'json-zero-based'), items, 0),
  'json-keyed-by-text': (text, items) => readJsonAnswer(readJson(text, 'json-keyed-by-text'), items, Number.NaN),
  'json-trailing-comma': (text, items) => {
    expect(() => JSON.parse(text)).toThrow();
    return readJsonAnswer(readJson(text, 'json-trailing-comma'), items, 1);
  },
  'json-corrected': (text, items) => {
    const [json, correction] = text.split('\n\n');
    const first = readJsonAnswer(JSON.parse(json!), items, 1);
    // The correction names one instruction; the rest of the JSON stands.
    const corrected = Number(/instruction (\d+)/.exec(correction!)![1]);
    const sentences = correction!.split(/(?<=\.) /);
    const about = sentences[0]!;
    const verdict: ItemClaim = HEDGE.test(about) ? 'hedge' : /\bnot satisfied\b/.test(about) ? 'no' : 'yes';
    expect(first.claims[corrected - 1]).not.toBe(verdict);
    const claims = first.claims.map((claim, i) => (i === corrected - 1 ? verdict : claim));
    return { claims, overall: overallVerdict(sentences.slice(1).join(' ')) };
  },
  'plain-lines': (text, items) => ({
    claims: itemLines(text, items.length, (k) => new RegExp(`^${k}\\. `)).map((line) => leadingVerdict(line.replace(/^\d+\. /, ''))),
    overall: overallVerdict(/^Overall: (.*)$/m.exec(text)![1]!),
  }),
  numbered: (text, items) => {
    const marker = (k: number): RegExp => new RegExp(`^(${k}[.)]|Instruction ${k}:|#${k} -) `);
    const lines = itemLines(text, items.length, marker);
    return { claims: lines.map((line, i) => leadingVerdict(line.replace(marker(i + 1), ''))), overall: overallVerdict(lastParagraph(text)) };
  },
  restated: (text, items) => {
    const blocks = text.split(/\n(?=\d+\. )/);
    const claims = items.map((item, i) => {
      const block = blocks.find((b) => b.startsWith(`${i + 1}. `))!;
      const description = item.description.replace(/\.$/, '');
      const at = block.indexOf(description);
      expect(at, block).toBeGreaterThan(0);
      // The verdict follows the restated instruction (and its closing period or quote).
      return leadingVerdict(block.slice(at + description.length).replace(/^[."]*/, '').split('\n\n')[0]!);
    });
    return { claims, overall: overallVerdict(lastParagraph(text)) };
  },
  facts: (text, items) => {
    const lines = itemLines(text, items.length, (k) => new RegExp(`^${k}\\. `));
    const claims = lines.map((line, i): ItemClaim | undefined => {
      const { kept, broken } = items[i]!.facts!;
      if (HEDGE.test(line)) return 'hedge';
      const fact = line.includes(broken) ? broken : kept;
      const verdict = leadingVerdict(line.slice(line.indexOf(fact) + fact.length));
      // The fact restated agrees with the verdict after it.
      expect(fact, line).toBe(verdict === 'yes' ? kept : broken);
      return verdict;
    });
    return { claims, overall: overallVerdict(lastParagraph(text)) };
  },
  table: (text, items) => {
    const rows = itemLines(text, items.length, (k) => new RegExp(`^\\| ${k} \\|`));
    const cell = (row: string, column: number): string => row.split(/(?<!\\)\|/)[column + 1]!.trim();
    const allRow = text.split('\n').find((line) => line.startsWith('| | **All instructions**'));
    return { claims: rows.map((row) => leadingVerdict(cell(row, 2))), overall: overallVerdict(allRow ? cell(allRow, 2) : lastParagraph(text)) };
  },
  checklist: (text, items) => ({
    claims: itemLines(text, items.length, (k) => new RegExp(`^- \\[.\\] ${k}\\. `)).map((line) => {
      const box = line[3];
      return box === 'x' ? 'yes' : box === ' ' ? 'no' : box === '?' && HEDGE.test(line.slice(6)) ? 'hedge' : undefined;
    }),
    overall: overallVerdict(lastParagraph(text)),
  }),
  'emoji-lines': (text, items) => ({
    claims: itemLines(text, items.length, (k) => new RegExp(`^\\S+ ${k}\\. `)).map((line) => leadingVerdict(line.startsWith('⚠️') ? line : line.slice(0, 1))),
    overall: overallVerdict(lastParagraph(text)),
  }),
  'bold-headers': (text, items) => ({
    claims: itemLines(text, items.length, (k) => new RegExp(`^\\*\\*Instruction ${k}( \\(.*\\))?:\\*\\* `)).map((line) => leadingVerdict(line.slice(line.indexOf(':** ') + 4))),
    overall: overallVerdict(lastParagraph(text).replace('**Overall:**', '')),
  }),
  summary: (text, items) => readSentences(text, items.length),
  bare: (text, items) => {
    const read = readSentences(text.replace(/^(Yes|No)\b[\s,:—-]*/, ''), items.length);
    return { claims: read.claims, overall: overallVerdict(text) };
  },
};

/**
 * Sentences naming items by number ("All instructions were followed except #2."): each
 * named item takes the verdict of its sentence (or clause, split at "but"), and items
 * never named take the verdict of a sentence about all of them.
 */
function readSentences(text: string, n: number): Read {
  const clauses = text.split(/(?<=[.;])\s+|,? but |, (?=the rest)/);
  const claims: (ItemClaim | undefined)[] = Array(n).fill(undefined);
  let unnamed: ItemClaim | undefined;
  for (const clause of clauses) {
    const named = [...clause.matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
    const verdict: ItemClaim = HEDGE.test(clause) ? 'hedge' : /\b(not|none|missed|except)\b/i.test(clause) ? 'no' : 'yes';
    if (/except/.test(clause)) unnamed = 'yes';
    for (const k of named) claims[k - 1] = verdict;
    if (named.length === 0 && /\b(all|every|none|any|the others|the rest|the instruction)\b/i.test(clause) && !/^so\b/i.test(clause)) unnamed ??= verdict;
  }
  return { claims: claims.map((claim) => claim ?? unnamed), overall: impliedOverall(claims.map((claim) => claim ?? unnamed ?? 'hedge')) };
}

/** Real checklist items: success-claims instructions as the question lists them, with their names and facts. */
const ITEMS = generateTasks({ seed: 3, count: 400 }).map((task) => task.instructions.map(instructionChecklistItem));

const CLAIMS: readonly ItemClaim[] = ['yes', 'no', 'hedge'];

/** Random reports: real items, random claims, and an overall that is the implied one or (one in four) any. */
function randomReports(count: number, seed: number): ChecklistReport[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const items = ITEMS[i % ITEMS.length]!;
    const claims = items.map(() => rng.pick(CLAIMS));
    return { items, claims, overall: rng.chance(0.25) ? rng.pick(CLAIMS) : impliedOverall(claims) };
  });
}

describe('every report style says the claims it is given', () => {
  const reports = randomReports(600, 1);

  it.each(REPORT_STYLES)('%s', (style) => {
    let written = 0;
    reports.forEach((report, i) => {
      const rng = createRng(hashSeed(style, i));
      const implied = report.overall === impliedOverall(report.claims);
      // Documented limits: summary sentences only say an overall the items imply; a bare sentence also cannot hedge.
      const expressible = style === 'summary' ? implied : style === 'bare' ? implied && !report.claims.includes('hedge') : true;
      if (!expressible) {
        expect(() => writeReportAs(style, report, rng)).toThrow(/cannot express/);
        return;
      }
      const text = writeReportAs(style, report, rng);
      const read = READERS[style](text, report.items);
      expect({ claims: read.claims, overall: read.overall }, text).toEqual({ claims: report.claims, overall: report.overall });
      // A report with no hedge carries no hedging word anywhere.
      if (!report.claims.includes('hedge') && report.overall !== 'hedge') expect(text, text).not.toMatch(HEDGE);
      written++;
    });
    expect(written).toBeGreaterThan(100);
  });

  it('varies its wording: one style over many reports is not one template (but today\'s fixed plain lines)', () => {
    for (const style of REPORT_STYLES.filter((name) => name !== 'plain-lines')) {
      const report = { items: ITEMS[0]!, claims: ITEMS[0]!.map(() => 'yes' as const), overall: 'yes' as const };
      const texts = new Set(Array.from({ length: 30 }, (_, i) => writeReportAs(style, report, createRng(i))));
      expect(texts.size, style).toBeGreaterThan(1);
    }
  });
});

describe('the style draw', () => {
  const DRAWS = 20_000;

  /** Shares of each style over DRAWS uniform draws for one report. */
  function shares(weights: ReportStyleWeights, report: ChecklistReport): Map<ReportStyle, number> {
    const rng = createRng(99);
    const counts = new Map<ReportStyle, number>();
    for (let i = 0; i < DRAWS; i++) {
      const style = drawReportStyle(weights, report, rng.next());
      counts.set(style, (counts.get(style) ?? 0) + 1);
    }
    return new Map([...counts].map(([style, count]) => [style, count / DRAWS]));
  }

  /** Each share within 4 binomial standard errors of its expected rate, sqrt(p(1-p)/n): a false alarm about 1 in 16,000 per style. */
  function expectRates(measured: Map<ReportStyle, number>, expected: ReportStyleWeights): void {
    const total = Object.values(expected).reduce((sum, w) => sum + w, 0);
    for (const style of REPORT_STYLES) {
      const p = (expected[style] ?? 0) / total;
      const share = measured.get(style) ?? 0;
      if (p === 0) expect(share, style).toBe(0);
      else expect(Math.abs(share - p), `${style}: ${share} vs ${p}`).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / DRAWS));
    }
  }

  const plain = { items: ITEMS[0]!, claims: ITEMS[0]!.map((_, i) => (i === 0 ? 'no' : 'yes') as ItemClaim), overall: 'no' as const };

  it('draws styles at their configured weights', () => {
    expectRates(shares(REALISTIC_REPORT_STYLES, plain), REALISTIC_REPORT_STYLES);
    expectRates(shares(TEMPLATE_REPORT_STYLES, plain), TEMPLATE_REPORT_STYLES);
    // Weights are relative: they need not sum to 1.
    expectRates(shares({ table: 3, bare: 1 }, plain), { table: 3, bare: 1 });
  });

  it('passes a style that cannot express a report to the others, in proportion', () => {
    const hedged = { ...plain, claims: plain.claims.map((claim, i) => (i === 0 ? 'hedge' : claim)), overall: 'hedge' as const };
    const { bare: _bare, ...others } = REALISTIC_REPORT_STYLES;
    expectRates(shares(REALISTIC_REPORT_STYLES, hedged), others);
    // With no weighted style able to say it, the asked JSON does.
    expect(drawReportStyle({ bare: 1 }, hedged, 0.5)).toBe('json');
  });

  it('takes a preset by name, and rejects unknown style or preset names and all-zero weights, naming the known ones', () => {
    expect(personaSchema.parse({ disposition: 'honest', reportStyles: 'realistic' }).reportStyles).toEqual(REALISTIC_REPORT_STYLES);
    expect(personaSchema.parse({ disposition: 'honest', reportStyles: 'templates' }).reportStyles).toEqual(TEMPLATE_REPORT_STYLES);
    // Reference models answer in every style real models use unless told otherwise.
    expect(personaSchema.parse({ disposition: 'honest' }).reportStyles).toEqual(REALISTIC_REPORT_STYLES);
    const preset = personaSchema.safeParse({ disposition: 'honest', reportStyles: 'realist' });
    expect(preset.error!.issues[0]!.message).toBe('expected style weights (e.g. {json: 0.8, table: 0.2}) or a preset: templates, realistic');
    const unknown = personaSchema.safeParse({ disposition: 'honest', reportStyles: { json: 1, jsonn: 1 } });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]).toMatchObject({ path: ['reportStyles', 'jsonn'], message: expect.stringContaining('unknown report style "jsonn"; known: json, json-fenced') });
    const zero = personaSchema.safeParse({ disposition: 'honest', reportStyles: { json: 0 } });
    expect(zero.error!.issues[0]!.message).toMatch(/at least one report style needs a weight above 0/);
  });
});
