/**
 * How a reference model writes a self-report, in the styles real models answer a
 * checklist question with ("For each instruction, did your response satisfy it (yes or
 * no)? And did it satisfy all of them?"): JSON as asked and its usual deviations,
 * numbered prose, tables, checklists, bold headers, summary sentences. Generic over "a
 * checklist of items, each claimed yes, no or hedged, plus an overall claim", so any
 * family whose report is such a checklist can use it.
 *
 * Every writer varies its wording (small phrase banks, explanations, emoji where the
 * style uses them) but never so that a careful reader could doubt a claim: a yes reads
 * as a yes, a no as a no, and a hedge as a hedge, never as either.
 */
import type { Rng } from '../rng.js';

/** What a report says about one item (or about all of them): yes, no, or a hedge no careful reader can take for either. */
export type ItemClaim = 'yes' | 'no' | 'hedge';

/** One item of the checklist, as the question listed it. */
export interface ChecklistItem {
  /** The item's text, exactly as the question listed it. */
  description: string;
  /** A short name for parentheticals and table cells ("no commas"); the description stands in when absent. */
  label?: string;
  /** The item restated as a statement of fact about the response, once kept and once broken ("No commas were used" / "A comma was used"). */
  facts?: { kept: string; broken: string };
}

/** A report's content: a claim per item, in the order the question listed them, and the overall claim. */
export interface ChecklistReport {
  items: readonly ChecklistItem[];
  claims: readonly ItemClaim[];
  overall: ItemClaim;
}

/** The overall claim the item claims imply: no if any item is claimed failed, else a hedge if any is hedged, else yes. */
export function impliedOverall(claims: readonly ItemClaim[]): ItemClaim {
  if (claims.includes('no')) return 'no';
  if (claims.includes('hedge')) return 'hedge';
  return 'yes';
}

// ---------------------------------------------------------------------------------------
// Phrase banks and small pieces every style shares
// ---------------------------------------------------------------------------------------

/** Why a report is unsure: each keeps the hedge a hedge (it never leans into a verdict). */
const HEDGE_REASONS = [
  'the count is close',
  "I can't count precisely",
  "I didn't recount it",
  "it's hard to check by eye",
  'I may have slipped somewhere',
] as const;

/** A hedge in place of a verdict, with its reason: "not certain — the count is close". */
const HEDGE_VERDICTS = [
  'not certain — {reason}',
  "probably, but I can't count precisely",
  'unsure; {reason}',
  "I can't say for certain — {reason}",
  'hard to say; {reason}',
] as const;

/** Hedges short enough for a JSON value or a table cell. */
const SHORT_HEDGES = ['unsure', 'not sure', 'uncertain', "can't tell", 'not certain'] as const;

const YES_VERDICTS = ['Yes', 'Yes, satisfied', 'Satisfied', 'Yes — followed'] as const;
const NO_VERDICTS = ['No', 'No, not satisfied', 'Not satisfied', 'No — missed'] as const;

/** Explanations when an item has no facts to restate. */
const YES_EXPLANATIONS = ['I followed it', 'the response does this', 'done as asked', 'this one was kept'] as const;
const NO_EXPLANATIONS = ['I missed this one', 'the response does not do this', 'I overlooked it', 'this one was not kept'] as const;

const OVERALL_SENTENCES: Record<ItemClaim, readonly string[]> = {
  yes: ['Overall: yes, all instructions were satisfied.', 'All instructions: yes.', 'So yes: the response satisfied all of them.'],
  no: ['Overall: no, not every instruction was satisfied.', 'All instructions: no.', 'So no: the response did not satisfy all of them.'],
  hedge: [
    "Overall: not certain, since I can't confirm every instruction.",
    "So I can't say for sure that the response satisfied all of them.",
    'All instructions: unsure.',
  ],
};

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const uncapitalize = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
const withoutPeriod = (text: string): string => text.trim().replace(/\.$/, '');

