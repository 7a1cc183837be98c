/**
 * Reading a checklist report: a yes/no answer for each of N listed items (instructions)
 * and for "all of them", from whatever form a model answers in: JSON (as asked, or keyed
 * by number, text or short name, zero-based, with comments), numbered lines, markdown
 * tables, `- [x]` checklists, headers with a paragraph under each, summaries ("all except
 * #2", "2 of 3"), a bare "Yes.", and corrections.
 *
 * Every answer the text gives is collected as a *statement* about an item or the whole,
 * with its place in the text; then each item settles: a later explicit correction wins,
 * an answer about that item wins over one about all of them, and a hedge or two different
 * answers with no correction between them make it unparseable.
 */
import { jsonValues, type JsonSpan } from './json.js';
import { read, unread, type Read, type ReadFrom, type Reading } from './reading.js';
import { contentWords, NUMBER_PATTERN, normaliseText, numberValue, ordinalNumber, stripMarkdown, withoutQuoted } from './text.js';
import { answerText, correctionPositions, readYesNoValue, REFUSAL, settle, verdictsIn } from './yes-no.js';

/** One item of the checklist, as the question listed it. */
export interface ChecklistItem {
  /** The item's text, exactly as the question listed it. */
  description: string;
  /** Other names a model may key the item by: an id, a short name, its topic words. */
  aliases?: readonly string[];
}

export interface ChecklistReading {
  /** One reading per item, in the order they were listed. */
  items: Reading<boolean>[];
  /** The answer to "did it satisfy all of them?". */
  overall: Reading<boolean>;
}

export interface ChecklistOptions {
  /** The example answer shown in the question: a copy of it is not taken for the answer unless nothing else answers. */
  example?: string;
}

/** What one statement is about: an item (0-based), or the whole. */
type Target = number | 'overall';

/** An answer as a statement carries it: yes, no, a hedge, or two answers at once. */
type Answer = boolean | 'hedge' | 'contradiction';

interface Statement {
  target: Target;
  value: Answer;
  position: number;
  from: ReadFrom;
  /** Said of every item at once ("all satisfied", "all except #2"): an answer about the item itself wins over it. */
  general: boolean;
}

/** The collecting state: the items, and the statements found so far. */
interface Collector {
  items: readonly ChecklistItem[];
  statements: Statement[];
}

function say(collector: Collector, target: Target, value: Answer, position: number, from: ReadFrom, general = false): void {
  if (typeof target === 'number' && (target < 0 || target >= collector.items.length)) return;
  collector.statements.push({ target, value, position, from, general });
}

/** "All of them" with a value: every item (as a general statement) and the whole. */
function sayAll(collector: Collector, value: Answer, position: number, from: ReadFrom): void {
  collector.items.forEach((_, index) => say(collector, index, value, position, from, true));
  say(collector, 'overall', value, position, from);
}

/** "All except these": the listed items no, every other item yes, the whole no. */
function sayAllExcept(collector: Collector, excepted: readonly number[], position: number, from: ReadFrom): void {
  collector.items.forEach((_, index) => say(collector, index, !excepted.includes(index), position, from, true));
  say(collector, 'overall', false, position, from);
}

// ---------------------------------------------------------------------------------------
// Naming items: by number, ordinal, or by words of their text
// ---------------------------------------------------------------------------------------

/** The content words of each item (its text and aliases), for matching a phrase to it. */
function itemWords(items: readonly ChecklistItem[]): Set<string>[] {
  return items.map((item) => contentWords([item.description, ...(item.aliases ?? [])].join(' ')));
}

/**
 * The item a phrase names by its words ("the title", "no_comma", "Word count"), when
 * exactly one item shares the most content words with it; undefined otherwise.
 */
function itemNamedBy(phrase: string, items: readonly ChecklistItem[]): number | undefined {
  const words = contentWords(phrase);
  if (words.size === 0) return undefined;
  const scores = itemWords(items).map((known) => [...words].filter((w) => known.has(w)).length);
  const best = Math.max(...scores);
  if (best === 0 || scores.filter((s) => s === best).length > 1) return undefined;
  return scores.indexOf(best);
}

/** Words models use for "instruction" when they number them, in the languages the readers know. */
const ITEM_NOUN =
  '(?:instructions?|items?|requirements?|constraints?|rules?|criteri(?:on|a)|checks?|points?|questions?|q|no\\.|number|instrucci[oó]n(?:es)?|consignes?|anweisung(?:en)?|instru[cç][aã]o|instru[cç][oõ]es|istruzion[ei]|指示|指令|要求)';

