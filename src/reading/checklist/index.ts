/**
 * Reading a checklist report: a yes/no answer for each of N listed items (instructions)
 * and for "all of them", from whatever form a model answers in (JSON, numbered lines,
 * tables, checklists, headings, summaries, a bare "Yes.").
 *
 * Every answer the text gives is collected as a *statement* about an item or the whole,
 * with its place in the text; then each settles: a later explicit correction wins, and a
 * hedge, or two answers that disagree with no correction between them, make it
 * unparseable. A "yes" for the whole is a "yes" for every item too, so "3. No" followed by
 * "All satisfied: yes" is a contradiction, not a reading.
 */
import { jsonValues, type JsonSpan } from '../json.js';
import { read, unread, type Read, type Reading } from '../reading.js';
import { blankReasoning, normaliseText, withoutQuoted } from '../text.js';
import { correctionPositions, REFUSAL, settle, verdictsIn } from '../yes-no.js';
import { fragmentAnswer, freeTextStatements, leadingAnswer, linesOf, type Line } from './free-text.js';
import { say, sayAllExcept, type ChecklistItem, type Collector, type Statement } from './statements.js';
import { jsonStatements } from './structured.js';

export type { ChecklistItem } from './statements.js';

export interface ChecklistReading {
  /** One reading per item, in the order they were listed. */
  items: Reading<boolean>[];
  /** The answer to "did it satisfy all of them?". */
  overall: Reading<boolean>;
}

export interface ChecklistOptions {
  /** The example answer shown in the question: an echo of it is not the answer. */
  example?: string;
}


/** "Here is a revised response": the model rewrites its response; what follows is that response, not a judgement of it. */
const REWRITE = /\bhere(?:'s| is) (?:a |the |my )?(?:revised|corrected|rewritten|new|updated|improved|fixed) (?:response|version|draft)\b(?! of my (?:answer|assessment|check|report))|^\s*(?:revised|corrected|rewritten) (?:response|version)\s*:/im;

/** What introduces an echoed form: "in exactly this form:", "format:", "like this:". */
const FORM_CUE = /(?:form|format|example|template|like this|as follows|asks? for|asked for|requested|wants|expects?)\s*:?\s*$/i;

/**
 * Footnoted hedges ("Yes*" with a line "* I believe so, but ...", or "*If the list counts,
 * there are 6"): the marked answers are rewritten as hedged and the footnote dropped, so
 * the hedge lands where it belongs.
 */
function applyHedgedFootnotes(text: string): string {
  const footnote = /^[ \t]*(\\\*|\*|†|‡)[ \t]*(\S.+)$/gm;
  let result = text;
  for (const match of text.matchAll(footnote)) {
    const [line, marker, body] = match as unknown as [string, string, string];
    // A footnote on a verdict qualifies it: a hedge, or a condition under which it would not hold.
    if (!verdictsIn(body.toLowerCase()).some((v) => v.value === 'hedge') && !/^(?:if|unless|assuming|depending)\b/i.test(body)) continue;
    const symbol = marker.replace('\\', '');
    const escaped = symbol.replace(/[*]/g, '\\*');
    const marked = new RegExp(`(?<=[\\p{L}\\p{N}✓✔✅])\\\\?${escaped}(?![*\\p{L}])`, 'gu');
    if (!marked.test(text.replace(line, ''))) continue;
    result = result.replace(line, '').replace(marked, ' (not sure)');
  }
  return result;
}

/**
 * The text with long quoted passages blanked (same length): an excerpt of the response
 * ("THE HARBOR WAKES ... AND YES, THE GULLS ...") is never the model's verdict. A quoted
 * item text (`**"Answer with less than 167 words."**`) stays: it names its item.
 */
function withoutQuotedPassages(text: string, items: readonly ChecklistItem[]): string {
  const restates = (inner: string): boolean => {
    const plain = inner.trim().replace(/[.:]$/, '').toLowerCase();
    return plain.length >= 10 && items.some((item) => item.description.toLowerCase().includes(plain));
  };
  return text.replace(/"[^"\n]*"/g, (quoted) =>
    (quoted.split(/\s+/).length >= 6 || /[.!?]\s/.test(quoted)) && !restates(quoted.slice(1, -1)) ? `"${' '.repeat(quoted.length - 2)}"` : quoted,
  );
}