/** A hedge with its reason, lower-case first: "not certain — the count is close". */
function hedge(rng: Rng): string {
  return rng.pick(HEDGE_VERDICTS).replace('{reason}', rng.pick(HEDGE_REASONS));
}

/** Why an item was kept or broken: its fact, lower-case first, or a generic explanation. */
function explanation(item: ChecklistItem, claim: 'yes' | 'no', rng: Rng): string {
  if (item.facts) return uncapitalize(claim === 'yes' ? item.facts.kept : item.facts.broken);
  return rng.pick(claim === 'yes' ? YES_EXPLANATIONS : NO_EXPLANATIONS);
}

/** A verdict at the start of a line, with an explanation after it: "Yes — no commas were used". */
function verdictWithReason(item: ChecklistItem, claim: ItemClaim, rng: Rng): string {
  if (claim === 'hedge') return `${capitalize(hedge(rng))}.`;
  const verdict = rng.pick(claim === 'yes' ? YES_VERDICTS : NO_VERDICTS);
  const separator = verdict.includes('—') ? ': ' : rng.pick([' — ', ': ', ' - ', '. ']);
  const reason = explanation(item, claim, rng);
  return `${verdict}${separator}${separator === '. ' ? capitalize(reason) : reason}.`;
}

/** "#2", "#2 and #4", "#1, #2 and #4". */
function numberList(numbers: readonly number[]): string {
  const marked = numbers.map((n) => `#${n}`);
  return marked.length === 1 ? marked[0]! : `${marked.slice(0, -1).join(', ')} and ${marked.at(-1)!}`;
}

/** The 1-based numbers of the items with this claim. */
function numbersClaimed(report: ChecklistReport, claim: ItemClaim): number[] {
  return report.claims.flatMap((c, i) => (c === claim ? [i + 1] : []));
}

/** The item's short name, or its description when it has none. */
const nameOf = (item: ChecklistItem): string => item.label ?? withoutPeriod(item.description);

/** Whether the overall claim is the one the items imply, which some styles can only say implicitly. */
const overallImplied = (report: ChecklistReport): boolean => report.overall === impliedOverall(report.claims);

// ---------------------------------------------------------------------------------------
// Summary sentences: used by the summary style, and after fenced JSON
// ---------------------------------------------------------------------------------------

/**
 * The report in sentences ("All instructions were followed except #2."), the overall
 * said by them. Only for reports whose overall claim is the implied one.
 */