/** A numbered item label at the start of a line: `1.`, `2)`, `#3:`, `(4)`, `Instruction 2 (no commas):`, `1️⃣`. */
const ITEM_LABEL = new RegExp(
  `^(?:[-*•+]\\s+)?((?:\\[[ xX✓✔]\\]|[✓✔✅☑✗✘❌❎☒✖⚠])\\s*)?(?:${ITEM_NOUN}\\s*#?\\s*(\\d{1,2})(?![\\d.]\\d)(?=\\s*(?:[:.)\\-(]|$))|#\\s*(\\d{1,2})\\b|\\(?(\\d{1,2})(?:[.):\\]]|\\u20e3)(?!\\d))\\s*[:.)\\-]?\\s*`,
  'iu',
);

/** References to items inside a sentence: "instruction 2", "#3", "the second instruction", "instructions 1 and 3". */
const ITEM_REFERENCE = new RegExp(
  `(?:\\b${ITEM_NOUN}\\s*#?\\s*(\\d{1,2}(?:\\s*(?:,|and|&|or)\\s*#?\\d{1,2})*)\\b|#(\\d{1,2})\\b|\\b(first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th)\\s+(?:${ITEM_NOUN}|one)\\b)`,
  'giu',
);

/** Item indices (0-based) a sentence refers to by number or ordinal, in order, without repeats. */
function referencedItems(sentence: string, count: number, base: number): number[] {
  const found: number[] = [];
  for (const match of sentence.matchAll(ITEM_REFERENCE)) {
    const numbers = match[1] ?? match[2];
    if (numbers) for (const n of numbers.match(/\d+/g) ?? []) found.push(Number(n) - base);
    const ordinal = match[3]?.toLowerCase();
    if (ordinal) found.push(ordinal === 'last' ? count - 1 : ordinalNumber(ordinal)! - 1);
  }
  return [...new Set(found)].filter((i) => i >= 0 && i < count);
}

// ---------------------------------------------------------------------------------------
// Structured answers (JSON)
// ---------------------------------------------------------------------------------------

/** Keys that hold the answer about one item. */
const VALUE_KEY =
  /^(?:satisfied|is_?satisfied|followed|met|complied|compliant|compliance|status|result|answer|pass(?:ed)?|ok|verdict|value|fulfilled|satisfies|follows|adhered|correct|success|satisfait|respect[ée]e?|cumplid[ao]|satisfech[ao]|erf[üu]llt|eingehalten|cumprid[ao]|atendid[ao]|soddisfatt[ao]|rispettat[ao]|満たしている|满足)$/i;
/** Keys that number an item. */
const NUMBER_KEY = /^(?:number|num|no|n|id|index|idx|#|item|instruction_?(?:number|id|index)|número|numero|nummer|番号|编号)$/i;
/** Keys that carry an item's text. */
const TEXT_KEY = /^(?:instruction|description|requirement|text|name|constraint|rule|criterion|instrucci[oó]n|consigne|anweisung|instru[cç][aã]o|istruzione)$/i;
/** Keys that answer for all items together. */
const OVERALL_KEY =
  /^(?:all|overall|every|everything|all_?(?:instructions_?)?(?:satisfied|followed|met|complied|passed|ok)|(?:overall|all)_?(?:satisfied|followed|met|result|status|verdict|compliance)|satisfied_?all|todas?_?(?:cumplidas?|satisfechas?)?|toutes?_?(?:satisfaites?|respect[ée]es)?|alle_?(?:erf[üu]llt)?|tutte_?(?:soddisfatte|rispettate)?|todos?_?(?:cumpridos?|atendidos?)?|global|gesamt|insgesamt|总体|全体|すべて)$/i;

/** Whether a JSON value reads as a yes/no (or a hedge), so it can be an answer. */
function answerOf(value: unknown): boolean | 'hedge' | undefined {
  const reading = readYesNoValue(value);
  if (reading.kind === 'read') return reading.value;
  return reading.why === 'hedge' ? 'hedge' : undefined;
}

/** An item number written in a key or value: 2, "2", "#2", "instruction_2", "Instruction 2". */
function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  const match = new RegExp(`^\\s*(?:${ITEM_NOUN}[\\s_#-]*)?#?(\\d{1,2})\\s*$`, 'iu').exec(value);
  return match ? Number(match[1]) : undefined;
}

/** One answer found in JSON: which item (by number, text or place) and the answer. */
interface JsonAnswer {
  number?: number;
  text?: string;
  place?: number;
  value: boolean | 'hedge';
}

/** Hedges in an item's explanation fields ("note": "not certain about the count") keep it from being a claim. */
function hedgedNote(entry: Record<string, unknown>, valueKey: string): boolean {
  return Object.entries(entry).some(
    ([key, value]) => key !== valueKey && typeof value === 'string' && verdictsIn(answerText(value)).some((v) => v.value === 'hedge'),
  );
}