/** Whether a JSON span is a copy of the question's example answer. */
function isExampleCopy(span: JsonSpan, example: string | undefined): boolean {
  if (example === undefined) return false;
  try {
    return JSON.stringify(span.value) === JSON.stringify(JSON.parse(example));
  } catch {
    return false;
  }
}

/** How many items a JSON answer lists under its `instructions` (or top-level) list. */
function jsonItemCount(span: JsonSpan): number | undefined {
  const value = span.value as { instructions?: unknown };
  // (Only called on a copy of the example, an object.)
  const list = Array.isArray(value) ? value : value.instructions;
  return Array.isArray(list) ? list.length : undefined;
}

/** The text with the given spans blanked out (same length, so positions stay true). */
function blanked(text: string, spans: readonly JsonSpan[]): string {
  let result = text;
  for (const { start, end } of spans) result = result.slice(0, start) + result.slice(start, end).replace(/[^\n]/g, ' ') + result.slice(end);
  return result;
}

/** The reading standing statements come to: one value, or why not. A description alone is no answer. */
function settleStatements(statements: readonly Statement[]): Reading<boolean> {
  if (statements.every((s) => s.corroborating)) return unread('no answer');
  const outcome = settle(statements, []);
  // (Some statement stands, so settle gives an answer.)
  if (typeof outcome !== 'boolean') return unread(outcome === 'hedge' ? 'hedge' : 'contradiction');
  return read(outcome, statements.some((s) => s.structured) ? 'structured' : 'free text');
}

/**
 * Statements that stand: those after the last correction cue that has an answer after it
 * (a corroborating statement, such as the whole's yes in an item-by-item report, corrects nothing).
 */
function standing(statements: readonly Statement[], corrections: readonly number[]): Statement[] {
  const last = Math.max(-1, ...statements.filter((s) => !s.corroborating).map((s) => s.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < last));
  return statements.filter((s) => s.position > cut);
}

/**
 * The whole's reading: its own statements, unless an item was corrected after the last of
 * them (the correction speaks for the whole too); with none, what the items come to (any
 * no is a no, all yes is a yes). A yes for the whole that an item's own "no" contradicts is
 * unparseable, and so is a no for the whole when every item says yes.
 */
function settleOverall(
  statements: readonly Statement[],
  items: readonly Reading<boolean>[],
  itemStatements: readonly Statement[][],
  corrections: readonly number[],
): Reading<boolean> {
  const own = statements.filter((s) => s.target === 'overall');
  const lastOwn = Math.max(-1, ...own.map((s) => s.position));
  // (A statement with a correction after lastOwn before it is after lastOwn, so it is an item's.)
  const correctedLater = statements.some((s) => corrections.some((c) => c > lastOwn && c < s.position));
  const answered = items.filter((item): item is Read<boolean> => item.kind === 'read');
  if (own.length === 0 || correctedLater) {
    const failed = answered.find((item) => !item.value);
    if (failed) return read(false, failed.from);
    if (items.length > 0 && answered.length === items.length) return read(true, answered[0]!.from);
    const blocked = items.find((item) => item.kind === 'unparseable' && item.why !== 'no answer');
    return unread(blocked?.kind === 'unparseable' ? blocked.why : 'no answer');
  }
  const reading = settleStatements(standing(own, corrections));
  if (reading.kind !== 'read') return reading;
  const saysNo = itemStatements.some((mine) => standing(mine, corrections).some((s) => s.value === false && !s.general));
  if (reading.value && saysNo) return unread('contradiction');
  // "So take the overall yes with a grain of salt": a hedge about an item after the whole's yes takes the yes back
  // (a statement after lastOwn is an item's).
  if (reading.value && statements.some((s) => s.value === 'hedge' && s.position > lastOwn)) return unread('hedge');
  if (!reading.value && items.length > 0 && answered.length === items.length && answered.every((item) => item.value)) return unread('contradiction');
  // A "no" for the whole that only a contradicted item could support is as unsure as that item.
  const unsure = items.filter((item) => item.kind === 'unparseable' && item.why === 'contradiction');
  if (!reading.value && unsure.length > 0 && answered.length + unsure.length === items.length && answered.every((item) => item.value)) return unread('contradiction');
  return reading;
}

