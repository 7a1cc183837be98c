/**
 * A checklist answer given as text, line by line: numbered items ("1. Yes", "Instruction
 * 2 (no commas): Not met", "### 3. Title" with a paragraph under it), markdown tables,
 * `- [x]` checklists and ✅ lines, items named by their words ("**Word count:** No"),
 * summaries ("all except #2", "2 of 3", "yes to 1 and 3, no to 2"), a line for the
 * whole ("Overall: no"), and a leading or closing answer ("Yes.", "So not quite.").
 */
import { answerText, correctionPositions, settle, verdictsIn } from '../yes-no.js';
import { NUMBER_PATTERN, numberValue, ordinalNumber, stripMarkdown, withoutQuoted } from '../text.js';
import { describedVerdict, RESTATEMENT } from './described.js';
import {
  ITEM_NOUN,
  itemNamedBy,
  numberingBase,
  referencedItems,
  say,
  sayAll,
  sayAllExcept,
  type Answer,
  type ChecklistItem,
  type Collector,
  type Target,
} from './statements.js';

/** A line of the text, markdown stripped, with where it starts and whether it was set as a heading. */
export interface Line {
  text: string;
  position: number;
  /** A markdown heading, or a line that is all bold: the title of what follows. */
  heading?: boolean;
}

/** The text's non-blank lines, markdown stripped (a code fence's line strips to its language tag at most, which answers nothing). */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let position = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() !== '') {
      const text = stripMarkdown(raw);
      // A bold line that answers ("**Satisfied.**") is an answer, not a title.
      const heading = /^\s*#{1,6}\s/.test(raw) || (/^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*$/.test(raw) && verdictsIn(answerText(text)).length === 0);
      lines.push({ text, position, ...(heading ? { heading } : {}) });
    }
    position += raw.length + 1;
  }
  return lines;
}

/** A numbered item label at the start of a line: `1.`, `2)`, `3 -`, `#3:`, `(4)`, `Instruction 2 (no commas):`, `1️⃣`. */
const ITEM_LABEL = new RegExp(
  `^(?:第\\s*(\\d{1,2})\\s*[条項项个個]?\\s*[:.]\\s*|(?:[-*•+]\\s+)?((?:\\[[ xX✓✔✗✘?]\\]|[✓✔✅☑✗✘❌❎☒✖⚠❓☐])\\s*)?(?:${ITEM_NOUN}\\s*#?\\s*(\\d{1,2})(?![\\d.]\\d)(?=\\s*(?:[:.)\\-(]|$))|#\\s*(\\d{1,2})\\b|\\(?(\\d{1,2})(?:[.):\\]](?!\\d)|\\u20e3|\\s+-\\s|\\s+(?=[✓✔✅☑✗✘❌❎☒✖⚠☐])))\\s*[:.)\\-]?\\s*)`,
  'iu',
);

/** An ordinal label at the start of a line: "First:", "Second instruction -", "3rd:". */
const ORDINAL_LABEL = new RegExp(`^(?:[-*•+]\\s+)?(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)(?:\\s+(?:${ITEM_NOUN}|one))?\\s*[:-]\\s*`, 'iu');

/** A line's item label and its number, if it has one. */
function itemLabel(text: string): { label: string; mark?: string; number: number } | undefined {
  const label = ITEM_LABEL.exec(text);
  // Every way ITEM_LABEL matches captures the number in one of its groups.
  const n = label?.[1] ?? label?.[3] ?? label?.[4] ?? label?.[5];
  if (n !== undefined) return { label: label![0], mark: label![2], number: Number(n) };
  const ordinal = ORDINAL_LABEL.exec(text);
  return ordinal ? { label: ordinal[0], number: ordinalNumber(ordinal[1]!)! } : undefined;
}

/** A line that answers for the whole: "Overall: no", "All satisfied: ✅", "Everything satisfied? No.", "In summary, ...". */
const OVERALL_LABEL =
  /^(?:[-*•+]\s+)?(?:(?:overall|in summary|summary|in short|in total|to summari[sz]e|in conclusion|conclusion|final (?:answer|verdict|assessment|result)|verdict|result|bottom line|score|total|en résumé|globalement|global|insgesamt|gesamt(?:ergebnis)?|fazit|en general|resumen|conclusión|in generale|riepilogo|no geral|resumo|総合|まとめ|总体|总结|整体)\s*(?:[:=?,-]\s*|\s+)|(?:all|every|everything|all of them|every instruction)(?: (?:instructions?|requirements?|of them|three|four|two))? ?(?:satisfied|met|followed|fulfilled|ok)?\s*(?:[:=?]|\s-)\s*)(.*)$/iu;

/** Labels that speak for the whole only outside an item's block: inside one, "Verdict: ..." is the item's. */
const WEAK_OVERALL_LABEL = /^(?:[-*•+]\s+)?(?:verdict|result|status|score|total)\b/i;
/** A heading over the answer for the whole: "### Overall", "**Summary**". */
const WHOLE_HEADING = /^(?:overall|summary|in summary|conclusion|final (?:answer|verdict|assessment)|verdict|bottom line)\s*:?\s*$/i;

