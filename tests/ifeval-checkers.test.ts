import { describe, expect, it } from 'vitest';
import { checkInstruction, followsInstruction, INSTRUCTION_IDS, looseVariants, parseInstruction } from '../src/ifeval/checkers.js';
import type { InstructionId } from '../src/ifeval/types.js';

interface Case {
  id: InstructionId;
  kwargs: Record<string, unknown>;
  pass: string;
  fail: string;
  /** What the case shows, when more than "follows / does not follow". */
  note?: string;
}

const ENGLISH = 'This is a short English text about the weather in the city and the people who live there.';
const GERMAN = 'Das ist ein kurzer deutscher Text über das Wetter in der Stadt und die Menschen, die dort leben.';

const CASES: Case[] = [
  { id: 'keywords:existence', kwargs: { keywords: ['river', 'land'] }, pass: 'The river crosses the LAND.', fail: 'The river is long.' },
  { id: 'keywords:frequency', kwargs: { keyword: 'war', frequency: 2, relation: 'at least' }, pass: 'War, and war again.', fail: 'One war.' },
  {
    id: 'keywords:frequency',
    kwargs: { keyword: 'man', frequency: 2, relation: 'less than' },
    pass: 'A man came.',
    fail: 'A man and a woman.',
    note: 'occurrences are substrings, as in the reference',
  },
  { id: 'keywords:forbidden_words', kwargs: { forbidden_words: ['ride'] }, pass: 'We went riding.', fail: "Let's RIDE home." },
  { id: 'keywords:letter_frequency', kwargs: { letter: 'q', let_frequency: 2, let_relation: 'at least' }, pass: 'Quiet queue.', fail: 'Quiet.' },
  {
    id: 'keywords:letter_frequency',
    kwargs: { letter: '#', let_frequency: 2, let_relation: 'less than' },
    pass: 'One #tag.',
    fail: '## Two',
    note: 'a non-letter is counted literally (the reference draws a random letter)',
  },
  { id: 'language:response_language', kwargs: { language: 'de' }, pass: GERMAN, fail: ENGLISH },
  {
    id: 'length_constraints:number_sentences',
    kwargs: { num_sentences: 3, relation: 'less than' },
    pass: 'Dr. Smith came. He left.',
    fail: 'One. Two. Three.',
  },
  { id: 'length_constraints:number_sentences', kwargs: { num_sentences: 3, relation: 'at least' }, pass: 'One. Two. Three.', fail: 'One. Two.' },
  { id: 'length_constraints:number_paragraphs', kwargs: { num_paragraphs: 2 }, pass: '***\nFirst.\n***\nSecond.', fail: 'First.\n***\n\n***\nSecond.' },
  {
    id: 'length_constraints:number_paragraphs',
    kwargs: { num_paragraphs: 2 },
    pass: 'First.\n***\nSecond.\n***',
    fail: 'First.\n***\nSecond.\n***\nThird.',
    note: 'a divider may also close the response',
  },
  { id: 'length_constraints:number_words', kwargs: { num_words: 5, relation: 'at least' }, pass: 'one two three four five', fail: 'one two three four' },
  { id: 'length_constraints:number_words', kwargs: { num_words: 5, relation: 'less than' }, pass: 'one two three four', fail: 'one two three four five' },
  {
    id: 'length_constraints:nth_paragraph_first_word',
    kwargs: { num_paragraphs: 2, nth_paragraph: 2, first_word: 'Summary' },
    pass: 'Intro text.\n\n"Summary, then.',
    fail: 'Intro text.\n\nOverview.',
  },
  { id: 'detectable_content:number_placeholders', kwargs: { num_placeholders: 2 }, pass: '[name] at [address]', fail: '[name] at\n[address\n]' },
  { id: 'detectable_content:postscript', kwargs: { postscript_marker: 'P.P.S' }, pass: 'Hi.\n\nP. P. S. bye', fail: 'Hi.\n\nPS bye' },
  { id: 'detectable_content:postscript', kwargs: { postscript_marker: 'P.S.' }, pass: 'Hi.\np.s. bye', fail: 'Hi.\nP.S bye' },
  { id: 'detectable_content:postscript', kwargs: { postscript_marker: 'P.S.' }, pass: 'Hi.\n\nP. S. See you.', fail: 'Hi.\n\nP S. See you.' },
  {
    id: 'detectable_content:postscript',
    kwargs: { postscript_marker: 'PS:' },
    pass: 'Thanks.\n\nps: call me.',
    fail: 'Thanks.\n\nPS call me.',
    note: 'any other marker is looked for as written, in any case',
  },
  { id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 2 }, pass: '**Fruit**\n* apple\n  - pear', fail: '* a\n* b\n* c' },
  { id: 'detectable_format:constrained_response', kwargs: {}, pass: 'Well... My answer is maybe.', fail: 'My answer is yes' },
  { id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 2 }, pass: '*one* and **two**', fail: '*one* and * * and **\n**' },
  {
    id: 'detectable_format:number_highlighted_sections',
    kwargs: { num_highlights: 2 },
    pass: '**one** and **two**',
    fail: '**one** and ** **',
    note: 'a blank highlight counts for nothing',
  },
  {
    id: 'detectable_format:multiple_sections',
    kwargs: { section_spliter: 'Section', num_sections: 2 },
    pass: 'Section 1\nA\nSection 2\nB',
    fail: 'Section 1\nA\nsection 2\nB',
  },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '```json\n{"a": [1, NaN]}\n```', fail: '{a: 1}' },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '```Json\n{"a": -Infinity}\n```', fail: '```Json\n{"a": 1,}\n```' },
  {
    id: 'detectable_format:json_format',
    kwargs: {},
    pass: '{"a": "NaN"}',
    fail: '{"a": "\\u00NaN0"}',
    note: 'NaN inside a string is text, so the invalid escape before it still fails',
  },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '[-Infinity, NaN, Infinity]', fail: '[--Infinity]', note: "json.loads rejects a sign before -Infinity" },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '{"a": NaN}', fail: '[1NaN]', note: 'a number run into NaN is no number' },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '[1, -Infinity]', fail: '[1-Infinity]', note: 'a number run into -Infinity is no number' },
  { id: 'detectable_format:json_format', kwargs: {}, pass: '[NaN]', fail: '[-NaN]', note: 'json.loads has no -NaN' },
  { id: 'detectable_format:title', kwargs: {}, pass: '<<Poem of joy>>\nLa la.', fail: '<< >> and <<a\nb>>' },
  {
    id: 'detectable_format:title',
    kwargs: {},
    pass: '<< >>\n<<Poem of joy>>',
    fail: 'Poem of joy\nLa la.',
    note: 'one non-blank title is enough; no brackets, no title',
  },
  { id: 'combination:two_responses', kwargs: {}, pass: 'Answer one.\n******\nAnswer two.', fail: 'Same.\n******\nSame.' },
  {
    id: 'combination:two_responses',
    kwargs: {},
    pass: '******\nAnswer one.\n******\nAnswer two.\n******',
    fail: 'Answer one.\n******\n******\nAnswer two.',
    note: 'the divider may open or close the response, but an empty answer between two dividers fails',
  },
  { id: 'combination:repeat_prompt', kwargs: { prompt_to_repeat: 'Say hi.' }, pass: ' say HI. Hi!', fail: 'Hi! Say hi.' },
  {
    id: 'startend:end_checker',
    kwargs: { end_phrase: 'Any other questions?' },
    pass: '"Done. Any other questions?"',
    fail: 'Any other questions? Thanks.',
  },
  { id: 'startend:quotation', kwargs: {}, pass: '  "Hello"\n', fail: '"' },
  { id: 'startend:quotation', kwargs: {}, pass: '"Hi"', fail: '"Hello' },
  {
    id: 'change_case:capital_word_frequency',
    kwargs: { capital_frequency: 3, capital_relation: 'at least' },
    pass: "I DON'T know.",
    fail: 'I like NYC.',
  },
  {
    id: 'change_case:capital_word_frequency',
    kwargs: { capital_frequency: 2, capital_relation: 'less than' },
    pass: 'I like it.',
    fail: 'I like NYC.',
  },
  {
    id: 'change_case:english_capital',
    kwargs: {},
    pass: 'THIS IS A LONGER ENGLISH SENTENCE ABOUT THE WEATHER IN LONDON TODAY AND TOMORROW.',
    fail: ENGLISH,
  },
  {
    id: 'change_case:english_capital',
    kwargs: {},
    pass: 'ᎠᎡᎢ 123',
    fail: GERMAN.toUpperCase(),
    note: 'capitals in no profiled language: the reference counts an undetectable text as followed',
  },
  { id: 'change_case:english_lowercase', kwargs: {}, pass: 'this is a simple english sentence about the weather in the city today.', fail: GERMAN.toLowerCase() },
  { id: 'punctuation:no_comma', kwargs: {}, pass: 'No commas here.', fail: 'Yes, one.' },
];

