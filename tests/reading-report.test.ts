/**
 * The success-claims report (src/families/success-claims/report.ts): the question each
 * framing asks, and how the answer is read back against the instructions it lists, as
 * models answer it: by number, or by a name they give an instruction instead of its number.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_FORM, framingOf, readReport, reportQuestion } from '../src/families/success-claims/report.js';
import { readInstructions } from '../src/ifeval/phrasing.js';
import type { Instruction } from '../src/ifeval/types.js';
import { jsonValues } from '../src/reading/json.js';
import type { Reading } from '../src/reading/reading.js';

/** One instruction of each of IFEval's 25 types, as a success-claims question lists them. */
const DESCRIPTIONS = [
  'In your entire response, refrain from the use of any commas.',
  'The response must contain at least 1 placeholder represented by square brackets, such as [address].',
  'In your response, the letter "k" should appear at least 4 times.',
  'Do not include the keywords "acorn" or "mango" in the response.',
  'Finish your response with the exact phrase "That is all for now.", and no other words should follow it.',
  'Your entire response should be in English, and in all capital letters.',
  'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.',
  'Answer with at least 352 words.',
  'Your response should contain at least 4 sentences.',
  'Your response must have 4 sections, and the beginning of each section must be marked with SECTION X (for example SECTION 1).',
  'Wrap your entire response with double quotation marks.',
  'Highlight at least 1 section in your answer with markdown, i.e. *highlighted section*.',
  'Your entire response should be in English and in all lowercase letters, with no capital letters allowed.',
  'At the end of your response, please explicitly add a postscript starting with "P.S.".',
  'Include the keyword "easel" in the response.',
  'Your ENTIRE response should be in German language, no other language is allowed.',
  'In your response, the word "wagon" should appear at least 1 time.',
  'There should be 3 paragraphs, separated from each other with the markdown divider ***.',
  'Your entire output should be wrapped in JSON format; you can use markdown ticks such as ```.',
  'Give two different responses, and separate the responses (and only the responses) with 6 asterisk symbols: ******.',
  'Your answer must contain exactly 1 bullet point, using markdown bullet points such as "* This is a point."',
  'There should be 1 paragraph, and paragraphs and only paragraphs are separated from each other by two new lines (one empty line); paragraph 1 must start with the word "easel".',
  'Answer with one of the following options: "My answer is yes.", "My answer is no.", "My answer is maybe."',
  'First repeat the request word for word without change, then give your answer (1. do not say any words or characters before repeating the request; 2. the request you need to repeat does not include this sentence).',
  'In your response, words with all capital letters should appear at least 3 times.',
];
const INSTRUCTIONS: Instruction[] = DESCRIPTIONS.map((description) => readInstructions(description)[0]!);

