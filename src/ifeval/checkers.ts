/**
 * The 25 IFEval instruction checkers (Zhou et al. 2023, arXiv 2311.07911), ported to
 * TypeScript from the semantics of Google's reference implementation
 * (google-research `instruction_following_eval/instructions.py`): same patterns, same
 * splitting, same comparisons, same loose rewrites. Where the reference treats a kwarg
 * as a regular expression (keywords, markers, section splitters), we match it as
 * literal text; IFEval's kwargs contain no regex syntax, so verdicts are the same.
 */
import { z } from 'zod';
import {
  escapeRegExp,
  PY_BOUNDARY,
  PY_DIGIT,
  PY_LINE_END,
  PY_LINE_START,
  PY_SPACE,
  pyIsLower,
  pyIsUpper,
  pyLstripChars,
  pySplitWhitespace,
  pyStrip,
  pyStripChars,
} from './pystr.js';
import { countCapitalWords, countSentences, countWords, detectLanguage } from './text.js';
import type { Instruction, InstructionId, InstructionKwargs, Relation, Strictness } from './types.js';

/** A comparison of a measured count with an instruction's threshold. */
function compare(actual: number, relation: Relation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}

/** Non-overlapping occurrences of a pattern. */
function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** Case-insensitive, non-overlapping occurrences of literal text. */
function countLiteral(text: string, literal: string): number {
  return countMatches(text, new RegExp(escapeRegExp(literal), 'giu'));
}

/**
 * The reference's language checks count a text it cannot detect any language in
 * (no letters at all) as following the instruction.
 */
function isLanguage(text: string, language: string): boolean {
  const detected = detectLanguage(text);
  return detected === null || detected === language;
}

const BULLET_STAR = new RegExp(`${PY_LINE_START}${PY_SPACE}*\\*[^*][^\\n]*${PY_LINE_END}`, 'gu');
const BULLET_DASH = new RegExp(`${PY_LINE_START}${PY_SPACE}*-[^\\n]*${PY_LINE_END}`, 'gu');
const PARAGRAPH_DIVIDER = new RegExp(`${PY_SPACE}?\\*\\*\\*${PY_SPACE}?`, 'u');
const PLACEHOLDER = /\[[^\n]*?\]/g;
const HIGHLIGHT = /\*[^\n*]*\*/g;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/g;
const TITLE = /<<[^\n]+>>/g;
const CONSTRAINED_RESPONSES = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];
const FIRST_WORD_STOPS = ['.', ',', '?', '!', "'", '"'];

/** A postscript marker as a pattern: the reference accepts optional spaces inside "P.S." and "P.P.S". */
function postscriptPattern(marker: string): RegExp {
  if (marker === 'P.P.S') return new RegExp(`p\\.${PY_SPACE}?p\\.${PY_SPACE}?s`, 'u');
  if (marker === 'P.S.') return new RegExp(`p\\.${PY_SPACE}?s\\.`, 'u');
  return new RegExp(escapeRegExp(marker.toLowerCase()), 'u');
}

/** The first word of a paragraph as the reference reads it: leading quotes dropped, cut at punctuation, lowercased. */
function firstWordOf(paragraph: string): string {
  const word = pyLstripChars(pyLstripChars(pySplitWhitespace(paragraph)[0] ?? '', "'"), '"');
  let first = '';
  for (const char of word) {
    if (FIRST_WORD_STOPS.includes(char)) break;
    first += char.toLowerCase();
  }
  return first;
}

/** Python `json.loads` accepts NaN and ±Infinity, which JSON.parse rejects; read them as numbers. */
function isPythonJson(text: string): boolean {
  // Python's NaN and Infinity become null, which (unlike a number) cannot merge with what
  // stands beside it: "--Infinity" and "[1NaN]" stay invalid, as json.loads has them.
  const standard = text.replace(/"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)/g, (token, literal?: string) =>
    literal ? 'null' : token,
  );
  try {
    JSON.parse(standard);
    return true;
  } catch {
    return false;
  }
}