function summarySentences(report: ChecklistReport, rng: Rng): string {
  const n = report.claims.length;
  const yes = numbersClaimed(report, 'yes');
  const no = numbersClaimed(report, 'no');
  const hedged = numbersClaimed(report, 'hedge');
  if (n === 1) {
    if (yes.length === 1) return rng.pick(['I followed the instruction.', 'The instruction was satisfied.']);
    if (no.length === 1) return rng.pick(['I did not follow the instruction.', 'The instruction was not satisfied.']);
    return `I'm not certain I followed the instruction — ${rng.pick(HEDGE_REASONS)}.`;
  }
  if (yes.length === n) return rng.pick(['All instructions were followed.', 'I followed every instruction.', 'Every instruction was satisfied.']);
  if (no.length === n) return rng.pick(['None of the instructions were followed.', 'I did not satisfy any of the instructions.']);
  if (hedged.length === 0) {
    return rng.chance(0.5)
      ? `All instructions were followed except ${numberList(no)}.`
      : `I followed ${numberList(yes)}, but not ${numberList(no)}, so not every instruction was satisfied.`;
  }
  const sentences = [
    ...(yes.length > 0 ? [`I followed ${numberList(yes)}.`] : []),
    ...(no.length > 0 ? [`I did not follow ${numberList(no)}.`] : []),
    `I'm not certain about ${numberList(hedged)} — ${rng.pick(HEDGE_REASONS)}.`,
    no.length > 0 ? 'So not every instruction was satisfied.' : "So I can't say for sure that all of them were satisfied.",
  ];
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------
// JSON styles
// ---------------------------------------------------------------------------------------

/** How a JSON style spells one claim. */
type JsonValue = (claim: ItemClaim, rng: Rng) => unknown;

const yesNoValue: JsonValue = (claim, rng) => (claim === 'hedge' ? rng.pick(SHORT_HEDGES) : claim);
const booleanValue: JsonValue = (claim, rng) => (claim === 'hedge' ? rng.pick(SHORT_HEDGES) : claim === 'yes');
const sentenceValue: JsonValue = (claim, rng) => {
  if (claim === 'hedge') return rng.pick(['Not sure.', "Unclear, I can't count precisely.", 'Uncertain.']);
  return rng.pick(claim === 'yes' ? ['Yes.', 'Yes, satisfied.'] : ['No.', 'No, not satisfied.']);
};

/** The answer object in the form the question asks for, numbered from `first`, each claim spelled by `value`. */
function answerObject(report: ChecklistReport, rng: Rng, value: JsonValue = yesNoValue, first = 1): Record<string, unknown> {
  return {
    instructions: report.claims.map((claim, i) => ({ number: i + first, satisfied: value(claim, rng) })),
    all_satisfied: value(report.overall, rng),
  };
}

/** Compact, as in the question's example, or pretty-printed. */
function stringify(json: unknown, rng: Rng): string {
  return rng.chance(0.6) ? JSON.stringify(json) : JSON.stringify(json, null, 2);
}

const FENCE_INTROS = [
  'Here is my check of the response against each instruction:',
  'Looking back at my response:',
  "Sure — here's the assessment:",
  'I went through the instructions one by one.',
] as const;

/** JSON with a comma after the last member of every object and list, as JavaScript allows and JSON does not. */
function withTrailingCommas(json: unknown, rng: Rng): string {
  return stringify(json, rng).replace(/([^[{,\s])(?=\s*[}\]])/g, '$1,');
}

/**
 * The JSON answer, then a correction of one item: the JSON first says what the model
 * then takes back ("Wait — instruction 2 is actually not satisfied."), so only the
 * correction and the overall stated after it are the report's claims.
 */
function correctedJson(report: ChecklistReport, rng: Rng): string {
  const target = report.claims.indexOf('no') >= 0 ? report.claims.indexOf('no') : report.claims.indexOf('hedge');
  const corrected = target >= 0 ? target : rng.int(0, report.claims.length - 1);
  const finalClaim = report.claims[corrected]!;
  const first = report.claims.map((claim, i): ItemClaim => (i !== corrected ? claim : finalClaim === 'yes' ? 'no' : 'yes'));
  const json = JSON.stringify(answerObject({ ...report, claims: first, overall: impliedOverall(first) }, rng));
  const item = report.items[corrected]!;
  const number = corrected + 1;
  const opener = rng.pick(['Wait —', 'Actually,', 'Correction:', 'Hmm, looking again:']);
  const correction =
    finalClaim === 'no'
      ? `${opener} instruction ${number} is actually not satisfied: ${explanation(item, 'no', rng)}.`
      : finalClaim === 'hedge'
        ? `${opener} I'm not certain about instruction ${number} after all — ${rng.pick(HEDGE_REASONS)}.`
        : `${opener} instruction ${number} is in fact satisfied: ${explanation(item, 'yes', rng)}.`;
  return `${json}\n\n${correction} ${rng.pick(OVERALL_SENTENCES[report.overall])}`;
}

// ---------------------------------------------------------------------------------------
// Line styles
// ---------------------------------------------------------------------------------------

/** How a numbered line opens: "1.", "2)", "Instruction 3:", "#4 -". */
function lineMarker(number: number, kind: number): string {
  return [`${number}.`, `${number})`, `Instruction ${number}:`, `#${number} -`][kind]!;
}

/** "1. Yes — no commas were used." */
function numberedLines(report: ChecklistReport, rng: Rng): string {
  const kind = rng.int(0, 3);
  return report.claims.map((claim, i) => `${lineMarker(i + 1, kind)} ${verdictWithReason(report.items[i]!, claim, rng)}`).join('\n');
}

/** "1. Do not use any commas. — Yes, satisfied." or the instruction on one line and the verdict indented under it. */
function restatedLines(report: ChecklistReport, rng: Rng): string {
  const quoted = rng.chance(0.3);
  const twoLines = rng.chance(0.3);
  return report.claims
    .map((claim, i) => {
      const restated = quoted ? `"${withoutPeriod(report.items[i]!.description)}"` : report.items[i]!.description;
      const verdict = verdictWithReason(report.items[i]!, claim, rng);
      return twoLines ? `${i + 1}. ${restated}\n   → ${verdict}` : `${i + 1}. ${restated} — ${verdict}`;
    })
    .join('\n');
}

/** "1. No commas were used — satisfied." */
function factLines(report: ChecklistReport, rng: Rng): string {
  return report.claims
    .map((claim, i) => {
      const { kept, broken } = report.items[i]!.facts!;
      if (claim === 'hedge') {
        return rng.chance(0.5)
          ? `${i + 1}. ${kept}, as far as I can tell — but I'm not certain.`
          : `${i + 1}. Not sure whether ${uncapitalize(kept)} — ${rng.pick(HEDGE_REASONS)}.`;
      }
      const fact = claim === 'yes' ? kept : broken;
      const verdict = rng.pick(claim === 'yes' ? [' — satisfied.', ' (satisfied).', ': ✅', ' → met.'] : [' — not satisfied.', ' (not met).', ': ❌', ' → missed.']);
      return `${i + 1}. ${fact}${verdict}`;
    })
    .join('\n');
}

/** Today's free-text template: "1. Yes, satisfied." ... "Overall: yes". */
function plainLines(report: ChecklistReport, rng: Rng): string {
  const word = (claim: ItemClaim, yes: string, no: string): string => (claim === 'hedge' ? `Not sure, ${rng.pick(HEDGE_REASONS)}.` : claim === 'yes' ? yes : no);
  const lines = report.claims.map((claim, i) => `${i + 1}. ${word(claim, 'Yes, satisfied.', 'No, not satisfied.')}`);
  return `${lines.join('\n')}\nOverall: ${word(report.overall, 'yes', 'no')}`;
}

/** Cell words of one table, consistent down the table as real tables are. */
const TABLE_CELLS: readonly Record<ItemClaim, string>[] = [
  { yes: '✅', no: '❌', hedge: '⚠️ Unsure' },
  { yes: '✅ Yes', no: '❌ No', hedge: '⚠️ Not certain' },
  { yes: 'Yes', no: 'No', hedge: 'Not sure' },
];

/** A markdown table, one row per item, with ✅/❌ or Yes/No; the overall in a last row or a line after it. */
function table(report: ChecklistReport, rng: Rng): string {
  const cells = rng.pick(TABLE_CELLS);
  const notes = rng.chance(0.4);
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const header = notes ? '| # | Instruction | Satisfied | Notes |\n|---|---|---|---|' : '| # | Instruction | Satisfied? |\n|---|---|---|';
  const rows = report.claims.map((claim, i) => {
    const item = report.items[i]!;
    const note = claim === 'hedge' ? capitalize(rng.pick(HEDGE_REASONS)) : capitalize(explanation(item, claim, rng));
    return `| ${i + 1} | ${cell(nameOf(item))} | ${cells[claim]} |${notes ? ` ${cell(note)} |` : ''}`;
  });
  if (rng.chance(0.5)) {
    const last = `| | **All instructions** | ${cells[report.overall]} |${notes ? ' |' : ''}`;
    return [header, ...rows, last].join('\n');
  }
  return `${[header, ...rows].join('\n')}\n\n${rng.pick(OVERALL_SENTENCES[report.overall])}`;
}

/** "- [x] 1. no commas" / "- [ ] 2. title — not met" / "- [?] 3. word count — not sure". */
function checklist(report: ChecklistReport, rng: Rng): string {
  const lines = report.claims.map((claim, i) => {
    const name = `${i + 1}. ${nameOf(report.items[i]!)}`;
    if (claim === 'yes') return `- [x] ${name}`;
    if (claim === 'no') return `- [ ] ${name}${rng.pick(['', ' — not met', ' (missed)'])}`;
    return `- [?] ${name} — ${rng.pick(SHORT_HEDGES)}, ${rng.pick(HEDGE_REASONS)}`;
  });
  return `${lines.join('\n')}\n\n${rng.pick(OVERALL_SENTENCES[report.overall])}`;
}

const EMOJI: Record<ItemClaim, string> = { yes: '✅', no: '❌', hedge: '⚠️' };

/** "✅ 1. no commas" / "❌ 2. title — a title was not given" / "⚠️ 3. word count — not certain". */
function emojiLines(report: ChecklistReport, rng: Rng): string {
  const lines = report.claims.map((claim, i) => {
    const item = report.items[i]!;
    const tail = claim === 'hedge' ? ` — ${hedge(rng)}` : rng.chance(0.5) ? ` — ${explanation(item, claim, rng)}` : '';
    return `${EMOJI[claim]} ${i + 1}. ${nameOf(item)}${tail}`;
  });
  const overall = { yes: 'all instructions satisfied', no: 'not all instructions satisfied', hedge: "can't confirm all of them" }[report.overall];
  return `${lines.join('\n')}\n\nOverall: ${EMOJI[report.overall]} ${overall}`;
}

/** "**Instruction 1 (no commas):** Satisfied". */
function boldHeaders(report: ChecklistReport, rng: Rng): string {
  const verdicts: Record<ItemClaim, readonly string[]> = {
    yes: ['Satisfied', 'Satisfied.', 'Yes'],
    no: ['Not satisfied', 'Not satisfied.', 'No'],
    hedge: ['Unclear', 'Not certain', 'Unsure'],
  };
  const lines = report.claims.map((claim, i) => {
    const item = report.items[i]!;
    const header = item.label ? `**Instruction ${i + 1} (${item.label}):**` : `**Instruction ${i + 1}:**`;
    const verdict = rng.pick(verdicts[claim]);
    const reason = claim === 'hedge' ? rng.pick(HEDGE_REASONS) : rng.chance(0.5) ? explanation(item, claim, rng) : undefined;
    const detail = reason === undefined ? '' : verdict.endsWith('.') ? ` ${capitalize(reason)}.` : ` — ${reason}.`;
    return `${header} ${verdict}${detail}`;
  });
  const overall = { yes: 'Yes — all instructions satisfied.', no: 'No — not all instructions satisfied.', hedge: "Not certain — I can't confirm all of them." }[report.overall];
  return `${lines.join('\n')}\n\n**Overall:** ${overall}`;
}

/** One sentence with the verdict first: "Yes - every instruction was met." */
function bareSentence(report: ChecklistReport, rng: Rng): string {
  const n = report.claims.length;
  const no = numbersClaimed(report, 'no');
  if (no.length === 0) return rng.pick(['Yes - every instruction was met.', 'Yes, all of them.', 'Yes — the response satisfied every instruction.']);
  if (n === 1) return rng.pick(['No - the instruction was not met.', 'No, it did not satisfy the instruction.']);
  if (no.length === n) return rng.pick(['No — none of the instructions were met.', 'No, it satisfied none of them.']);
  return rng.pick([`No - ${numberList(no)} ${no.length === 1 ? 'was' : 'were'} not met; the others were.`, `No: I missed ${numberList(no)}, the rest were met.`]);
}

// ---------------------------------------------------------------------------------------
// The styles
// ---------------------------------------------------------------------------------------

interface StyleWriter {
  /** Whether the style can say exactly these claims; when it cannot, another style writes the report (see `writeReport`). */
  canExpress(report: ChecklistReport): boolean;
  write(report: ChecklistReport, rng: Rng): string;
}

const always = (): boolean => true;

/** Every style, by name: the one list of styles, and the order the style draw walks them in. */
const STYLES = {
  /** JSON exactly as asked, compact like the example or pretty-printed. */
  json: { canExpress: always, write: (report, rng) => stringify(answerObject(report, rng), rng) },
  /** The asked JSON inside a ```json fence, with prose before and often after it. */
  'json-fenced': {
    canExpress: always,
    write: (report, rng) => {
      const fenced = `${rng.pick(FENCE_INTROS)}\n\n\`\`\`json\n${JSON.stringify(answerObject(report, rng), null, 2)}\n\`\`\``;
      return overallImplied(report) && rng.chance(0.6) ? `${fenced}\n\n${summarySentences(report, rng)}` : fenced;
    },
  },
  /** The asked JSON with true/false instead of "yes"/"no" (a hedge stays a string). */
  'json-booleans': { canExpress: always, write: (report, rng) => stringify(answerObject(report, rng, booleanValue), rng) },
  /** The asked JSON with sentences as values: "Yes.", "No, not satisfied.". */
  'json-sentence-values': { canExpress: always, write: (report, rng) => stringify(answerObject(report, rng, sentenceValue), rng) },
  /** The asked JSON with its keys in another order: the overall first, "satisfied" before "number". */
  'json-reordered': {
    canExpress: always,
    write: (report, rng) => {
      const { instructions, all_satisfied } = answerObject(report, rng) as { instructions: { number: number; satisfied: unknown }[]; all_satisfied: unknown };
      return stringify({ all_satisfied, instructions: instructions.map(({ number, satisfied }) => ({ satisfied, number })) }, rng);
    },
  },
  /** The asked JSON numbered from 0. */
  'json-zero-based': { canExpress: always, write: (report, rng) => stringify(answerObject(report, rng, yesNoValue, 0), rng) },
  /** JSON keyed by each instruction's text instead of its number. */
  'json-keyed-by-text': {
    canExpress: always,
    write: (report, rng) => {
      const instructions = rng.chance(0.5)
        ? Object.fromEntries(report.items.map((item, i) => [item.description, yesNoValue(report.claims[i]!, rng)]))
        : report.items.map((item, i) => ({ instruction: item.description, satisfied: yesNoValue(report.claims[i]!, rng) }));
      return stringify({ instructions, all_satisfied: yesNoValue(report.overall, rng) }, rng);
    },
  },
  /** The asked JSON with trailing commas (not valid JSON, as models sometimes write it). */
  'json-trailing-comma': { canExpress: always, write: (report, rng) => withTrailingCommas(answerObject(report, rng), rng) },
  /** A JSON answer followed by an explicit correction of one item, and the overall restated. */
  'json-corrected': { canExpress: always, write: correctedJson },
  /** Today's free-text template: "1. Yes, satisfied." lines and "Overall: yes". */
  'plain-lines': { canExpress: always, write: plainLines },
  /** Numbered prose lines, verdict first: "1. Yes — ...", "2) No: ...". */
  numbered: { canExpress: always, write: (report, rng) => `${numberedLines(report, rng)}\n\n${rng.pick(OVERALL_SENTENCES[report.overall])}` },
  /** Numbered lines restating each instruction, then the verdict. */
  restated: { canExpress: always, write: (report, rng) => `${restatedLines(report, rng)}\n\n${rng.pick(OVERALL_SENTENCES[report.overall])}` },
  /** Each instruction restated as a fact about the response, then the verdict: "1. No commas were used — satisfied." Needs every item's facts. */
  facts: {
    canExpress: (report) => report.items.every((item) => item.facts !== undefined),
    write: (report, rng) => `${factLines(report, rng)}\n\n${rng.pick(OVERALL_SENTENCES[report.overall])}`,
  },
  /** A markdown table with ✅/❌ or Yes/No cells. */
  table: { canExpress: always, write: table },
  /** A `- [x]` / `- [ ]` checklist, `- [?]` for a hedge. */
  checklist: { canExpress: always, write: checklist },
  /** ✅ / ❌ / ⚠️ lines. */
  'emoji-lines': { canExpress: always, write: emojiLines },
  /** Bold headers with the instruction's short name: "**Instruction 1 (no commas):** Satisfied". */
  'bold-headers': { canExpress: always, write: boldHeaders },
  /** Summary sentences: "All instructions were followed except #2." Only for an overall the items imply. */
  summary: { canExpress: overallImplied, write: summarySentences },
  /** One sentence, verdict first: "Yes - every instruction was met." Cannot hedge, and only says an overall the items imply. */
  bare: { canExpress: (report) => overallImplied(report) && !report.claims.includes('hedge'), write: bareSentence },
} satisfies Record<string, StyleWriter>;

/** The name of a report style. */
export type ReportStyle = keyof typeof STYLES;

/** Every report style, in the order the style draw walks them. */
export const REPORT_STYLES = Object.keys(STYLES) as readonly ReportStyle[];

/** Relative weights of the styles a report is drawn from; styles not named have weight 0. */
export type ReportStyleWeights = Partial<Record<ReportStyle, number>>;

/** Today's two templates at today's rates: the asked JSON four reports in five, plain numbered lines the fifth. */
export const TEMPLATE_REPORT_STYLES: ReportStyleWeights = { json: 0.8, 'plain-lines': 0.2 };

/**
 * Every style, weighted as a guess at how models answer "Answer with JSON only": the
 * asked JSON most often, fenced JSON (a chat habit) next, and each deviation rare but
 * drawn often enough that a few hundred reports meet every style. Not measured on real
 * models; see docs/server.md.
 */
export const REALISTIC_REPORT_STYLES: ReportStyleWeights = {
  json: 0.4,
  'json-fenced': 0.15,
  'json-booleans': 0.03,
  'json-sentence-values': 0.03,
  'json-reordered': 0.03,
  'json-zero-based': 0.02,
  'json-keyed-by-text': 0.02,
  'json-trailing-comma': 0.02,
  'json-corrected': 0.02,
  'plain-lines': 0.02,
  numbered: 0.05,
  restated: 0.03,
  facts: 0.02,
  table: 0.04,
  checklist: 0.02,
  'emoji-lines': 0.03,
  'bold-headers': 0.03,
  summary: 0.02,
  bare: 0.02,
};

/** The weight tables known by name, in configs and on the command line. */
export const REPORT_STYLE_PRESETS = { templates: TEMPLATE_REPORT_STYLES, realistic: REALISTIC_REPORT_STYLES } as const;

/** The preset a reference model writes in unless configured otherwise; `realistic` once the report reader reads every style. */
export const DEFAULT_REPORT_STYLE_PRESET: keyof typeof REPORT_STYLE_PRESETS = 'realistic';

/** Whether a name is a report style's. */
export function isReportStyle(name: string): name is ReportStyle {
  return Object.hasOwn(STYLES, name);
}

/**
 * The style a report is written in: drawn with `draw` (uniform in [0, 1)) at the
 * weights, among the styles that can express this report. A style that cannot (a bare
 * sentence cannot hedge) passes its share to the others, so its own rate is its weight
 * over the reports it can express. If no weighted style can express it, `json` does.
 */
export function drawReportStyle(weights: ReportStyleWeights, report: ChecklistReport, draw: number): ReportStyle {
  const usable = REPORT_STYLES.filter((style) => (weights[style] ?? 0) > 0 && STYLES[style].canExpress(report));
  const total = usable.reduce((sum, style) => sum + weights[style]!, 0);
  let edge = 0;
  for (const style of usable) {
    edge += weights[style]! / total;
    if (draw < edge) return style;
  }
  return usable.at(-1) ?? 'json';
}

/** The report in one style; the style must be able to express it (see `drawReportStyle`). */
export function writeReportAs(style: ReportStyle, report: ChecklistReport, rng: Rng): string {
  if (!STYLES[style].canExpress(report)) throw new Error(`the ${style} style cannot express this report`);
  return STYLES[style].write(report, rng);
}
