/**
 * What a checklist report says, collected before it is settled: statements about an item
 * or the whole, each with its place in the text, and the ways a report names an item
 * (by number, ordinal, or the words of its text).
 */
import { contentWords, numberValue, ordinalNumber } from '../text.js';

/** One item of the checklist, as the question listed it. */
export interface ChecklistItem {
  /** The item's text, exactly as the question listed it. */
  description: string;
  /** Other names a model may key the item by: an id, a short name, its topic words. */
  aliases?: readonly string[];
  /**
   * The family's own reading of a sentence that describes the response without a verdict
   * word (success-claims: a count, "The response is 171 words", against the instruction's
   * number); undefined when it cannot tell.
   */
  judge?: (sentence: string) => boolean | undefined;
}

/** What one statement is about: an item (0-based), or the whole. */
export type Target = number | 'overall';

/** An answer as a statement carries it: yes, no, a hedge, or two answers at once. */
export type Answer = boolean | 'hedge' | 'contradiction';

export interface Statement {
  target: Target;
  value: Answer;
  /** Where in the text it was said; later corrections are found by position. */
  position: number;
  /** Read from JSON (else from free text). */
  structured: boolean;
  /** Said of every item at once ("all satisfied", "all except #2"). */
  general: boolean;
  /**
   * Read from a sentence that only describes the response ("'yogurt' does not appear"):
   * it can contradict an answer about its item but is never an answer by itself.
   */
  corroborating?: boolean;
}

/** The items, and the statements found about them so far. */
export interface Collector {
  items: readonly ChecklistItem[];
  statements: Statement[];
  /**
   * Items a sentence said failed, naming them by their words ("I missed the word count"):
   * all-except when the report answers item by item nowhere else, else plain answers.
   */
  namedFailures: { index: number; position: number }[];
}

/** Records a statement; one about an item the checklist does not have is dropped. */
export function say(collector: Collector, target: Target, value: Answer, position: number, general = false, structured = false): void {
  if (typeof target === 'number' && (target < 0 || target >= collector.items.length)) return;
  collector.statements.push({ target, value, position, structured, general });
}

/** "All of them" with a value: every item (as a general statement) and the whole. */
export function sayAll(collector: Collector, value: Answer, position: number): void {
  collector.items.forEach((_, index) => say(collector, index, value, position, true));
  say(collector, 'overall', value, position);
}

/** "All except these": the listed items no, every other item yes, the whole no. */
export function sayAllExcept(collector: Collector, excepted: readonly number[], position: number): void {
  collector.items.forEach((_, index) => say(collector, index, !excepted.includes(index), position, true));
  say(collector, 'overall', false, position);
}

/**
 * The item a phrase names: its own text exactly, or by its words ("the title",
 * "no_comma", "Word count") when exactly one item shares the most content words with it
 * (at least `minimumShared` of them); undefined otherwise.
 */
export function itemNamedBy(phrase: string, items: readonly ChecklistItem[], minimumShared = 1): number | undefined {
  const plain = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const exact = items.flatMap((item, index) => ([item.description, ...(item.aliases ?? [])].some((name) => plain(name) === plain(phrase)) ? [index] : []));
  if (exact.length === 1) return exact[0];
  // (A phrase with no content words scores 0 for every item, below any minimum.)
  const words = contentWords(phrase);
  const scores = items.map((item) => {
    // Ids (`length_constraints:number_words`) match only exactly: their category words name no one item.
    const known = contentWords([item.description, ...(item.aliases ?? []).filter((alias) => !alias.includes(':'))].join(' '));
    return [...words].filter((w) => known.has(w)).length;
  });
  const best = Math.max(...scores);
  if (best < minimumShared || scores.filter((s) => s === best).length > 1) return undefined;
  return scores.indexOf(best);
}

/** Words models use for "instruction" when they number them, in the languages the readers know. */
export const ITEM_NOUN =
  '(?:instructions?|items?|requirements?|constraints?|rules?|criteri(?:on|a)|checks?|points?|questions?|q|no\\.|n[°º]|nr\\.?|numbers?|n[úu]mero|nummer|instrucci[oó]n(?:es)?|consignes?|règles?|anweisung(?:en)?|instru[cç][aã]o|instru[cç][oõ]es|istruzion[ei]|指示|指令|要求)';

/** References to items inside a sentence: "instruction 2", "#3", "the second instruction", "instructions 1 and 3". */
const ITEM_REFERENCE = new RegExp(
  `(?:\\b${ITEM_NOUN}\\s*#?\\s*(\\d{1,2}(?:\\s*(?:,|and|&|or)\\s*#?\\d{1,2})*)\\b|#(\\d{1,2}(?:\\s*(?:,|and|&|or)\\s*#\\d{1,2})*)\\b|\\b(first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|premi[eè]re?|deuxième|seconde|troisième|quatrième|primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|erste[n]?|zweite[n]?|dritte[n]?|vierte[n]?)\\s+(?:${ITEM_NOUN}|one)\\b|\\b(?:la|le|el|die|der)\\s+(premi[eè]re?|deuxième|seconde|troisième|quatrième|primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|erste[n]?|zweite[n]?|dritte[n]?|vierte[n]?)\\b|\\b(first|last) (two|three|four)\\b)`,
  'giu',
);

/**
 * Item indices (0-based) a sentence refers to by number or ordinal, in order, without
 * repeats (with `firstOnly`, those of its first reference, which may be a list: "1 and 3").
 * "The second one" counts only where nothing is numbered: beside "instruction 3" it is more
 * likely the second response or paragraph.
 */
export function referencedItems(sentence: string, count: number, base: number, firstOnly = false): number[] {
  const numbered: number[] = [];
  const ordinals: number[] = [];
  for (const match of sentence.matchAll(ITEM_REFERENCE)) {
    if (firstOnly && numbered.length + ordinals.length > 0) break;
    const numbers = match[1] ?? match[2];
    if (numbers) for (const n of numbers.match(/\d+/g)!) numbered.push(Number(n) - base);
    const ordinal = (match[3] ?? match[4])?.toLowerCase();
    if (ordinal) ordinals.push(ordinal === 'last' ? count - 1 : ordinalNumber(ordinal)! - 1);
    // "the first three", "the last two": a run of items from one end.
    const run = match[6] ? numberValue(match[6]) : undefined;
    if (run !== undefined) for (let i = 0; i < run; i++) ordinals.push(match[5]!.toLowerCase() === 'first' ? i : count - 1 - i);
  }
  const found = numbered.length > 0 ? numbered : ordinals;
  return [...new Set(found)].filter((i) => i >= 0 && i < count);
}

/** The base of a list of item numbers: 0 when they count from 0 (and stay within the items), else 1. */
export function numberingBase(numbers: readonly number[], count: number): number {
  return numbers.includes(0) && Math.max(...numbers) <= count - 1 ? 0 : 1;
}
