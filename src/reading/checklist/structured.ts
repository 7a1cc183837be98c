/**
 * A checklist answer given as JSON, in the shape asked for or any of its near misses:
 * item objects with a number, a text or a place; items keyed by number, text or short
 * name; a bare list; zero-based numbers; an answer for the whole under `all_satisfied`,
 * `overall` and the like; wrappers around any of these.
 */
import type { JsonSpan } from '../json.js';
import { readYesNoValue, verdictsIn, answerText } from '../yes-no.js';
import { ITEM_NOUN, itemNamedBy, numberingBase, say, type Collector } from './statements.js';

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
/** Keys of wrappers that hold the items rather than name one (`"evaluation": {...}`). */
const WRAPPER_KEY = /^(?:instructions?|results?|items?|checks?|evaluation|assessment|answers?|report|requirements?|constraints?|details|breakdown|data|response)$/i;

/** A JSON value read as a yes/no (or a hedge or refusal), or undefined when it is not an answer. A bare 1 or 0 answers only under an answer's key. */
function answerOf(value: unknown, key?: string): boolean | 'hedge' | undefined {
  if (typeof value === 'number' && !(key !== undefined && VALUE_KEY.test(key))) return undefined;
  const reading = readYesNoValue(value);
  if (reading.kind === 'read') return reading.value;
  return reading.why === 'hedge' || reading.why === 'refusal' ? 'hedge' : undefined;
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

/** Whether an item's explanation fields hedge ("note": "not certain about the count"), which keeps it from being a claim. */
function hedgedNote(entry: Record<string, unknown>, valueKey: string): boolean {
  return Object.entries(entry).some(
    ([key, value]) => key !== valueKey && typeof value === 'string' && verdictsIn(answerText(value)).some((v) => v.value === 'hedge'),
  );
}

/** The answer of one item's object (`{"number": 2, "satisfied": "no"}`), if it has one. */
function itemObjectAnswer(entry: Record<string, unknown>, place: number | undefined): JsonAnswer | undefined {
  const keys = Object.keys(entry);
  const candidates = keys.filter((key) => !NUMBER_KEY.test(key) && !TEXT_KEY.test(key) && answerOf(entry[key], key) !== undefined);
  const valueKey = candidates.find((key) => VALUE_KEY.test(key)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (valueKey === undefined) return undefined;
  const value = hedgedNote(entry, valueKey) ? 'hedge' : answerOf(entry[valueKey], valueKey)!;
  const numberKey = keys.find((key) => NUMBER_KEY.test(key));
  const textKey = keys.find((key) => TEXT_KEY.test(key));
  const number = numberKey !== undefined ? numberIn(entry[numberKey]) : textKey !== undefined ? numberIn(entry[textKey]) : undefined;
  const text = textKey !== undefined && typeof entry[textKey] === 'string' && number === undefined ? (entry[textKey] as string) : undefined;
  return { ...(number !== undefined ? { number } : {}), ...(text !== undefined ? { text } : {}), ...(place !== undefined ? { place } : {}), value };
}

/** Every item answer and whole answer in a JSON value, walking into wrappers. */
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
  const itself = itemObjectAnswer(value as Record<string, unknown>, undefined);
  if (itself && (itself.number !== undefined || itself.text !== undefined)) {
    answers.push(itself);
    return;
  }
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    // An item's number or text is what it is called, never an answer; a list under such a
    // key (`"instruction": [...]`) holds the items.
    if ((NUMBER_KEY.test(key) || TEXT_KEY.test(key)) && !Array.isArray(entry)) continue;
    const answer = answerOf(entry, key);
    if (answer !== undefined && OVERALL_KEY.test(key.trim())) {
      overall.push(answer);
    } else if (answer !== undefined && !VALUE_KEY.test(key)) {
      const number = numberIn(key);
      answers.push(number !== undefined ? { number, value: answer } : { text: key, value: answer });
    } else if (entry && typeof entry === 'object' && !Array.isArray(entry) && !WRAPPER_KEY.test(key)) {
      // `"no_commas": {"satisfied": true}` or `"2": {...}`: an item keyed by its name or number.
      const keyed = itemObjectAnswer(entry as Record<string, unknown>, undefined);
      const number = numberIn(key);
      if (keyed) answers.push(number !== undefined ? { ...keyed, number } : keyed.number !== undefined || keyed.text !== undefined ? keyed : { ...keyed, text: key });
      else walkJson(entry, answers, overall);
    } else if (entry && typeof entry === 'object') {
      walkJson(entry, answers, overall);
    }
  }
}

/**
 * The statements of one JSON answer, placed at the span; numbers count from 1 unless the
 * answer counts from 0 (then every number shifts). Returns how many it made.
 */
export function jsonStatements(collector: Collector, span: JsonSpan): number {
  const answers: JsonAnswer[] = [];
  const overall: (boolean | 'hedge')[] = [];
  walkJson(span.value, answers, overall);
  const before = collector.statements.length;
  const base = numberingBase(answers.flatMap((a) => (a.number !== undefined ? [a.number] : [])), collector.items.length);
  answers.forEach((answer, i) => {
    const index =
      answer.number !== undefined ? answer.number - base : answer.text !== undefined ? itemNamedBy(answer.text, collector.items) : answer.place;
    if (index !== undefined) say(collector, index, answer.value, span.start + i, false, true);
  });
  for (const value of overall) say(collector, 'overall', value, span.end - 1, false, true);
  return collector.statements.length - before;
}