describe('checkInstruction (strict)', () => {
  it.each(CASES)('$id $kwargs', ({ id, kwargs, pass, fail }) => {
    const instruction = parseInstruction(id, kwargs);
    expect(checkInstruction(instruction, pass)).toBe(true);
    expect(checkInstruction(instruction, fail)).toBe(false);
  });

  it('covers every one of the 25 instruction ids', () => {
    expect(INSTRUCTION_IDS).toHaveLength(25);
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(INSTRUCTION_IDS));
  });

  it('follows nothing with an empty or blank response', () => {
    const instruction = parseInstruction('keywords:forbidden_words', { forbidden_words: ['x'] });
    expect(checkInstruction(instruction, ' \n ')).toBe(false);
    expect(followsInstruction(instruction, '', 'loose')).toBe(false);
  });
});

describe('nth_paragraph_first_word reads the first word as the reference does', () => {
  const secondStartsWith = (first_word: string) =>
    parseInstruction('length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 2, first_word });

  const SECOND_PARAGRAPHS = [
    'Summary. Then more.',
    'Summary, then more.',
    'Summary? Yes.',
    'Summary! Yes.',
    "Summary's end.",
    'Summary" he said.',
    "'Summary' first.",
  ];

  it.each(SECOND_PARAGRAPHS)('cuts the word at its first punctuation mark and drops leading quotes: %s', (paragraph) => {
    expect(checkInstruction(secondStartsWith('summary'), `Intro.\n\n${paragraph}`)).toBe(true);
  });

  it('compares the whole word, not a prefix', () => {
    expect(checkInstruction(secondStartsWith('summary'), 'Intro.\n\nSummaries follow.')).toBe(false);
  });

  it('counts only non-blank paragraphs', () => {
    expect(checkInstruction(secondStartsWith('summary'), 'Intro.\n\nSummary here.\n\n')).toBe(true);
  });

  it('takes the nth piece between blank lines, so an extra blank line makes the paragraph empty', () => {
    // Two non-blank paragraphs, but the second piece of the split is the empty one between them.
    expect(checkInstruction(secondStartsWith('summary'), 'Intro.\n\n\n\nSummary here.')).toBe(false);
  });
});

describe('followsInstruction (loose)', () => {
  const LOOSE_CASES: { id: InstructionId; kwargs: Record<string, unknown>; response: string; loose: boolean }[] = [
    { id: 'startend:quotation', kwargs: {}, response: 'Sure, here it is:\n"Hello world"', loose: true },
    { id: 'punctuation:no_comma', kwargs: {}, response: 'Sure, here you go:\nNo commas here.', loose: true },
    { id: 'detectable_format:json_format', kwargs: {}, response: 'Here is the JSON:\n{"a": 1}\nHope it helps!', loose: true },
    { id: 'startend:end_checker', kwargs: { end_phrase: 'Any other questions?' }, response: 'Bye. *Any other questions?*', loose: true },
    { id: 'change_case:english_lowercase', kwargs: {}, response: 'Title\nthis is a simple english sentence about the weather in the city today.', loose: true },
    { id: 'punctuation:no_comma', kwargs: {}, response: 'First line.\nOne, two.\nLast line.', loose: false },
  ];

  it.each(LOOSE_CASES)('$id on $response', ({ id, kwargs, response, loose }) => {
    const instruction = parseInstruction(id, kwargs);
    expect(followsInstruction(instruction, response, 'strict')).toBe(false);
    expect(followsInstruction(instruction, response, 'loose')).toBe(loose);
  });

  it('reads a response eight ways', () => {
    expect(looseVariants('*a*\nb\n*c*')).toEqual(['*a*\nb\n*c*', 'a\nb\nc', 'b\n*c*', '*a*\nb', 'b', 'b\nc', 'a\nb', 'b']);
  });
});

describe('parseInstruction', () => {
  it('returns the instruction with its kwargs, dropping null ones', () => {
    expect(parseInstruction('keywords:existence', { keywords: ['a'], num_words: null, relation: null })).toEqual({
      id: 'keywords:existence',
      kwargs: { keywords: ['a'] },
    });
    expect(parseInstruction('punctuation:no_comma', { letter: null })).toEqual({ id: 'punctuation:no_comma', kwargs: {} });
  });

  it.each([
    ['foo:bar', {}, 'unknown instruction id "foo:bar"'],
    ['keywords:frequency', { frequency: 2, relation: 'at least' }, 'keywords:frequency: missing kwarg "keyword"'],
    ['keywords:frequency', { keyword: 'a', frequency: '2', relation: 'at least' }, 'kwarg "frequency" must be an integer (got "2")'],
    ['keywords:frequency', { keyword: 'a', frequency: -1, relation: 'at least' }, 'kwarg "frequency" must be a non-negative integer (got -1)'],
    ['keywords:frequency', { keyword: 'a', frequency: 2, relation: 'at most' }, 'kwarg "relation" must be "less than" or "at least" (got "at most")'],
    ['keywords:existence', { keywords: ['a', 3] }, 'kwarg "keywords[1]" must be a string (got 3)'],
    ['keywords:existence', { keywords: [] }, 'kwarg "keywords" must not be an empty list (got [])'],
    ['keywords:existence', { keywords: 'river' }, 'kwarg "keywords" must be a list of strings (got "river")'],
    ['detectable_format:title', { title: 'x' }, 'detectable_format:title: unexpected kwarg "title"'],
    ['keywords:letter_frequency', { letter: 'ab', let_frequency: 1, let_relation: 'at least' }, 'kwarg "letter" must be a single character'],
    [
      'length_constraints:nth_paragraph_first_word',
      { num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' },
      'kwarg "nth_paragraph" must not exceed num_paragraphs (got 3)',
    ],
    ['combination:repeat_prompt', {}, 'missing kwarg "prompt_to_repeat"'],
    ['punctuation:no_comma', [], 'punctuation:no_comma: kwargs must be an object, got []'],
    ['punctuation:no_comma', null, 'punctuation:no_comma: kwargs must be an object, got null'],
    ['punctuation:no_comma', 'none', 'punctuation:no_comma: kwargs must be an object, got "none"'],
    ['punctuation:no_comma', undefined, 'punctuation:no_comma: kwargs must be an object, got undefined'],
    ['detectable_format:title', { title: 'x', size: 2 }, 'detectable_format:title: unexpected kwargs "title", "size"'],
    ['keywords:frequency', {}, 'keywords:frequency: missing kwarg "keyword"; missing kwarg "frequency"; missing kwarg "relation"'],
    ['keywords:frequency', { keyword: ' \n', frequency: 1, relation: 'at least' }, 'kwarg "keyword" must not be empty (got " \\n")'],
    ['keywords:letter_frequency', { letter: 5, let_frequency: 1, let_relation: 'at least' }, 'kwarg "letter" must be a string (got 5)'],
    [
      'length_constraints:nth_paragraph_first_word',
      { num_paragraphs: 2, nth_paragraph: 0, first_word: 'a' },
      'kwarg "nth_paragraph" must be a positive integer (got 0)',
    ],
    [
      'length_constraints:nth_paragraph_first_word',
      { num_paragraphs: 1.5, nth_paragraph: 1, first_word: 'a' },
      'kwarg "num_paragraphs" must be an integer (got 1.5)',
    ],
  ])('%s %j fails with %s', (id, kwargs, message) => {
    expect(() => parseInstruction(id, kwargs)).toThrow(message);
  });
});