/**
 * Reads a report about the checklist `items` (in the order the question listed them): a
 * reading per item and for the whole. Structured answers and free text are both read and
 * must agree unless one explicitly corrects the other.
 */
export function readChecklist(text: string, items: readonly ChecklistItem[], options: ChecklistOptions = {}): ChecklistReading {
  const whole = applyHedgedFootnotes(blankReasoning(normaliseText(text)));
  // A rewritten response after "Here is a revised version" is no part of the report.
  const rewrite = REWRITE.exec(whole);
  const normal = rewrite ? whole.slice(0, rewrite.index) : whole;
  const outsideQuotes = withoutQuotedPassages(normal, items);
  const nothing = (why: 'refusal' | 'no answer'): ChecklistReading => ({ items: items.map(() => unread(why)), overall: unread(why) });
  const collector: Collector = { items, statements: [], namedFailures: [] };
  const answering = jsonValues(normal).filter((span) => jsonStatements({ items, statements: [], namedFailures: [] }, span) > 0);
  // A copy of the example is passed over when something else answers, or when it is introduced as the form.
  const copies = answering.filter((span) => isExampleCopy(span, options.example));
  // ...or when it answers for another number of items than the question listed.
  const echoes =
    copies.length < answering.length
      ? copies
      : copies.filter((span) => FORM_CUE.test(normal.slice(Math.max(0, span.start - 80), span.start)) || jsonItemCount(span) !== items.length);
  for (const span of answering) if (!echoes.includes(span)) jsonStatements(collector, span);
  const outsideJson = blanked(outsideQuotes, answering);
  const lines = linesOf(outsideJson);
  leadingAnswer(collector, freeTextStatements(collector, lines));
  sayNamedFailures(collector);
  if (items.length === 1) singleItemStatements(collector, lines);
  const answers = collector.statements.some((s) => typeof s.value === 'boolean');
  // A rewritten response in place of an answer is a refusal to answer.
  if (!answers && (rewrite || REFUSAL.test(normal))) return nothing('refusal');
  // (With no statement at all, every item and the whole settle to 'no answer'.)
  const corrections = correctionPositions(withoutQuoted(outsideJson));
  // A yes for the whole is a yes for each item, so an item's own "no" contradicts it; in a
  // report that answers item by item, it fills in no item the report left unanswered.
  const itemByItem = collector.statements.some((s) => s.target !== 'overall' && !s.general && !s.corroborating);
  const wholeYes = collector.statements
    .filter((s) => s.target === 'overall' && s.value === true)
    .map((s) => (itemByItem ? { ...s, corroborating: true } : s));
  const itemStatements = items.map((_, index) => [...collector.statements.filter((s) => s.target === index), ...wholeYes]);
  const itemReadings = itemStatements.map((mine) => settleStatements(standing(mine, corrections)));
  return { items: itemReadings, overall: settleOverall(collector.statements, itemReadings, itemStatements, corrections) };
}

/**
 * Failures named by their words: in a report that answers item by item nowhere else ("I
 * satisfied 2 of 3; the paragraph count is off"), all except them; otherwise each is a
 * plain "no" about its item.
 */
function sayNamedFailures(collector: Collector): void {
  const itemByItem = collector.statements.some((s) => s.target !== 'overall' && !s.general);
  const failed = [...new Set(collector.namedFailures.map((f) => f.index))];
  if (failed.length === 0) return;
  const position = Math.max(...collector.namedFailures.map((f) => f.position));
  if (itemByItem) for (const { index, position: at } of collector.namedFailures) say(collector, index, false, at);
  else sayAllExcept(collector, failed, position);
}

/**
 * With one item, every answer about the whole is about that item; and a report that only
 * describes the response ("The response contains no commas.") is read against it.
 */
function singleItemStatements(collector: Collector, lines: readonly Line[]): void {
  if (collector.statements.every((s) => s.target === 'overall')) {
    for (const statement of [...collector.statements]) collector.statements.push({ ...statement, target: 0, general: true });
  }
  // (With no lines there is no text to describe anything: fragmentAnswer('') is undefined.)
  if (collector.statements.length === 0) {
    const answer = fragmentAnswer(lines.map((line) => line.text).join('\n'), collector.items[0]);
    if (answer) say(collector, 0, answer.value, lines[0]!.position + answer.offset);
  }
}