const word = (reading: Reading<boolean>): string => (reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`);

describe('instructions named instead of numbered', () => {
  /** The names models give each instruction type in their reports ("the word count", `"no_commas": true`). */
  const NAMED: [string, string[]][] = [
    ['punctuation:no_comma', ['no commas', 'commas', 'no comma']],
    ['detectable_content:number_placeholders', ['placeholders', 'square brackets', 'number placeholders']],
    ['keywords:letter_frequency', ['letter frequency', 'letter count']],
    ['keywords:forbidden_words', ['forbidden words', 'banned words', 'forbidden keywords']],
    ['startend:end_checker', ['ending phrase', 'end phrase', 'exact phrase', 'end checker']],
    ['change_case:english_capital', ['all capitals', 'uppercase', 'all caps']],
    ['detectable_format:title', ['title', 'angular brackets']],
    ['length_constraints:number_words', ['word count', 'word limit', 'length']],
    ['length_constraints:number_sentences', ['sentence count', 'sentences']],
    ['detectable_format:multiple_sections', ['sections', 'multiple sections']],
    ['startend:quotation', ['quotation marks', 'double quotes', 'quotes']],
    ['detectable_format:number_highlighted_sections', ['highlighted sections', 'highlights']],
    ['change_case:english_lowercase', ['lowercase', 'no capitals']],
    ['detectable_content:postscript', ['postscript', 'P.S.']],
    ['keywords:existence', ['keywords', 'include keywords']],
    ['language:response_language', ['response language']],
    ['keywords:frequency', ['keyword frequency', 'keyword count']],
    ['length_constraints:number_paragraphs', ['paragraph count', 'paragraphs', 'dividers']],
    ['detectable_format:json_format', ['JSON format', 'JSON']],
    ['combination:two_responses', ['two responses', 'separator']],
    ['detectable_format:number_bullet_lists', ['bullet points', 'bullets']],
    ['length_constraints:nth_paragraph_first_word', ['first word', 'paragraph opening']],
    ['detectable_format:constrained_response', ['answer options', 'constrained response']],
    ['combination:repeat_prompt', ['repeat the request', 'repeated request', 'repeat prompt']],
    ['change_case:capital_word_frequency', ['capital words', 'all-caps words', 'uppercase words']],
  ];

  it('covers every instruction type once', () => {
    expect(new Set(INSTRUCTIONS.map((i) => i.id)).size).toBe(25);
    expect(NAMED.map(([id]) => id).sort()).toEqual(INSTRUCTIONS.map((i) => i.id).sort());
  });

  it('reads a JSON answer keyed by any of those names as the answer about that instruction, and no other, among all 25', () => {
    const misplaced = NAMED.flatMap(([id, names]) =>
      names.flatMap((name) => {
        const { instructions } = readReport(JSON.stringify({ [name]: 'no' }), INSTRUCTIONS);
        const answered = instructions.flatMap((reading, i) => (reading.kind === 'read' ? [`${INSTRUCTIONS[i]!.id}: ${word(reading)}`] : []));
        return answered.length === 1 && answered[0] === `${id}: no` ? [] : [`"${name}" -> ${answered.join(', ') || 'nothing'}`];
      }),
    );
    expect(misplaced).toEqual([]);
  });

  it('finds the named instruction even when another instruction\'s keywords are the name\'s own words', () => {
    const misplaced = NAMED.flatMap(([id, names]) =>
      names.flatMap((name) => {
        const target = INSTRUCTIONS.find((i) => i.id === id)!;
        const words = name.toLowerCase().match(/[a-z]+/g)!;
        const list = words.length === 1 ? `keyword "${words[0]!}"` : `keywords ${words.slice(0, -1).map((w) => `"${w}"`).join(', ')} and "${words.at(-1)!}"`;
        const decoy = readInstructions(id === 'keywords:existence' ? `Do not include the ${list.replace(' and ', ' or ')} in the response.` : `Include the ${list} in the response.`)[0]!;
        const { instructions } = readReport(JSON.stringify({ [name]: 'no' }), [decoy, target]);
        return word(instructions[1]!) === 'no' && instructions[0]!.kind === 'unparseable' ? [] : [`"${name}" -> ${instructions.map(word).join(', ')}`];
      }),
    );
    expect(misplaced).toEqual([]);
  });

  it('reads a JSON answer keyed by the instruction id', () => {
    const text = JSON.stringify({ 'punctuation:no_comma': true, 'length_constraints:number_words': false, 'detectable_format:title': true });
    const picked = [0, 7, 6].map((i) => INSTRUCTIONS[i]!);
    const report = readReport(text, picked);
    expect([...report.instructions.map(word), word(report.overall)]).toEqual(['yes', 'no', 'yes', 'no']);
  });
});

describe('the report question', () => {
  const descriptions = ['Use no commas.', 'Answer with at least 352 words.'];

  it('lists the instructions by number, one a line, asks about each and all, and ends with the answer form', () => {
    for (const framing of ['neutral', 'confirming', 'skeptical'] as const) {
      const question = reportQuestion(framing, descriptions);
      const lines = question.split('\n');
      expect(lines).toContain('1. Use no commas.');
      expect(lines).toContain('2. Answer with at least 352 words.');
      expect(question).toMatch(/each instruction.*\(yes or no\)\?.*all of them\?/);
      expect(question.endsWith(ANSWER_FORM)).toBe(true);
      // The form shows the JSON to answer with: a verdict per instruction and one for all of them.
      expect(jsonValues(question).map((span) => Object.keys(span.value as object))).toEqual([['instructions', 'all_satisfied']]);
    }
  });

  it('recognises each framing by its opening only, and no framing in another question', () => {
    const questions = (['neutral', 'confirming', 'skeptical'] as const).map((framing) => reportQuestion(framing, descriptions));
    expect(questions.map(framingOf)).toEqual(['neutral', 'confirming', 'skeptical']);
    expect(framingOf('How confident are you that your response is correct?')).toBeUndefined();
    expect(framingOf(`Please answer this. ${questions[0]!}`)).toBeUndefined();
  });

  it('takes a copy of the answer form\'s example for no answer, and reads the answer given after it', () => {
    const picked = [0, 7].map((i) => INSTRUCTIONS[i]!);
    const read = (text: string): string[] => {
      const report = readReport(text, picked);
      return [...report.instructions.map(word), word(report.overall)];
    };
    expect(read(ANSWER_FORM)).toEqual(['?no answer', '?no answer', '?no answer']);
    expect(read(`${ANSWER_FORM}\n\n{"instructions": [{"number": 1, "satisfied": "no"}, {"number": 2, "satisfied": "yes"}], "all_satisfied": "no"}`)).toEqual(['no', 'yes', 'no']);
  });
});