/** The answer of one item's object (`{"number": 2, "satisfied": "no"}`), if it has one. */
function itemObjectAnswer(entry: Record<string, unknown>, place: number | undefined): JsonAnswer | undefined {
  const keys = Object.keys(entry);
  const candidates = keys.filter((key) => !NUMBER_KEY.test(key) && !TEXT_KEY.test(key) && answerOf(entry[key]) !== undefined);
  const valueKey = candidates.find((key) => VALUE_KEY.test(key)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (valueKey === undefined) return undefined;
  const value = hedgedNote(entry, valueKey) ? 'hedge' : answerOf(entry[valueKey])!;
  const numberKey = keys.find((key) => NUMBER_KEY.test(key));
  const textKey = keys.find((key) => TEXT_KEY.test(key));
  const number = numberKey !== undefined ? numberIn(entry[numberKey]) : textKey !== undefined ? numberIn(entry[textKey]) : undefined;
  const text = textKey !== undefined && typeof entry[textKey] === 'string' && number === undefined ? (entry[textKey] as string) : undefined;
  return { ...(number !== undefined ? { number } : {}), ...(text !== undefined ? { text } : {}), ...(place !== undefined ? { place } : {}), value };
}

/** Every item answer and whole answer in a JSON value, walking into wrappers (`{"evaluation": {"instructions": [...]}}`). */
function walkJson(value: unknown, answers: JsonAnswer[], overall: (boolean | 'hedge')[]): void {
  if (Array.isArray(value)) {
    value.forEach((entry, place) => {
      if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
        const answer = itemObjectAnswer(entry as Record<string, unknown>, place);
        if (answer) answers.push(answer);
        else walkJson(entry, answers, overall);
      } else {
        const answer = answerOf(entry);
        if (answer !== undefined) answers.push({ place, value: answer });
      }
    });
    return;
  }
  if (!value || typeof value !== 'object') return;
  const entries = Object.entries(value as Record<string, unknown>);
  const itself = itemObjectAnswer(value as Record<string, unknown>, undefined);
  if (itself && (itself.number !== undefined || itself.text !== undefined)) {
    answers.push(itself);
    return;
  }
  for (const [key, entry] of entries) {
    const answer = answerOf(entry);
    if (OVERALL_KEY.test(key.trim()) && answer !== undefined) {
      overall.push(answer);
    } else if (answer !== undefined && !VALUE_KEY.test(key)) {
      const number = numberIn(key);
      answers.push(number !== undefined ? { number, value: answer } : { text: key, value: answer });
    } else if (entry && typeof entry === 'object') {
      if (!Array.isArray(entry)) {
        const keyed = itemObjectAnswer(entry as Record<string, unknown>, undefined);
        const number = numberIn(key);
        if (keyed && (number !== undefined || keyed.number !== undefined || keyed.text !== undefined || itemKeyLike(key))) {
          answers.push(number !== undefined ? { ...keyed, number } : keyed.number !== undefined || keyed.text !== undefined ? keyed : { ...keyed, text: key });
          continue;
        }
      }
      walkJson(entry, answers, overall);
    }
  }
}

/** A key that is an item's name rather than a wrapper's (`"no_commas": {...}` vs `"evaluation": {...}`). */
function itemKeyLike(key: string): boolean {
  return !/^(?:instructions?|results?|items?|checks?|evaluation|assessment|answers?|report|requirements?|constraints?|details|breakdown|data|response)$/i.test(key);
}

/** The statements of one JSON answer; numbers count from 1 unless the answer counts from 0 (then every number shifts). */
function jsonStatements(collector: Collector, span: JsonSpan): void {
  const answers: JsonAnswer[] = [];
  const overall: (boolean | 'hedge')[] = [];
  walkJson(span.value, answers, overall);
  const numbers = answers.flatMap((a) => (a.number !== undefined ? [a.number] : []));
  const base = numbers.includes(0) && Math.max(...numbers) <= collector.items.length - 1 ? 0 : 1;
  answers.forEach((answer, i) => {
    const index =
      answer.number !== undefined
        ? answer.number - base
        : answer.text !== undefined
          ? itemNamedBy(answer.text, collector.items)
          : answer.place;
    if (index !== undefined) say(collector, index, answer.value, span.start + i, 'structured');
  });
  for (const value of overall) say(collector, 'overall', value, span.end - 1, 'structured');
}