/** The reference's JSON check: optional ```json fences, then a parseable JSON value. */
function isJsonResponse(response: string): boolean {
  let value = pyStrip(response);
  for (const fence of ['```json', '```Json', '```JSON', '```']) {
    if (value.startsWith(fence)) value = value.slice(fence.length);
  }
  if (value.endsWith('```')) value = value.slice(0, -3);
  return isPythonJson(pyStrip(value));
}

function numberOfParagraphs(response: string, expected: number): boolean {
  const paragraphs = response.split(PARAGRAPH_DIVIDER);
  let count = paragraphs.length;
  for (const [index, paragraph] of paragraphs.entries()) {
    if (pyStrip(paragraph)) continue;
    // An empty piece is allowed only before the first divider or after the last.
    if (index !== 0 && index !== paragraphs.length - 1) return false;
    count--;
  }
  return count === expected;
}

function nthParagraphFirstWord(response: string, kwargs: InstructionKwargs['length_constraints:nth_paragraph_first_word']): boolean {
  const paragraphs = response.split('\n\n');
  const count = paragraphs.filter((paragraph) => pyStrip(paragraph)).length;
  // The reference indexes the raw pieces, blank ones included, after counting only non-blank ones.
  if (kwargs.nth_paragraph > count) return false;
  const paragraph = pyStrip(paragraphs[kwargs.nth_paragraph - 1]!);
  if (!paragraph) return false;
  return count === kwargs.num_paragraphs && firstWordOf(paragraph) === kwargs.first_word.toLowerCase();
}

function countHighlights(response: string): number {
  const single = (response.match(HIGHLIGHT) ?? []).filter((h) => pyStrip(pyStripChars(h, '*')));
  const double = (response.match(DOUBLE_HIGHLIGHT) ?? []).filter((h) => pyStrip(h.slice(2, -2)));
  return single.length + double.length;
}

function hasTitle(response: string): boolean {
  return (response.match(TITLE) ?? []).some((title) => pyStrip(title.replace(/^<+/, '').replace(/>+$/, '')));
}

function hasTwoResponses(response: string): boolean {
  const pieces = response.split('******');
  const answers: string[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (pyStrip(piece)) answers.push(piece);
    else if (index !== 0 && index !== pieces.length - 1) return false;
  }
  return answers.length === 2 && pyStrip(answers[0]!) !== pyStrip(answers[1]!);
}

function countSections(response: string, splitter: string): number {
  const pattern = new RegExp(`${PY_SPACE}?${escapeRegExp(pyStrip(splitter))}${PY_SPACE}?${PY_DIGIT}+${PY_SPACE}?`, 'gu');
  return countMatches(response, pattern);
}

function countLetter(response: string, letter: string): number {
  const target = letter.toLowerCase();
  let count = 0;
  for (const char of response.toLowerCase()) if (char === target) count++;
  return count;
}

type Checkers = { [K in InstructionId]: (kwargs: InstructionKwargs[K], response: string) => boolean };