/** What restating an item's own text before its answer looks like: cut it off (compared as the line is, markdown stripped). */
function afterRestatement(fragment: string, description: string | undefined): string {
  if (!description) return fragment;
  const restated = stripMarkdown(description).replace(/[.:]+$/, '').toLowerCase();
  const plain = fragment.trim();
  // Restated as is, or in quotes ("Do not include the keywords "x" or "y" in the response").
  const unquoted = plain.replace(/^["']/, '');
  if (!unquoted.toLowerCase().startsWith(restated)) return plain;
  return unquoted.slice(restated.length).replace(/^[.]?["']?[\s.:;,-]*/, '');
}

/** An answer found in a piece of text, and how far into it the deciding verdict sits. */
interface FoundAnswer {
  value: Answer;
  offset: number;
}

/**
 * The answer an item's text gives (a line after its label, a table's cells, a paragraph
 * under a heading): its verdicts, or failing those, what it describes. A short title
 * before a separator ("Correct language: ❌") gives way to the answer after it.
 */
export function fragmentAnswer(fragment: string, item: ChecklistItem | undefined): FoundAnswer | undefined {
  const description = item?.description;
  const answer = answerText(afterRestatement(fragment, description));
  const verdicts = verdictsIn(answer);
  let outcome = settle(verdicts, correctionPositions(answer));
  // A short title whose words read as a verdict ("Correct language: ❌") gives way to the answer after it.
  const separator = /\s*(?::|\s-\s|\|)\s*/.exec(answer);
  if (outcome === 'contradiction' && separator && !answer.includes('\n') && isVerdictFreeTitle(answer.slice(0, separator.index))) {
    const tail = answer.slice(separator.index + separator[0].length);
    const tailOutcome = settle(verdictsIn(tail), correctionPositions(tail));
    if (typeof tailOutcome === 'boolean') outcome = tailOutcome;
  }
  if (outcome === undefined) {
    // No verdict, so no refusal either (verdictsIn reads one as a hedge). A restated
    // instruction ("Your response must have 4 sections") describes nothing.
    const described = item === undefined || RESTATEMENT.test(answer) ? undefined : (item.judge?.(answer) ?? describedVerdict(answer, item.description));
    return described === undefined ? undefined : { value: described, offset: 0 };
  }
  // An outcome comes from at least one verdict.
  return { value: outcome, offset: verdicts.at(-1)!.position };
}

/** A title of a few words with no yes/no and no mark: its verdict-like words ("Correct", "Met") name it rather than answer. */
function isVerdictFreeTitle(head: string): boolean {
  return head.split(/\s+/).length <= 5 && !/\b(?:yes|no|not|n't)\b|[✓✔✅☑✗✘❌❎☒✖]/i.test(head);
}

// ---------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------

/** Cells of a markdown table row: `| 1 | No commas | ✅ |` -> ['1', 'No commas', '✅']; with `loose`, any line with a pipe. */
function tableCells(line: string, loose = false): string[] | undefined {
  const pipes = (line.match(/\|/g) ?? []).length;
  if (pipes < (loose ? 1 : 2)) return undefined;
  return line
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

const STATUS_HEADER = /satisf|met\b|status|result|follow|pass|verdict|complian|compl(?:ied|y)|ok\b|yes|answer|✓|✔|✅|check|done|cumpl|erfüllt|respect/i;
const NOTE_HEADER = /note|explanation|comment|detail|evidence|reason|justification|why|observation|remark|how|actual|count|explica|raison|begründung/i;
const TEXT_HEADER = /instruction|requirement|constraint|rule|criteri|description|item|task|instrucci|consigne|anweisung/i;

/** "Violated: " for a header that asks whether the item failed ("Violated?", "Missed", "Not met"); undefined for any other. */
function failureLabel(header: string): string | undefined {
  const word = header.replace(/\?\s*$/, '');
  const verdicts = verdictsIn(word);
  return verdicts.length === 1 && verdicts[0]!.value === false ? `${word}: ` : undefined;
}

/** An item number written in a cell: `2`, `2.`, `#2`, `(2)`. */
function cellNumber(cell: string | undefined): number | undefined {
  const match = /^\s*[#(]?(\d{1,2})[.)]?\s*$/.exec(cell ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The statements of a markdown table: an item per row (by its number, text or place), a whole answer in a total row. */
function tableStatements(collector: Collector, rows: readonly Line[]): void {
  const cellRows = rows.map((row) => ({ cells: tableCells(row.text, true)!, position: row.position }));
  const isSeparator = (cells: readonly string[]): boolean => cells.every((cell) => /^:?-+:?$/.test(cell) || cell === '');
  const separated = cellRows.length > 1 && isSeparator(cellRows[1]!.cells);
  // Without a separator row, a first row with no item number and no answer is the header.
  const unseparatedHeader =
    !separated && cellRows.length > 1 && cellNumber(cellRows[0]!.cells[0]) === undefined && cellNumber(cellRows[1]!.cells[0]) !== undefined;
  const header = separated || unseparatedHeader ? cellRows[0]!.cells : [];
  const body = cellRows.slice(separated ? 2 : unseparatedHeader ? 1 : 0).filter((row) => !isSeparator(row.cells));
  const columns = [...header.keys()];
  const statusColumns = columns.filter((i) => STATUS_HEADER.test(header[i]!) && !NOTE_HEADER.test(header[i]!));
  const noteColumns = columns.filter((i) => NOTE_HEADER.test(header[i]!) && !STATUS_HEADER.test(header[i]!));
  // A column asking whether the item failed ("Violated?") labels its cells as "Violated: No"
  // does, so the yes/no reader turns them around the same way.
  const failureLabels = header.map((cell) => failureLabel(cell));
  const textColumn = header.findIndex((cell) => TEXT_HEADER.test(cell) && !STATUS_HEADER.test(cell));
  const width = Math.max(0, ...body.map((row) => row.cells.length));
  const itemNumber = (cell: string | undefined): boolean => (cellNumber(cell) ?? Infinity) <= collector.items.length;
  const numberColumn =
    [...Array(width).keys()].find((i) => /^(?:#|no\.?|n[°º]|nr\.?|number|item)$/i.test(header[i] ?? '')) ??
    // Unheaded, only the first column numbers items, and only with numbers an item can have.
    (body.every((row) => itemNumber(row.cells[0])) ? 0 : -1);
  const numbers = body.map((row) => cellNumber(row.cells[numberColumn]));
  const base = numberingBase(numbers.filter((n): n is number => n !== undefined), collector.items.length);
  const itemRows = body.filter((row, place) => !(numbers[place] === undefined && OVERALL_LABEL.test(`${row.cells[0]}: x`)));
  body.forEach((row, place) => {
    const { cells, position } = row;
    const number = numbers[place];
    if (number === undefined && OVERALL_LABEL.test(`${cells[0]}: x`)) {
      const answer = fragmentAnswer(cells.slice(1).join(' | '), undefined);
      if (answer) say(collector, 'overall', answer.value, position);
      return;
    }
    const text = textColumn >= 0 ? cells[textColumn] : cells.find((cell, i) => i !== numberColumn && cellNumber(cell) === undefined);
    // With no number column, a text cell that opens with its item's label ("Instruction 2", "Rule 2") numbers its row.
    const labelled = number ?? (text !== undefined ? itemLabel(text)?.number : undefined);
    const index =
      labelled !== undefined
        ? labelled - base
        : ((text !== undefined ? itemNamedBy(text, collector.items) : undefined) ??
          (itemRows.length === collector.items.length ? itemRows.indexOf(row) : undefined));
    if (index === undefined) return;
    const answerColumns =
      statusColumns.length > 0
        ? statusColumns
        : [...cells.keys()].filter((i) => i !== textColumn && !noteColumns.includes(i) && !(i === numberColumn && number !== undefined));
    const answerCells = answerColumns.map((i) => `${failureLabels[i] ?? ''}${cells[i]}`);
    const answer = fragmentAnswer(answerCells.join(' | '), collector.items[index]);
    if (answer) say(collector, index, answer.value, position + 1);
  });
}

// ---------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------

/** "except #2", "but the title", "other than instructions 1 and 3": the excepted part. */
const EXCEPT =
  /\b(?:except(?: for)?(?: that)?|but(?: for)?|other than|apart from|aside from|save for|besides|excluding|with the exception of|excepto|salvo|menos|sauf|à part|außer|ausgenommen|tranne|eccetto|exceto|menos)\s+(.+)$/i;
/**
 * "all/every/each instruction(s)", "everything", "all of them", "both", "any of them"; a bare
 * "all" only before a verb, a stop or an exception, through a verdict word ("all satisfied
 * except #2", "all good but the title"), so "all lowercase" is no quantifier.
 */
const ALL_QUANTIFIER = new RegExp(
  `\\b(?:(?:all|every|each|any|either)(?:\\s+(?:of\\s+)?(?:the\\s+)?(?:${NUMBER_PATTERN}\\s+)?(?:${ITEM_NOUN}|them|these|one|single|${NUMBER_PATTERN})\\b|(?=(?:\\s+(?:satisfied|met|followed|fulfilled|good|fine|ok|okay|passed|correct|done|complied))?(?:\\s*[.!,;:]|\\s+(?:were|are|was|is|have|has|except|but|save|apart)\\b)))|everything|both|none|neither|todas|todos|toutes|tous|alle|tutte|tutti)\\b(?!-)`,
  'i',
);
const NOT_ALL = /\bnot (?:all|every|each|everything)\b/i;
/** "2 of 3", "2/3", "two out of three": a count of items satisfied. */
const COUNT = new RegExp(`\\b(${NUMBER_PATTERN})\\s*(?:/|of|out of)\\s*(?:the\\s+)?(${NUMBER_PATTERN})\\b`, 'i');
const ABOUT_ITEMS = new RegExp(`${ITEM_NOUN}|satisf|met\\b|follow|fulfil|compl|pass|overall|score|miss|fail`, 'i');
/** "yes to 1 and 3", "no for #2". */
const YES_NO_TO = /\b(yes|no|oui|non|sí|ja|nein)\s+(?:to|for|on|pour|para|für)\s+(?:(?:instructions?|items?|numbers?|la|le|el|die|der)\s*)?#?(\d{1,2}(?:\s*(?:,|and|&)\s*#?\d{1,2})*|premi[eè]re?|deuxième|seconde|troisième|quatrième|primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|erste[n]?|zweite[n]?|dritte[n]?|vierte[n]?|first|second|third|fourth)\b/gi;
/** "1 yes, 2 no", "#3: no". */
const NUMBER_YES_NO = /(?:^|[\s,;(])#?(\d{1,2})\s*(?:[:=-]|\bis\b|\bwas\b)?\s*(?:a\s+)?(yes|no)\b/gi;
/** A sentence answering for an item named by its place: "Second, three paragraphs: yes." */
const SENTENCE_ORDINAL = /^(first|second|third|fourth|fifth|sixth)(?:ly)?\s*[,:]\s*/i;
/** "Only the first instruction was met": the named ones yes, every other no. */
const ONLY = /\bonly\b/i;
/** "None of them", "neither instruction", "did not satisfy any of them": said of every item. */
const NONE = /\b(?:none|neither)\b|(?:\bnot|n't)\b[^.;!?]*\bany\b/i;
/** "The rest were met", "the others are fine": every item the sentence does not name. */
const THE_REST = /\b(?:the rest|the others|all (?:the )?others|the remaining(?: ones| instructions?)?|every other(?: one| instruction)?|everything else)\b/i;
/** Said of "all of them", these mean not all; "mostly" and "partially" beside them only agree. */
const NOT_WHOLLY = /\bnot (?:entirely|completely|fully|quite|wholly)\b|\b(?:almost|nearly) (?:all|everything|every)\b|почти/gi;
const MOSTLY = /\b(?:mostly|partially|partly|largely)\b/gi;
/** How a closing answer opens: "So, no.", "Therefore yes", "All in all, not quite." */
const CLOSING = /^(?:so|thus|therefore|hence|in short|all in all|to sum up|in the end|bottom line|in conclusion|net|overall)\b/i;
/** Where a sentence divides into clauses that may answer about different items ("1 and 3 were met, but I missed 2"). */
const CLAUSE_BREAK = /,?\s+\b(?:but|however|whereas|while|although|though|yet)\b|;\s+/i;

/** Sentences of a line, with where each starts; a quotation is never split, and clauses ("...; the others were") stay together. */
function sentencesOf(line: Line): Line[] {
  const sentences: Line[] = [];
  for (const match of line.text.matchAll(/(?:"[^"\n]*"|[^.!?"]|")+(?:[.!?]+|$)/g)) {
    if (match[0].trim() !== '') sentences.push({ text: match[0].trim(), position: line.position + match.index });
  }
  return sentences;
}

/** The answers of a sentence that names items: each clause answers for the items it names. */
function clauseStatements(collector: Collector, sentence: Line, base: number): boolean {
  const text = answerText(sentence.text);
  let said = false;
  let offset = 0;
  for (const clause of text.split(CLAUSE_BREAK)) {
    const at = text.indexOf(clause, offset);
    offset = at + clause.length;
    // The clause is about its first reference ("1 could not be met together with 2" is about 1).
    const referenced = referencedItems(clause, collector.items.length, base, true);
    const verdicts = verdictsIn(clause);
    // "The last one it does not": the verdict left out after a negated auxiliary is a no.
    const elided = /\b(?:does|did|do|is|was|were|are)\s*(?:not|n't)\s*(?:[:.;!-]|$)|\b(?:doesn't|didn't|isn't|wasn't|weren't|aren't)\s*(?:[:.;!-]|$)/i.test(clause);
    const outcome = settle(verdicts, correctionPositions(clause)) ?? (elided ? false : undefined);
    if (referenced.length === 0 || outcome === undefined) continue;
    for (const index of referenced) say(collector, index, outcome, sentence.position + at + (verdicts.at(-1)?.position ?? 0));
    said = true;
  }
  return said;
}

/** The items an "except ..." phrase names: by number, or by the words of its first clause. */
function exceptedItems(phrase: string, collector: Collector, base: number): number[] {
  const byNumber = referencedItems(phrase, collector.items.length, base);
  if (byNumber.length > 0) return byNumber;
  const firstClause = withoutQuoted(phrase).split(/[:;,.]|\s-\s/)[0]!;
  const named = itemNamedBy(firstClause, collector.items);
  return named === undefined ? [] : [named];
}

/**
 * What a sentence outside any item line says: a summary ("all except #2", "2 of 3",
 * "yes to 1 and 3"), answers about the items it names, or a closing answer. Returns
 * whether it said anything.
 */
function sentenceStatements(collector: Collector, sentence: Line, base: number): boolean {
  const { items } = collector;
  const text = answerText(sentence.text);
  const verdicts = verdictsIn(text);
  const outcome = settle(verdicts, correctionPositions(text));
  const position = sentence.position + (verdicts.at(-1)?.position ?? 0);
  // "Sentences: no, I count 9." / "Yes to the word limit": an item named by its words, then its answer.
  const titled = TITLED.exec(text);
  const titleItem = titledItem(text, items);
  const yesTo = /^(yes|no)\s+(?:to|for|on)\s+(?:the\s+)?([^.;(,]+)/i.exec(text);
  // "Yes to all except the one about length" is a summary, read below, not a yes to the item it names.
  const yesToItem = yesTo && !/^#?\d/.test(yesTo[2]!) && !EXCEPT.test(yesTo[2]!) ? itemNamedBy(withoutQuoted(yesTo[2]!), items) : undefined;
  if (titleItem !== undefined) {
    const answer = fragmentAnswer(titled![2]!, items[titleItem]);
    if (answer) say(collector, titleItem, answer.value, sentence.position + answer.offset);
    return answer !== undefined;
  }
  if (yesToItem !== undefined) {
    say(collector, yesToItem, yesTo![1]!.toLowerCase() === 'yes', sentence.position);
    return true;
  }
  const ordinal = SENTENCE_ORDINAL.exec(text);
  if (ordinal) {
    const index = ordinalNumber(ordinal[1]!)! - 1;
    const answer = fragmentAnswer(text.slice(ordinal[0].length), items[index]);
    if (answer && index < items.length) {
      say(collector, index, answer.value, sentence.position + ordinal[0].length + answer.offset);
      return true;
    }
  }
  const pairs = [...text.matchAll(YES_NO_TO), ...text.matchAll(NUMBER_YES_NO)];
  if (pairs.length > 0) {
    for (const pair of pairs) {
      const [numbers, answer] = pair[1]!.match(/^\d/) ? [pair[1]!, pair[2]!] : [pair[2]!, pair[1]!];
      // (The answer is one word of YES_NO_TO's or NUMBER_YES_NO's.)
      const yes = /yes|oui|sí|ja/i.test(answer);
      const ordinal = ordinalNumber(numbers);
      const indices = ordinal !== undefined ? [ordinal - 1] : numbers.match(/\d+/g)!.map((n) => Number(n) - base);
      for (const index of indices) say(collector, index, yes, sentence.position + pair.index);
    }
    return true;
  }
  const except = EXCEPT.exec(text);
  // A quantifier before the excepted part, its "except" included ("I met all except #2").
  if (except && (ALL_QUANTIFIER.test(text.slice(0, except.index + except[0].length - except[1]!.length)) || /^(?:well,?)?$/i.test(text.slice(0, except.index).trim())) && outcome !== 'hedge') {
    const excepted = exceptedItems(except[1]!, collector, base);
    if (excepted.length > 0) {
      sayAllExcept(collector, excepted, position);
      return true;
    }
    // An exception that names no item ("all good except one", "except for a small issue") is
    // no yes for all: a counted one says the whole failed, anything else says nothing sure.
    if (new RegExp(`^${NUMBER_PATTERN}\\b`, 'i').test(except[1]!)) say(collector, 'overall', false, position);
    return true;
  }
  const count = COUNT.exec(text);
  // A count about the items, or a sentence that is only a count ("2/3.", "Two out of three.").
  if (count && (ABOUT_ITEMS.test(text) || text.replace(count[0], '').replace(/[\s\p{P}]/gu, '') === '')) {
    const satisfied = numberValue(count[1]!);
    const of = numberValue(count[2]!);
    if (satisfied !== undefined && of !== undefined && of === items.length && satisfied <= of) {
      // "2 of 3 satisfied" is not all; "2 of 3 weren't satisfied" counts failures.
      const countsFailures = settle(verdictsIn(text.slice(count.index)), []) === false;
      say(collector, 'overall', countsFailures ? satisfied === 0 : satisfied === of, position);
      clauseFailures(collector, text.replace(count[0], ' '.repeat(count[0].length)), sentence.position, base, true);
      return true;
    }
  }
  const referenced = referencedItems(text, items.length, base);
  const rest = THE_REST.exec(text);
  if (rest && referenced.length > 0) {
    // "I missed #3, the rest were met": the named items as said, every other item as the rest.
    const restText = text.slice(rest.index);
    // "the others were": the predicate left out is the verdict's plain form.
    const elided = /^[\p{L} ]+?\s(?:were|are|was|is|did|do|have|had)(n't| not)?\s*[.!]?\s*$/u.exec(restText);
    const restVerdict = elided ? elided[1] === undefined : settle(verdictsIn(restText), []);
    const named = referencedItems(text.slice(0, rest.index), items.length, base);
    if (typeof restVerdict === 'boolean' && named.length > 0) {
      clauseStatements(collector, { text: text.slice(0, rest.index), position: sentence.position }, base);
      items.forEach((_, index) => {
        if (!named.includes(index)) say(collector, index, restVerdict, position, true);
      });
      return true;
    }
  }
  if (referenced.length > 0 && ONLY.test(text) && outcome === true) {
    items.forEach((_, index) => say(collector, index, referenced.includes(index), position, !referenced.includes(index)));
    say(collector, 'overall', false, position);
    return true;
  }
  if (referenced.length > 0) return clauseStatements(collector, sentence, base);
  if (outcome === undefined) describedClauses(collector, sentence);
  if (outcome === undefined) return false;
  // Clauses that answer differently may each name their item ("The title is missing, but all the other instructions were met").
  if (outcome === 'contradiction') return clauseFailures(collector, text, sentence.position, base);
  if (NOT_ALL.test(text) && outcome !== 'hedge') {
    say(collector, 'overall', false, position);
    return true;
  }
  if (ALL_QUANTIFIER.test(text) || CLOSING.test(text)) {
    if (outcome === true) {
      sayAll(collector, true, position);
      // A failure described after a contrast contradicts the yes for all ("Yes, all of them, though the title does not appear").
      const contrast = /;|\b(?:but|though|although|however|yet)\b/i.exec(sentence.text);
      if (contrast) describedClauses(collector, { text: sentence.text.slice(contrast.index), position: sentence.position + contrast.index });
    }
    else if (outcome === false && NONE.test(text)) sayAll(collector, false, position);
    else say(collector, 'overall', wholeAnswer(text, outcome), position);
    return true;
  }
  return clauseFailures(collector, text, sentence.position, base);
}

/** "Mostly", "partially", "not entirely": for "did it satisfy all of them?", a no; any other hedge stays one. */
function wholeAnswer(text: string, outcome: Answer): Answer {
  if (outcome !== 'hedge' || !new RegExp(NOT_WHOLLY.source, 'i').test(text)) return outcome;
  const rest = text.replace(NOT_WHOLLY, ' ').replace(MOSTLY, ' ');
  return verdictsIn(rest).some((v) => v.value === 'hedge') ? outcome : false;
}

/**
 * Clauses that describe a failure without a verdict word ("but 'yogurt' does not appear in
 * either response"), read against the one item they name: corroborating statements, which
 * can contradict an answer about that item but never answer by themselves.
 */
function describedClauses(collector: Collector, sentence: Line): void {
  const text = sentence.text;
  for (const clause of text.split(/;|,?\s+(?:but|however|whereas|while|although|so)\s+/)) {
    const named = itemNamedBy(clause, collector.items);
    if (named === undefined) continue;
    // Only a described failure can contradict: positive descriptions agree with too much to be evidence.
    const item = collector.items[named]!;
    if ((item.judge?.(clause) ?? describedVerdict(clause, item.description)) !== false) continue;
    collector.statements.push({ target: named, value: false, position: sentence.position + text.indexOf(clause), structured: false, general: false, corroborating: true });
  }
}

/** Clauses that say an item failed, naming it by its words ("the paragraph count is off", "I missed the title"). */
function clauseFailures(collector: Collector, text: string, position: number, base: number, afterCount = false): boolean {
  let found = false;
  const clauses = text.split(/[;:]|,?\s+(?:but|and|so|because)\s+|\s-\s/);
  for (const clause of clauses) {
    if (referencedItems(clause, collector.items.length, base).length > 0) continue;
    // The clause that carries the count ("two of the three weren't satisfied") names no item.
    if (afterCount && /^\s*[\s\p{P}]*(?:looking back|instructions?|of them|were|weren't|satisfied|met)\b/iu.test(clause)) continue;
    const verdict = settle(verdictsIn(clause), correctionPositions(clause));
    // "...begins with 'Puzzles', so that part isn't met": a verdict with no name of its own takes the sentence's.
    const refersBack = /\b(?:it|that|this|that part|this one|that one)\b/i.test(clause);
    const named = itemNamedBy(withoutQuoted(clause), collector.items) ?? (verdict !== undefined && refersBack ? itemNamedBy(withoutQuoted(text), collector.items) : undefined);
    if (named === undefined || verdict === 'contradiction') continue;
    const at = position + text.indexOf(clause);
    // Beside a count ("I satisfied 2 of 3; the sentence count is off") only the failures are named.
    if (afterCount && verdict !== false && verdict !== undefined) continue;
    if (verdict === true || verdict === 'hedge') {
      // Said of one item by its words ("Word count is about 300, so yes", "Should be fine on the quotes"),
      // only where two or more of its words name it: one shared word names too easily.
      if (itemNamedBy(withoutQuoted(clause), collector.items, 2) !== named) continue;
      say(collector, named, verdict, at);
      found = true;
      continue;
    }
    // Without a verdict word, the item's own reading of the clause ("I only wrote three paragraphs, not four").
    if (verdict === undefined && fragmentAnswer(clause, collector.items[named])?.value !== false) continue;
    collector.namedFailures.push({ index: named, position: at });
    found = true;
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------

/** A bullet or mark line with no number ("- [x] No commas", "✅ Title in << >>"). */
const UNNUMBERED_ITEM = /^(?:[-*•+]\s+(?:\[[ xX✓✔✗✘?]\]\s*)?|\[[ xX✓✔✗✘?]\]\s*|[✓✔✅☑✗✘❌❎☒✖⚠☐]\s*)(.+)$/u;
/** "Title: answer" with a short title ("Letter x (fewer than 10): Yes", "Word count - no"). */
const TITLED = /^([^:]{2,80}?)\s*(?::|\s-\s)\s*(.*)$/;

/** A line that speaks for the whole, so it is no part of an item's block: "So no: ...", "All instructions: no", "Not all were met". */
function endsBlock(text: string): boolean {
  const plain = answerText(text);
  // ("None used, so yes" under "### Commas" is about commas: "none" speaks for the whole only as "none of them", "none were met".)
  return (
    CLOSING.test(plain) ||
    NOT_ALL.test(plain) ||
    (/^(?:all|every|everything|(?:none|neither)(?=\s+(?:of|was|were|is|are|met|satisfied|followed|passed)\b))\b/i.test(plain) && verdictsIn(plain).length > 0)
  );
}

/** A short name for an item ("Word count", "Letter x (fewer than 10)"), not a sentence with answers of its own. */
function isTitle(title: string | undefined, heading = false): boolean {
  if (title === undefined || (!heading && title.split(/\s+/).length > 8)) return false;
  const plain = answerText(title);
  return verdictsIn(plain).length === 0 && !EXCEPT.test(plain) && !ALL_QUANTIFIER.test(plain);
}

/** The item a "Title: answer" text names by its title ("Sentences: no, I count 9."), if it opens with its answer. */
function titledItem(text: string, items: readonly ChecklistItem[]): number | undefined {
  const titled = TITLED.exec(text);
  return titled && isTitle(titled[1]) && opensWithVerdict(titled[2]!) ? itemNamedBy(withoutQuoted(titled[1]!), items) : undefined;
}

/** Whether a text opens with its verdict ("Yes, ...", "✅ ...", "Not met: ..."), as the answer after a title does. */
function opensWithVerdict(text: string): boolean {
  const first = verdictsIn(answerText(text))[0];
  return first !== undefined && answerText(text).slice(0, first.position).split(/\s+/).filter(Boolean).length <= 2;
}

/**
 * Every statement the free text makes, line by line. Returns the lines that said nothing
 * about the items, where a leading answer may be.
 */
export function freeTextStatements(collector: Collector, lines: readonly Line[]): Line[] {
  const { items } = collector;
  const base = numberingBase(lines.flatMap((line) => itemLabel(line.text)?.number ?? []), items.length);
  const unused: Line[] = [];
  const unnumbered: { line: Line; answer: FoundAnswer }[] = [];
  let open: { target: Target; lines: Line[] } | undefined;
  const closeBlock = (): void => {
    if (open && open.lines.length > 0) {
      const text = open.lines.map((l) => l.text).join('\n');
      if (open.target === 'overall') {
        const block = { text, position: open.lines[0]!.position };
        if (!sentencesOf(block).map((sentence) => sentenceStatements(collector, sentence, base)).includes(true)) {
          const answer = fragmentAnswer(text, undefined);
          if (answer) say(collector, 'overall', wholeAnswer(answerText(text), answer.value), block.position + answer.offset);
        }
      } else {
        const answer = fragmentAnswer(text, items[open.target]);
        if (answer) say(collector, open.target, answer.value, open.lines[0]!.position + answer.offset);
      }
    }
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A table, or a loose one ("Instruction | Followed" over "1 | yes" rows): lines with pipes, together.
    const loose = !tableCells(line.text) && tableCells(line.text, true) !== undefined && tableCells(lines[i + 1]?.text ?? '', true) !== undefined;
    if (tableCells(line.text) || loose) {
      closeBlock();
      const rows = [line];
      while (i + 1 < lines.length && tableCells(lines[i + 1]!.text, true)) rows.push(lines[++i]!);
      tableStatements(collector, rows);
      continue;
    }
    // "First, the postscript: yes. Second, ...: no.", "Word count: yes. Commas: no.": items answered
    // by place or by name on one line, sentence by sentence (unless the line is numbered).
    const sentences = sentencesOf(line);
    const byPlace = sentences.filter((sentence) => SENTENCE_ORDINAL.test(sentence.text)).length >= 2;
    const byName = new Set(sentences.map((sentence) => titledItem(answerText(sentence.text), items)).filter((index) => index !== undefined)).size >= 2;
    if ((byPlace || byName) && !ITEM_LABEL.test(line.text)) {
      closeBlock();
      for (const sentence of sentences) sentenceStatements(collector, sentence, base);
      continue;
    }
    const label = itemLabel(line.text);
    if (label) {
      closeBlock();
      // Ordinal labels count from one whatever the digits do.
      const index = label.number - (ITEM_LABEL.test(line.text) ? base : 1);
      // (join leaves out a mark the label does not have; fragmentAnswer trims)
      const rest = [label.mark, line.text.slice(label.label.length)].join(' ');
      const answer = fragmentAnswer(rest, items[index]);
      if (answer) say(collector, index, answer.value, line.position + label.label.length + answer.offset);
      else open = { target: index, lines: [] };
      continue;
    }
    if (line.heading && WHOLE_HEADING.test(line.text)) {
      closeBlock();
      open = { target: 'overall', lines: [] };
      continue;
    }
    const overall = OVERALL_LABEL.exec(line.text);
    if (overall && !(open && WEAK_OVERALL_LABEL.test(line.text))) {
      closeBlock();
      const rest = { text: overall[1]!, position: line.position + line.text.length - overall[1]!.length };
      if (!sentencesOf(rest).map((sentence) => sentenceStatements(collector, sentence, base)).includes(true)) {
        // With no answer after it, the label's own verdict answers ("All satisfied - I only had to recount once").
        for (const part of [rest, line]) {
          const answer = fragmentAnswer(part.text, undefined);
          if (!answer) continue;
          say(collector, 'overall', wholeAnswer(answerText(part.text), answer.value), part.position + answer.offset);
          break;
        }
      }
      continue;
    }
    // A line that opens with an item's own text, restated ("**"Answer with less than 300 words."** Yes").
    const restated = items.findIndex((item) => afterRestatement(line.text, item.description) !== line.text.trim());
    if (restated >= 0) {
      closeBlock();
      const answer = fragmentAnswer(line.text, items[restated]);
      if (answer) say(collector, restated, answer.value, line.position + answer.offset);
      else open = { target: restated, lines: [] };
      continue;
    }
    // A line that names one item by number elsewhere in it ("✔ Under 126 words (instruction 2)").
    const bullet = UNNUMBERED_ITEM.exec(line.text);
    const referenced = referencedItems(line.text, items.length, base);
    if (bullet && referenced.length === 1) {
      closeBlock();
      const answer = fragmentAnswer(line.text, items[referenced[0]!]);
      if (answer) say(collector, referenced[0]!, answer.value, line.position + answer.offset);
      continue;
    }
    // A heading, or a "Title: answer" line, that names one item by its words.
    const titled = TITLED.exec(line.text);
    const title = line.heading ? line.text.replace(/:$/, '') : (bullet?.[1] ?? titled?.[1]);
    // A bullet's whole text may name its item ("☑ Title in double angular brackets (<<...>>)"); its mark answers.
    const nameable = bullet ? !EXCEPT.test(answerText(title!)) && !ALL_QUANTIFIER.test(answerText(title!)) : isTitle(title, line.heading);
    const named = nameable ? (itemNamedBy(withoutQuoted(title!), items) ?? itemNamedBy(title!, items)) : undefined;
    if (named !== undefined && (line.heading || bullet || opensWithVerdict(titled![2]!))) {
      closeBlock();
      const answer = line.heading ? undefined : fragmentAnswer(bullet ? line.text : (titled?.[2] ?? line.text), items[named]);
      if (answer) say(collector, named, answer.value, line.position + answer.offset);
      else if (line.heading || (titled && titled[2] === '')) open = { target: named, lines: [] };
      continue;
    }
    // A heading that names no item ends the block above it.
    if (line.heading) closeBlock();
    // A line about another item ("I missed instruction 2.") or the whole ("So no: ...") ends the block it follows.
    if (open && (referencedItems(line.text, items.length, base).some((index) => index !== open!.target) || endsBlock(line.text))) closeBlock();
    if (open) {
      open.lines.push(line);
      continue;
    }
    if (bullet) {
      const answer = fragmentAnswer(line.text, undefined);
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
    unnumbered.forEach(({ line, answer }, index) => say(collector, index, answer.value, line.position + answer.offset));
  } else if (unnumbered.length > 1) {
    // Several, but not one per item ("✅ Yes / ❌ No" for three): which is which cannot be
    // told, and the first is no leading answer for all; a "no" among them fails the whole.
    const failed = unnumbered.find(({ answer }) => answer.value === false);
    if (failed) say(collector, 'overall', false, failed.line.position + failed.answer.offset);
  } else {
    // One alone may be the leading answer ("- Yes, every instruction was met").
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
export function leadingAnswer(collector: Collector, unused: readonly Line[]): void {
  const firstStatement = Math.min(Infinity, ...collector.statements.map((s) => s.position));
  // "A resposta está toda em português: sim." answers for something it names, not for everything.
  const answersATitle = (text: string): boolean => isTitle(TITLED.exec(text)?.[1]);
  const answering = unused.flatMap(sentencesOf).filter((sentence) => verdictsIn(answerText(sentence.text)).length > 0 && !answersATitle(sentence.text));
  const first = answering[0];
  if (!first || first.position + first.text.length > firstStatement) return;
  const outcomeOf = (sentence: Line): Answer => {
    const text = answerText(sentence.text);
    return settle(verdictsIn(text), correctionPositions(text))!;
  };
  const text = answerText(first.text);
  const outcome = outcomeOf(first);
  if (outcome === undefined || outcome === 'contradiction') return;
  // A later line that answers the other way ("Yes.\nNo.", "Yes\nNo\nYes") says no item which: the whole is unsure.
  const later = answering.slice(1).map(outcomeOf);
  if (later.some((value) => typeof outcome === 'boolean' && value === !outcome)) {
    say(collector, 'overall', 'contradiction', first.position);
    return;
  }
  // A hedge after it ("Yes.\nNot sure about the title, though.") takes a yes for all back.
  if (outcome === true && later.includes('hedge')) {
    say(collector, 'overall', 'hedge', first.position);
    return;
  }
  if (outcome === true) sayAll(collector, true, first.position);
  else say(collector, 'overall', wholeAnswer(text, outcome), first.position);
}