/** Whether a JSON value is the question's example answer, echoed. */
function isExample(span: JsonSpan, example: string | undefined): boolean {
  if (example === undefined) return false;
  try {
    return JSON.stringify(span.value) === JSON.stringify(JSON.parse(example));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Free text: lines, tables, sentences
// ---------------------------------------------------------------------------------------

/** A line of the text, without its markdown, with where it starts. */
interface Line {
  text: string;
  position: number;
}

/** The text with its JSON spans blanked out (same length, so positions stay true). */
function blankedText(text: string, spans: readonly JsonSpan[]): string {
  let blanked = text;
  for (const { start, end } of spans) blanked = blanked.slice(0, start) + blanked.slice(start, end).replace(/[^\n]/g, ' ') + blanked.slice(end);
  return blanked;
}

/** The text's lines outside JSON spans, markdown stripped, code fences dropped. */
function linesOf(text: string, spans: readonly JsonSpan[]): Line[] {
  const blanked = blankedText(text, spans);
  const lines: Line[] = [];
  let position = 0;
  for (const raw of blanked.split('\n')) {
    const isFence = /^\s*```/.test(raw);
    if (!isFence && raw.trim() !== '') lines.push({ text: stripMarkdown(raw), position });
    position += raw.length + 1;
  }
  return lines;
}

/** A line that ends a block of lines under an item: another item, a table row, a summary. */
const OVERALL_LABEL =
  /^(?:[-*•+]\s+)?(?:overall|all (?:instructions? )?(?:satisfied|met|followed|fulfilled)\??|all of them|every instruction|in summary|summary|in short|in total|to summari[sz]e|conclusion|final (?:answer|verdict|assessment|result)|verdict|result|bottom line|score|total|en résumé|globalement|global|insgesamt|gesamt(?:ergebnis)?|fazit|en general|resumen|conclusión|in generale|riepilogo|no geral|resumo|総合|まとめ|总体|总结|整体)\b\s*(?:[:=?-]\s*|\s+)(.*)$/iu;

/** A phrase that restates an instruction rather than describe the response: imperative or modal. */
const RESTATEMENT = /^(?:(?:please\s+)?(?:do not|don't|avoid|refrain|include|use|answer|wrap|give|finish|highlight|first repeat|write|make sure|ensure|there should|your (?:entire )?(?:response|answer|output)\s+(?:should|must)))\b|\b(?:should|must)\b/i;

/** Negations of the content a descriptive sentence can carry ("contains no commas", "avoided", "free of"). */
const CONTENT_NEGATION = /\b(?:no|not|never|none|without|zero|avoid(?:ed|s|ing)?|refrain(?:ed|s|ing)?|free of|lacks?|lacking|absent|nor)\b|n't\b/i;

/**
 * A sentence that describes the response without a verdict word ("The response contains
 * no commas."), read against the instruction: saying a prohibited thing is absent or a
 * required thing present is a yes, the reverse a no. Undefined when it cannot tell:
 * numbers (which need the instruction's relation to judge), restated instructions,
 * nothing shared with the instruction, or words of both kinds.
 */
function describedVerdict(fragment: string, description: string): boolean | undefined {
  const sentence = fragment.trim();
  // A title ("Commas", "Word count") describes nothing yet.
  if (sentence.split(/\s+/).length < 3) return undefined;
  if (RESTATEMENT.test(sentence) || new RegExp(`\\b${NUMBER_PATTERN}\\b`, 'i').test(sentence)) return undefined;
  const clauses = description.split(/[,;.](?:\s|$)|\band\b/);
  const prohibited = new Set<string>();
  const required = new Set<string>();
  for (const clause of clauses) {
    const target = CONTENT_NEGATION.test(clause) ? prohibited : required;
    for (const word of contentWords(withoutQuoted(clause))) target.add(word);
    for (const word of contentWords(clause)) target.add(word);
  }
  for (const word of [...prohibited]) {
    if (required.has(word)) {
      prohibited.delete(word);
      required.delete(word);
    }
  }
  for (const modal of ['refrain', 'avoid', 'allowed', 'allow']) prohibited.delete(modal);
  const words = contentWords(sentence);
  const saysProhibited = [...words].some((w) => prohibited.has(w));
  const saysRequired = [...words].some((w) => required.has(w));
  if (saysProhibited === saysRequired) return undefined;
  const negated = CONTENT_NEGATION.test(withoutQuoted(sentence));
  return saysProhibited ? negated : !negated;
}

/** The answer part of an item line: what follows a restatement of the item's own text. */
function afterRestatement(fragment: string, description: string | undefined): string {
  if (!description) return fragment;
  const restated = description.trim().replace(/[.:]+$/, '');
  const plain = fragment.trim();
  if (plain.toLowerCase().startsWith(restated.toLowerCase())) return plain.slice(restated.length).replace(/^[\s.:;,\-]+/, '');
  return plain;
}

/**
 * The answer an item's text gives (a line after its label, a table's cells, a block under a
 * header): its verdicts, or failing those, what it describes. A short title before a
 * separator ("Correct language: ❌") gives way to the answer after it.
 */
function fragmentAnswer(fragment: string, description: string | undefined): { value: Answer; offset: number } | undefined {
  const answer = answerText(afterRestatement(fragment, description));
  const verdicts = verdictsIn(answer);
  const corrections = correctionPositions(answer);
  let outcome = settle(verdicts, corrections);
  if (outcome === 'contradiction') {
    const separator = /\s*(?::|\s-\s|\|)\s*/.exec(answer);
    if (separator && separator.index < 60) {
      const tail = answer.slice(separator.index + separator[0].length);
      const tailOutcome = settle(verdictsIn(tail), correctionPositions(tail));
      if (typeof tailOutcome === 'boolean') outcome = tailOutcome;
    }
  }
  if (outcome === undefined) {
    if (REFUSAL.test(answer)) return { value: 'hedge', offset: 0 };
    const described = description === undefined ? undefined : describedVerdict(answer, description);
    return described === undefined ? undefined : { value: described, offset: 0 };
  }
  return { value: outcome, offset: verdicts.at(-1)?.position ?? 0 };
}

/** Cells of a markdown table row: `| 1 | No commas | ✅ |` -> ['1', 'No commas', '✅']. */
function tableCells(line: string): string[] | undefined {
  if (!/^\|.*\|\s*$/.test(line) && (line.match(/\|/g) ?? []).length < 2) return undefined;
  return line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

const STATUS_HEADER = /satisf|met\b|status|result|follow|pass|verdict|complian|compl(?:ied|y)|ok\b|yes|answer|✓|✔|✅|check|done|cumpl|erfüllt|respect/i;
const NOTE_HEADER = /note|explanation|comment|detail|evidence|reason|justification|why|observation|remark|how|actual|count|explica|raison|begründung/i;
const TEXT_HEADER = /instruction|requirement|constraint|rule|criteri|description|item|task|instrucci|consigne|anweisung/i;

/** The statements of a markdown table: an item per row (by its number, text or place), a whole answer in a total row. */
function tableStatements(collector: Collector, rows: readonly Line[]): void {
  const cellRows = rows.map((row) => ({ cells: tableCells(row.text) ?? [], position: row.position }));
  const isSeparator = (cells: readonly string[]): boolean => cells.every((cell) => /^:?-{2,}:?$/.test(cell) || cell === '');
  const hasHeader = cellRows.length > 1 && isSeparator(cellRows[1]!.cells);
  const header = hasHeader ? cellRows[0]!.cells : [];
  const body = cellRows.slice(hasHeader ? 2 : 0).filter((row) => !isSeparator(row.cells));
  const statusColumns = header.flatMap((cell, i) => (STATUS_HEADER.test(cell) && !NOTE_HEADER.test(cell) ? [i] : []));
  const noteColumns = header.flatMap((cell, i) => (NOTE_HEADER.test(cell) && !STATUS_HEADER.test(cell) ? [i] : []));
  const textColumn = header.findIndex((cell) => TEXT_HEADER.test(cell) && !STATUS_HEADER.test(cell));
  const numbers = body.map((row) => numberIn(row.cells[0]?.replace(/[.)]$/, '')));
  const base = numbers.includes(0) && Math.max(...numbers.filter((n) => n !== undefined)) <= collector.items.length - 1 ? 0 : 1;
  body.forEach((row, place) => {
    const { cells, position } = row;
    const first = cells[0] ?? '';
    if (OVERALL_LABEL.test(`${first}: x`) && numbers[place] === undefined) {
      const answer = fragmentAnswer(cells.slice(1).join(' | '), undefined);
      if (answer) say(collector, 'overall', answer.value, position, 'free text');
      return;
    }
    const number = numbers[place];
    const text = textColumn >= 0 ? cells[textColumn] : cells.find((cell, i) => i !== 0 && numberIn(cell) === undefined);
    const index =
      number !== undefined
        ? number - base
        : (text !== undefined ? itemNamedBy(text, collector.items) : undefined) ?? (body.length === collector.items.length ? place : undefined);
    if (index === undefined) return;
    const answerCells =
      statusColumns.length > 0
        ? statusColumns.map((i) => cells[i] ?? '')
        : cells.filter((_, i) => i !== textColumn && !noteColumns.includes(i) && !(i === 0 && number !== undefined));
    const description = collector.items[index]?.description;
    const answer = fragmentAnswer(answerCells.join(' | '), description);
    if (answer) say(collector, index, answer.value, position + 1, 'free text');
  });
}

/** "except #2", "but the title", "other than instructions 1 and 3": the excepted items. */
const EXCEPT = /\b(?:except(?: for)?|but(?: for)?|other than|apart from|aside from|save for|besides|excluding|with the exception of)\s+(.+)$/i;
/** "all/every/each instruction(s)", "everything", "all of them", "any of them". */
const ALL_QUANTIFIER = new RegExp(`\\b(?:all|every|each|everything|both|any|none)\\b(?:\\s+(?:of\\s+)?(?:the\\s+)?(?:${NUMBER_PATTERN}\\s+)?(?:${ITEM_NOUN}|them|these|one))?`, 'i');
const NOT_ALL = /\bnot (?:all|every|each|everything)\b/i;
/** "2 of 3", "2/3", "two out of three": a count of items satisfied. */
const COUNT = new RegExp(`\\b(${NUMBER_PATTERN})\\s*(?:/|of|out of)\\s*(?:the\\s+)?(${NUMBER_PATTERN})\\b`, 'i');
const ABOUT_ITEMS = new RegExp(`${ITEM_NOUN}|satisf|met\\b|follow|fulfil|compl|pass|overall|score`, 'i');

/** Sentences of a line, with where each starts. */
function sentencesOf(line: Line): Line[] {
  const sentences: Line[] = [];
  const pattern = /[^.!?;]+(?:[.!?;]+|$)/g;
  for (const match of line.text.matchAll(pattern)) {
    if (match[0].trim() !== '') sentences.push({ text: match[0].trim(), position: line.position + match.index });
  }
  return sentences;
}

/**
 * What a sentence outside any item line says: a summary ("all except #2", "2 of 3",
 * "none of them"), or answers about the items it names. Returns whether it said anything.
 */
function sentenceStatements(collector: Collector, sentence: Line, base: number): boolean {
  const { items } = collector;
  const text = answerText(sentence.text);
  const verdicts = verdictsIn(text);
  const outcome = settle(verdicts, correctionPositions(text));
  const position = sentence.position + (verdicts.at(-1)?.position ?? 0);
  const except = EXCEPT.exec(text);
  if (except && ALL_QUANTIFIER.test(text.slice(0, except.index)) && outcome !== 'hedge') {
    const excepted = referencedItems(except[1]!, items.length, base);
    const named = excepted.length > 0 ? excepted : [itemNamedBy(except[1]!, items)].filter((i): i is number => i !== undefined);
    if (named.length > 0) {
      sayAllExcept(collector, named, position, 'free text');
      return true;
    }
  }
  const count = COUNT.exec(text);
  if (count && ABOUT_ITEMS.test(text)) {
    const satisfied = numberValue(count[1]!);
    const of = numberValue(count[2]!);
    if (satisfied !== undefined && of !== undefined && of === items.length && satisfied <= of) {
      say(collector, 'overall', satisfied === of, position, 'free text');
      return true;
    }
  }
  if (outcome === 'contradiction' && referencedItems(text, items.length, base).length > 1) return clauseStatements(collector, sentence, base);
  if (outcome === undefined || outcome === 'contradiction') return false;
  if (NOT_ALL.test(text) && outcome !== 'hedge') {
    say(collector, 'overall', false, position, 'free text');
    return true;
  }
  if (referencedItems(text, items.length, base).length > 0) return clauseStatements(collector, sentence, base);
  if (ALL_QUANTIFIER.test(text)) {
    if (outcome === false) say(collector, 'overall', false, position, 'free text');
    else sayAll(collector, outcome, position, 'free text');
    return true;
  }
  return false;
}

/** Where a sentence divides into clauses that may answer about different items ("1 and 3 were met, but I missed 2"). */
const CLAUSE_BREAK = /,?\s+\b(?:but|however|whereas|while|although|though|yet)\b|[,;:]\s+(?=(?:and\s+)?(?:the\s+)?(?:instructions?|#|\d))/i;

/**
 * The answers of a sentence that names items: each clause answers for the items it names,
 * or, when it names none, for those of the clause before ("#2 is met, and so is #3" aside).
 */
function clauseStatements(collector: Collector, sentence: Line, base: number): boolean {
  const text = answerText(sentence.text);
  let said = false;
  let offset = 0;
  for (const clause of text.split(CLAUSE_BREAK)) {
    const at = text.indexOf(clause, offset);
    offset = at + clause.length;
    const referenced = referencedItems(clause, collector.items.length, base);
    const verdicts = verdictsIn(clause);
    const outcome = settle(verdicts, correctionPositions(clause));
    if (referenced.length === 0 || outcome === undefined) continue;
    for (const index of referenced) say(collector, index, outcome, sentence.position + at + (verdicts.at(-1)?.position ?? 0), 'free text');
    said = true;
  }
  return said;
}

/** The base of the text's own item numbering: 0 when it counts from 0 (and stays within the items), else 1. */
function lineNumberBase(lines: readonly Line[], count: number): number {
  const numbers = lines.flatMap((line) => {
    const label = ITEM_LABEL.exec(line.text);
    const n = label?.[2] ?? label?.[3] ?? label?.[4];
    return n === undefined ? [] : [Number(n)];
  });
  return numbers.includes(0) && Math.max(...numbers) <= count - 1 ? 0 : 1;
}

/** A bullet or mark line with no number ("- [x] No commas", "✅ Title in << >>"), as an item named by its words. */
const UNNUMBERED_ITEM = /^(?:[-*•+]\s+(?:\[[ xX✓✔]\]\s*)?|\[[ xX✓✔]\]\s*|[✓✔✅☑✗✘❌❎☒✖⚠]\s*)(.+)$/u;

/** Every statement the free text makes, line by line; returns the lines that said nothing about the items. */
function freeTextStatements(collector: Collector, lines: readonly Line[]): Line[] {
  const unused: Line[] = [];
  const { items } = collector;
  const base = lineNumberBase(lines, items.length);
  const unnumbered: { line: Line; answer: { value: Answer; offset: number } }[] = [];
  let open: { index: number; lines: Line[] } | undefined;
  const closeBlock = (): void => {
    if (open && open.lines.length > 0) {
      const answer = fragmentAnswer(open.lines.map((l) => l.text).join('\n'), items[open.index]?.description);
      if (answer) say(collector, open.index, answer.value, open.lines[0]!.position + answer.offset, 'free text');
    }
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (tableCells(line.text)) {
      closeBlock();
      const rows = [line];
      while (i + 1 < lines.length && tableCells(lines[i + 1]!.text)) rows.push(lines[++i]!);
      tableStatements(collector, rows);
      continue;
    }
    const label = ITEM_LABEL.exec(line.text);
    const labelNumber = label?.[2] ?? label?.[3] ?? label?.[4];
    if (label && labelNumber !== undefined) {
      closeBlock();
      const index = Number(labelNumber) - base;
      const rest = `${label[1] ?? ''} ${line.text.slice(label[0].length)}`.trim();
      const answer = fragmentAnswer(rest, items[index]?.description);
      if (answer) say(collector, index, answer.value, line.position + label[0].length + answer.offset, 'free text');
      else open = { index, lines: [] };
      continue;
    }
    const overall = OVERALL_LABEL.exec(line.text);
    if (overall) {
      closeBlock();
      const rest = { text: overall[1] ?? '', position: line.position + line.text.length - (overall[1] ?? '').length };
      if (!sentencesOf(rest).some((sentence) => sentenceStatements(collector, sentence, base))) {
        const answer = fragmentAnswer(rest.text, undefined);
        if (answer) say(collector, 'overall', answer.value, rest.position + answer.offset, 'free text');
      }
      continue;
    }
    if (open) {
      open.lines.push(line);
      continue;
    }
    const bullet = UNNUMBERED_ITEM.exec(line.text);
    if (bullet) {
      const answer = fragmentAnswer(line.text, undefined);
      const named = itemNamedBy(bullet[1]!, items);
      if (answer && named !== undefined) {
        const described = fragmentAnswer(line.text, items[named]!.description);
        say(collector, named, described?.value ?? answer.value, line.position + answer.offset, 'free text');
        continue;
      }
      if (answer && !ALL_QUANTIFIER.test(bullet[1]!)) {
        unnumbered.push({ line, answer });
        continue;
      }
    }
    const said = sentencesOf(line).map((sentence) => sentenceStatements(collector, sentence, base));
    if (!said.includes(true)) unused.push(line);
  }
  closeBlock();
  // Unnumbered answers that name no item are read in order only when there is one per item.
  if (unnumbered.length === items.length) {
    unnumbered.forEach(({ line, answer }, index) => say(collector, index, answer.value, line.position + answer.offset, 'free text'));
  } else {
    unused.push(...unnumbered.map(({ line }) => line));
  }
  return unused.sort((a, b) => a.position - b.position);
}

/**
 * The report's leading answer ("Yes.", "Yes - every instruction was met.", "No, I missed
 * the word count."): the first verdict in a line that said nothing about any item, when it
 * comes before every other answer. A yes is said of every item, a no only of the whole
 * (which one failed is not said), a hedge of the whole.
 */
function leadingAnswer(collector: Collector, unused: readonly Line[]): void {
  const firstStatement = Math.min(Infinity, ...collector.statements.map((s) => s.position));
  const first = unused.flatMap(sentencesOf).find((sentence) => verdictsIn(answerText(sentence.text)).length > 0);
  if (!first || first.position + first.text.length > firstStatement) return;
  const text = answerText(first.text);
  const outcome = settle(verdictsIn(text), correctionPositions(text));
  if (outcome === undefined || outcome === 'contradiction') return;
  if (outcome === true) sayAll(collector, true, first.position, 'free text');
  else say(collector, 'overall', outcome, first.position, 'free text');
}

/**
 * With one item, every answer about "it" or the whole is about that item; and a report
 * that only describes the response ("The response contains no commas.") is read against it.
 */
function singleItemStatements(collector: Collector, lines: readonly Line[]): void {
  const aboutWhole = collector.statements.filter((s) => s.target === 'overall');
  if (collector.statements.every((s) => s.target === 'overall')) {
    for (const statement of aboutWhole) collector.statements.push({ ...statement, target: 0, general: true });
  }
  if (collector.statements.length === 0 && lines.length > 0) {
    const answer = fragmentAnswer(lines.map((line) => line.text).join('\n'), collector.items[0]!.description);
    if (answer) say(collector, 0, answer.value, lines[0]!.position + answer.offset, 'free text');
  }
}

// ---------------------------------------------------------------------------------------
// Settling
// ---------------------------------------------------------------------------------------

/** The reading of one target from its statements: corrections win, specific answers beat general ones. */
function settleTarget(statements: readonly Statement[], corrections: readonly number[]): Reading<boolean> {
  if (statements.length === 0) return unread('no answer');
  const lastPosition = Math.max(...statements.map((s) => s.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < lastPosition));
  const standing = statements.filter((s) => s.position > cut);
  const specific = standing.filter((s) => !s.general);
  const chosen = specific.length > 0 ? specific : standing;
  const outcome = settle(chosen, []);
  if (outcome === 'hedge') return unread('hedge');
  if (outcome === 'contradiction' || outcome === undefined) return unread('contradiction');
  const from = chosen.some((s) => s.from === 'structured') ? 'structured' : 'free text';
  return read(outcome, from);
}

/**
 * The whole's reading: its own statements, unless an item was corrected after the last of
 * them (the correction speaks for the whole too); with none, what the items come to (any
 * no is a no, all yes is a yes). An answer for the whole that the items contradict is
 * unparseable.
 */
function settleOverall(statements: readonly Statement[], items: readonly Reading<boolean>[], corrections: readonly number[]): Reading<boolean> {
  const own = statements.filter((s) => s.target === 'overall');
  const lastOwn = Math.max(-1, ...own.map((s) => s.position));
  const correctedLater = statements.some(
    (s) => s.target !== 'overall' && s.position > lastOwn && corrections.some((c) => c < s.position && c > lastOwn),
  );
  const fromItems = (): Reading<boolean> => {
    const answered = items.filter((item): item is Read<boolean> => item.kind === 'read');
    const failed = answered.find((item) => !item.value);
    if (failed) return read(false, failed.from);
    if (items.length > 0 && answered.length === items.length) return read(true, answered[0]!.from);
    const hedged = items.find((item) => item.kind === 'unparseable' && item.why !== 'no answer');
    return unread(hedged?.kind === 'unparseable' ? hedged.why : 'no answer');
  };
  if (own.length === 0 || correctedLater) return fromItems();
  const reading = settleTarget(own, corrections);
  if (reading.kind !== 'read') return reading;
  const anyItemNo = items.some((item) => item.kind === 'read' && item.value === false);
  const allItemsYes = items.every((item) => item.kind === 'read' && item.value === true);
  if ((reading.value && anyItemNo) || (!reading.value && allItemsYes && items.length > 0)) return unread('contradiction');
  return reading;
}

/**
 * Reads a report about the checklist `items` (in the order the question listed them): a
 * reading per item and for the whole. Structured answers and free text are both read,
 * and must agree unless one explicitly corrects the other.
 */
export function readChecklist(text: string, items: readonly ChecklistItem[], options: ChecklistOptions = {}): ChecklistReading {
  const normal = normaliseText(text);
  const collector: Collector = { items, statements: [] };
  const spans = jsonValues(normal);
  const answering = spans.filter((span) => {
    const probe: Collector = { items, statements: [] };
    jsonStatements(probe, span);
    return probe.statements.length > 0;
  });
  const examples = answering.filter((span) => isExample(span, options.example));
  const used = examples.length < answering.length ? answering.filter((span) => !examples.includes(span)) : answering;
  for (const span of used) jsonStatements(collector, span);
  const answerSpans = answering;
  const lines = linesOf(normal, answerSpans);
  const unused = freeTextStatements(collector, lines);
  leadingAnswer(collector, unused);
  if (items.length === 1) singleItemStatements(collector, lines);
  const corrections = correctionPositions(withoutQuoted(blankedText(normal, answerSpans)));
  if (collector.statements.length === 0) {
    const why = REFUSAL.test(normal) ? 'refusal' : 'no answer';
    return { items: items.map(() => unread(why)), overall: unread(why) };
  }
  const itemReadings = items.map((_, index) =>
    settleTarget(
      collector.statements.filter((s) => s.target === index),
      corrections,
    ),
  );
  return { items: itemReadings, overall: settleOverall(collector.statements, itemReadings, corrections) };
}