const CHECKERS: Checkers = {
  'keywords:existence': ({ keywords }, r) => keywords.every((keyword) => countLiteral(r, keyword) > 0),
  'keywords:frequency': ({ keyword, frequency, relation }, r) => compare(countLiteral(r, pyStrip(keyword)), relation, frequency),
  'keywords:forbidden_words': ({ forbidden_words }, r) =>
    !forbidden_words.some((word) => new RegExp(`${PY_BOUNDARY}${escapeRegExp(word)}${PY_BOUNDARY}`, 'iu').test(r)),
  'keywords:letter_frequency': ({ letter, let_frequency, let_relation }, r) =>
    compare(countLetter(r, letter), let_relation, let_frequency),
  'language:response_language': ({ language }, r) => isLanguage(r, language),
  'length_constraints:number_sentences': ({ num_sentences, relation }, r) => compare(countSentences(r), relation, num_sentences),
  'length_constraints:number_paragraphs': ({ num_paragraphs }, r) => numberOfParagraphs(r, num_paragraphs),
  'length_constraints:number_words': ({ num_words, relation }, r) => compare(countWords(r), relation, num_words),
  'length_constraints:nth_paragraph_first_word': (kwargs, r) => nthParagraphFirstWord(r, kwargs),
  'detectable_content:number_placeholders': ({ num_placeholders }, r) => countMatches(r, PLACEHOLDER) >= num_placeholders,
  'detectable_content:postscript': ({ postscript_marker }, r) => postscriptPattern(pyStrip(postscript_marker)).test(r.toLowerCase()),
  'detectable_format:number_bullet_lists': ({ num_bullets }, r) =>
    countMatches(r, BULLET_STAR) + countMatches(r, BULLET_DASH) === num_bullets,
  'detectable_format:constrained_response': (_, r) => CONSTRAINED_RESPONSES.some((option) => pyStrip(r).includes(option)),
  'detectable_format:number_highlighted_sections': ({ num_highlights }, r) => countHighlights(r) >= num_highlights,
  'detectable_format:multiple_sections': ({ section_spliter, num_sections }, r) => countSections(r, section_spliter) >= num_sections,
  'detectable_format:json_format': (_, r) => isJsonResponse(r),
  'detectable_format:title': (_, r) => hasTitle(r),
  'combination:two_responses': (_, r) => hasTwoResponses(r),
  'combination:repeat_prompt': ({ prompt_to_repeat }, r) =>
    pyStrip(r).toLowerCase().startsWith(pyStrip(prompt_to_repeat).toLowerCase()),
  'startend:end_checker': ({ end_phrase }, r) =>
    pyStripChars(pyStrip(r), '"').toLowerCase().endsWith(pyStrip(end_phrase).toLowerCase()),
  'change_case:capital_word_frequency': ({ capital_frequency, capital_relation }, r) =>
    compare(countCapitalWords(r), capital_relation, capital_frequency),
  'change_case:english_capital': (_, r) => pyIsUpper(r) && isLanguage(r, 'en'),
  'change_case:english_lowercase': (_, r) => pyIsLower(r) && isLanguage(r, 'en'),
  'punctuation:no_comma': (_, r) => !r.includes(','),
  'startend:quotation': (_, r) => {
    const value = pyStrip(r);
    return value.length > 1 && value.startsWith('"') && value.endsWith('"');
  },
};

/** All 25 IFEval instruction ids, in the reference registry's order. */
export const INSTRUCTION_IDS = Object.keys(CHECKERS) as InstructionId[];

/**
 * Whether a response follows an instruction, strictly: the response as written. An
 * empty or whitespace-only response follows nothing.
 */
export function checkInstruction(instruction: Instruction, response: string): boolean {
  if (!pyStrip(response)) return false;
  const check = CHECKERS[instruction.id] as (kwargs: Instruction['kwargs'], response: string) => boolean;
  return check(instruction.kwargs, response);
}

/**
 * IFEval's eight readings of a response for the loose sense: as written, without its
 * first line, without its last, without both; and each of those with every `*` removed.
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const withoutFirst = pyStrip(lines.slice(1).join('\n'));
  const withoutLast = pyStrip(lines.slice(0, -1).join('\n'));
  const withoutBoth = pyStrip(lines.slice(1, -1).join('\n'));
  const unstarred = (text: string): string => text.replaceAll('*', '');
  return [
    response,
    unstarred(response),
    withoutFirst,
    withoutLast,
    withoutBoth,
    unstarred(withoutFirst),
    unstarred(withoutLast),
    unstarred(withoutBoth),
  ];
}

/** Whether a response follows an instruction in IFEval's strict or loose sense. */
export function followsInstruction(instruction: Instruction, response: string, strictness: Strictness): boolean {
  if (strictness === 'strict') return checkInstruction(instruction, response);
  return looseVariants(response).some((variant) => checkInstruction(instruction, variant));
}

const count = z.int('must be an integer').min(0, 'must be a non-negative integer');
const positive = z.int('must be an integer').min(1, 'must be a positive integer');
const text = z.string('must be a string').refine((value) => pyStrip(value) !== '', 'must not be empty');
const texts = z.array(text, 'must be a list of strings').min(1, 'must not be an empty list');
const relation = z.enum(['less than', 'at least'], 'must be "less than" or "at least"');
const none = z.strictObject({});

type KwargsSchemas = { [K in InstructionId]: z.ZodType<InstructionKwargs[K]> };

const KWARGS_SCHEMAS: KwargsSchemas = {
  'keywords:existence': z.strictObject({ keywords: texts }),
  'keywords:frequency': z.strictObject({ keyword: text, frequency: count, relation }),
  'keywords:forbidden_words': z.strictObject({ forbidden_words: texts }),
  'keywords:letter_frequency': z.strictObject({
    // The reference draws a random a-z letter for anything else; we count the given character.
    letter: z.string('must be a string').refine((value) => [...value].length === 1, 'must be a single character'),
    let_frequency: count,
    let_relation: relation,
  }),
  'language:response_language': z.strictObject({ language: text }),
  'length_constraints:number_sentences': z.strictObject({ num_sentences: count, relation }),
  'length_constraints:number_paragraphs': z.strictObject({ num_paragraphs: count }),
  'length_constraints:number_words': z.strictObject({ num_words: count, relation }),
  'length_constraints:nth_paragraph_first_word': z
    .strictObject({ num_paragraphs: positive, nth_paragraph: positive, first_word: text })
    .refine((kwargs) => kwargs.nth_paragraph <= kwargs.num_paragraphs, {
      message: 'must not exceed num_paragraphs',
      path: ['nth_paragraph'],
    }),
  'detectable_content:number_placeholders': z.strictObject({ num_placeholders: count }),
  'detectable_content:postscript': z.strictObject({ postscript_marker: text }),
  'detectable_format:number_bullet_lists': z.strictObject({ num_bullets: count }),
  'detectable_format:constrained_response': none,
  'detectable_format:number_highlighted_sections': z.strictObject({ num_highlights: count }),
  'detectable_format:multiple_sections': z.strictObject({ section_spliter: text, num_sections: count }),
  'detectable_format:json_format': none,
  'detectable_format:title': none,
  'combination:two_responses': none,
  'combination:repeat_prompt': z.strictObject({ prompt_to_repeat: text }),
  'startend:end_checker': z.strictObject({ end_phrase: text }),
  'change_case:capital_word_frequency': z.strictObject({ capital_frequency: count, capital_relation: relation }),
  'change_case:english_capital': none,
  'change_case:english_lowercase': none,
  'punctuation:no_comma': none,
  'startend:quotation': none,
};

function isInstructionId(id: string): id is InstructionId {
  return Object.hasOwn(KWARGS_SCHEMAS, id);
}

/** One readable sentence per zod issue, naming the kwarg. */
function describeIssue(issue: z.core.$ZodIssue, kwargs: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    return `unexpected kwarg${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  const [key, ...rest] = issue.path.map(String);
  if (key === undefined) return issue.message;
  if (!(key in kwargs)) return `missing kwarg "${key}"`;
  const name = rest.length ? `${key}[${rest.join('][')}]` : key;
  const value = rest.reduce<unknown>((current, part) => (current as Record<string, unknown>)[part], kwargs[key]);
  return `kwarg "${name}" ${issue.message} (got ${JSON.stringify(value)})`;
}

/**
 * Validates an instruction id and its kwargs as IFEval data carries them. Null kwargs
 * are dropped first, as the reference's `build_description` treats None as absent
 * (HF copies of IFEval give every instruction every kwarg, mostly null). Throws an
 * Error naming the unknown id or each missing, unexpected or mistyped kwarg.
 */
export function parseInstruction(id: string, kwargs: unknown): Instruction {
  if (!isInstructionId(id)) throw new Error(`unknown instruction id "${id}"`);
  if (typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
    throw new Error(`${id}: kwargs must be an object, got ${JSON.stringify(kwargs)}`);
  }
  const present = Object.fromEntries(Object.entries(kwargs).filter(([, value]) => value !== null));
  const result = KWARGS_SCHEMAS[id].safeParse(present);
  if (!result.success) {
    throw new Error(`${id}: ${result.error.issues.map((issue) => describeIssue(issue, present)).join('; ')}`);
  }
  return { id, kwargs: result.data } as Instruction;
}
