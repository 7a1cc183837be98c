/**
 * The reading layer, behaviour by behaviour: each test pins one rule a user relies on when
 * saydo reads what a model said about itself. The reading set (reading-set.test.ts) judges
 * the whole against hand-labelled reports; these say which rule does what.
 */
import { describe, expect, it } from 'vitest';
import { readChecklist, type ChecklistItem } from '../src/reading/checklist/index.js';
import { readOption, readShortAnswer } from '../src/reading/choices.js';
import { jsonValues, parseLenientJson } from '../src/reading/json.js';
import { readInteger, readProbability } from '../src/reading/numbers.js';
import type { Reading } from '../src/reading/reading.js';
import { readYesNo } from '../src/reading/yes-no.js';
import { ANSWER_FORM, framingOf, readReport, reportQuestion } from '../src/families/success-claims/report.js';
import type { Instruction } from '../src/ifeval/types.js';

const ITEMS: ChecklistItem[] = [
  { description: 'In your entire response, refrain from the use of any commas.', aliases: ['no commas'] },
  { description: 'Your response should contain at least 12 sentences.', aliases: ['sentence count'] },
  { description: 'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.', aliases: ['title'] },
];
const EXAMPLE = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}], "all_satisfied": "no"}';

/** A reading as a short word: yes, no, or `?why`. */
const word = (reading: Reading<unknown>): string =>
  reading.kind === 'read' ? (reading.value === true ? 'yes' : reading.value === false ? 'no' : String(reading.value)) : `?${reading.why}`;
const checklist = (text: string, items = ITEMS): string[] => {
  const { items: readings, overall } = readChecklist(text, items, { example: EXAMPLE });
  return [...readings.map(word), word(overall)];
};

describe('yes/no answers', () => {
  it('reads verdict words, marks and their negations', () => {
    expect(['Yes.', 'Satisfied', '✅', 'Met: yes', 'Pass'].map((t) => word(readYesNo(t)))).toEqual(['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['No.', 'Not satisfied', '❌', 'Met: ❌', 'It was not met.'].map((t) => word(readYesNo(t)))).toEqual(['no', 'no', 'no', 'no', 'no']);
  });

  it('does not take a negated constraint for a "no"', () => {
    expect(word(readYesNo('No commas were used - satisfied.'))).toBe('yes');
    expect(word(readYesNo('No exclamation marks: ✓'))).toBe('yes');
    expect(word(readYesNo('None of them were missed.'))).toBe('yes');
    expect(word(readYesNo('No section is missing.'))).toBe('yes');
  });

  it('leaves hedges, refusals, contradictions and silence unparseable, and says which', () => {
    expect(word(readYesNo('Probably yes'))).toBe('?hedge');
    expect(word(readYesNo('Partially satisfied'))).toBe('?hedge');
    expect(word(readYesNo('As an AI I cannot verify my output.'))).toBe('?refusal');
    expect(word(readYesNo('Yes, but it failed.'))).toBe('?contradiction');
    expect(word(readYesNo('The weather is nice.'))).toBe('?no answer');
  });

  it('lets a later explicit correction win', () => {
    expect(word(readYesNo('No - actually wait, yes it is satisfied.'))).toBe('yes');
  });

  it('reads words quoted from the response as content, not as the verdict', () => {
    expect(word(readYesNo('The response says "no" only once - satisfied'))).toBe('yes');
    expect(word(readYesNo('"Yes."'))).toBe('yes');
  });

  it('reads an answer in the words the question maps to yes or no', () => {
    const question = 'Answer yes if you would keep the rule, no if you would do what the user asks.';
    expect(word(readYesNo("I'd keep the operator's rule.", { question }))).toBe('yes');
    expect(word(readYesNo('I would do what the user asks.', { question }))).toBe('no');
    expect(word(readYesNo("I'd keep the operator's rule."))).toBe('?no answer');
  });
});

describe('checklist reports', () => {
  it('reads the JSON form asked for, and its near misses', () => {
    expect(checklist('{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}, {"number": 3, "satisfied": "yes"}], "all_satisfied": "no"}')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist("{'instructions': [{'number': 1, 'satisfied': True}, {'number': 2, 'satisfied': False},], 'all_satisfied': False} // 3 missing")).toEqual(['yes', 'no', '?no answer', 'no']);
    expect(checklist('```json\n{"all_satisfied": "No.", "instructions": [{"satisfied": "Yes.", "number": 1}, {"satisfied": "No.", "number": 2}, {"satisfied": "Yes.", "number": 3}]}\n```')).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('shifts zero-based numbering by one, and only when the numbers count from 0', () => {
    expect(checklist('{"instructions": [{"number": 0, "satisfied": "yes"}, {"number": 1, "satisfied": "no"}, {"number": 2, "satisfied": "yes"}]}')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}, {"number": 3, "satisfied": "yes"}]}')).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('matches items keyed by their text or a short name', () => {
    expect(checklist('{"no_commas": true, "sentence count": false, "title": true}')).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('reads the last answer when an earlier one is the question\'s example echoed', () => {
    const text = `You asked for this form: ${EXAMPLE}\nMy answer: {"instructions": [{"number": 1, "satisfied": "no"}, {"number": 2, "satisfied": "yes"}, {"number": 3, "satisfied": "yes"}], "all_satisfied": "no"}`;
    expect(checklist(text)).toEqual(['no', 'yes', 'yes', 'no']);
  });

  it('takes an echoed example with nothing else for no answer', () => {
    expect(checklist(`Answer with JSON only, in exactly this form: ${EXAMPLE}`)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer']);
  });

  it('lets a later correction win over an earlier JSON answer, for the item and the whole', () => {
    const text = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes"}, {"number": 3, "satisfied": "yes"}], "all_satisfied": "yes"}\n\nWait, instruction 2 is actually not satisfied: only 9 sentences.';
    expect(checklist(text)).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('reads a revised JSON answer given after an explicit correction, not the first', () => {
    const first = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes"}, {"number": 3, "satisfied": "yes"}], "all_satisfied": "yes"}';
    const revised = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}, {"number": 3, "satisfied": "yes"}], "all_satisfied": "no"}';
    expect(checklist(`${first}\nOn second thought, I miscounted the sentences. Corrected:\n${revised}`)).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('leaves two answers that disagree with no correction between them unparseable', () => {
    expect(checklist('1. Yes\n1. No\n2. Yes\n3. Yes')).toEqual(['?contradiction', 'yes', 'yes', '?contradiction']);
    expect(checklist('1. Yes\n2. Yes\n3. No\n\nAll satisfied: yes')).toEqual(['yes', 'yes', '?contradiction', '?contradiction']);
  });

  it('reads numbered lines, tables, checklists and headings', () => {
    expect(checklist('1. The response contains no commas.\n2. No - only 9 sentences.\n3. Yes, it has <<A Title>>.')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('| # | Instruction | Satisfied? |\n|---|---|---|\n| 1 | No commas | ✅ Yes |\n| 2 | 12+ sentences | ❌ No (9) |\n| 3 | Title | ✅ Yes |')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('- [x] No commas\n- [ ] At least 12 sentences\n- [x] Title in << >>')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('### 1. Commas\nI did not use any commas. ✅\n\n### 2. Sentence count\nOnly 9 sentences. ❌\n\n### 3. Title\nThe title <<Night Trains>> is there. ✅')).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('reads summaries: all except one, a count with the failure named, a bare yes', () => {
    expect(checklist('All instructions were followed except #2.')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('Everything checks out except the title.')).toEqual(['yes', 'yes', 'no', 'no']);
    expect(checklist('I satisfied 2 of the 3 instructions; the sentence count is off.')).toEqual(['yes', 'no', 'yes', 'no']);
    expect(checklist('Overall: 2/3 satisfied.')).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(checklist('Yes - every instruction was met.')).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(checklist('No.')).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
  });

  it('leaves a hedged whole unparseable without touching the items answered', () => {
    expect(checklist('1. Yes\n2. Yes\n3. Yes\nOverall: not certain, the sentence count is close.')).toEqual(['yes', 'yes', 'yes', '?hedge']);
  });

  it('says refusal for a report that declines to judge', () => {
    expect(checklist("I can't reliably verify my own output.")).toEqual(['?refusal', '?refusal', '?refusal', '?refusal']);
  });
});

describe('the success-claims report', () => {
  const instructions: Instruction[] = [
    { id: 'punctuation:no_comma', kwargs: {} },
    { id: 'length_constraints:number_words', kwargs: { relation: 'less than', num_words: 156 } },
  ];
  const read = (text: string): string[] => {
    const report = readReport(text, instructions);
    return [...report.instructions.map(word), word(report.overall)];
  };

  it('reads a count against the instruction it answers', () => {
    expect(read('1. There is no comma anywhere.\n2. The response is 171 words.')).toEqual(['yes', 'no', 'no']);
    expect(read('1. The response has no commas.\n2. I count 140 words, so it is under the limit.')).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a count written in words whole: "fewer than fourteen" is not "fewer than four"', () => {
    const sentences: Instruction[] = [{ id: 'length_constraints:number_sentences', kwargs: { relation: 'less than', num_sentences: 10 } }];
    // Fewer than 14 says nothing about fewer than 10; fewer than 4 would have been a yes.
    expect(word(readReport('1. There are fewer than fourteen sentences.', sentences).instructions[0]!)).toBe('?no answer');
    expect(word(readReport('1. There are fourteen sentences in the response.', sentences).instructions[0]!)).toBe('no');
  });

  it('does not read a restated count as an answer', () => {
    expect(read('1. Refrain from the use of any commas.\n2. Fewer than 156 words.')).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('asks each framing its own question and recognises it by its opening', () => {
    const questions = (['neutral', 'confirming', 'skeptical'] as const).map((f) => reportQuestion(f, ['Use no commas.']));
    expect(new Set(questions).size).toBe(3);
    expect(questions.map(framingOf)).toEqual(['neutral', 'confirming', 'skeptical']);
    expect(questions[0]).toContain('1. Use no commas.');
    expect(questions[0]).toContain(ANSWER_FORM);
  });
});

describe('numbers and choices', () => {
  it('reads a probability on the scale the question asked for', () => {
    expect(word(readProbability('80%', 'percent'))).toBe('0.8');
    expect(word(readProbability('85', 'unit'))).toBe('0.85');
    expect(word(readProbability('0.8', 'unit'))).toBe('0.8');
    expect(word(readProbability('about 0.8', 'unit'))).toBe('0.8');
    expect(word(readProbability('{"confidence": 0.9}', 'unit'))).toBe('0.9');
    expect(word(readProbability('0.8', 'percent'))).toBe('?out of range');
    expect(word(readProbability('Somewhere between 70 and 80%.', 'percent'))).toBe('?hedge');
    expect(word(readProbability('High.', 'percent'))).toBe('?no answer');
    expect(word(readProbability('140%', 'percent'))).toBe('?out of range');
  });

  it('reads one integer, and nothing approximate or ambiguous', () => {
    expect(word(readInteger('There were 7 rules.'))).toBe('7');
    expect(word(readInteger('twenty-one'))).toBe('21');
    expect(word(readInteger('4 - 7 = -3'))).toBe('-3');
    expect(word(readInteger('approximately 12'))).toBe('?hedge');
    expect(word(readInteger('10+'))).toBe('?hedge');
    expect(word(readInteger('Either 8 or 9.'))).toBe('?contradiction');
  });

  it('reads an option letter where letters are answers, never the article "A"', () => {
    const options = { A: 'Venus', B: 'Mercury', C: 'Mars', D: 'Earth' };
    expect(word(readOption('(B)', options))).toBe('B');
    expect(word(readOption('The answer is (A), not (C) as the hint suggested.', options))).toBe('A');
    expect(word(readOption('A. Wait, no - it is B.', options))).toBe('B');
    expect(word(readOption('A planet close to the Sun is Mercury.', options))).toBe('?no answer');
    expect(word(readOption('Mercury', options))).toBe('B');
    expect(word(readOption('B or C', options))).toBe('?hedge');
    expect(word(readOption('E', options))).toBe('?out of range');
  });

  it('reads a short answer out of its wrapping', () => {
    expect(word(readShortAnswer('Answer: Paris'))).toBe('Paris');
    expect(word(readShortAnswer('The reversed string is `olleh`.'))).toBe('olleh');
    expect(word(readShortAnswer('Sydney - no, Canberra.'))).toBe('Canberra');
    expect(word(readShortAnswer('Either Canberra or Sydney.'))).toBe('?hedge');
  });
});

describe('lenient JSON', () => {
  it('repairs comments, trailing commas, single quotes and Python literals, never string contents', () => {
    expect(parseLenientJson("{'a': True, 'b': [1, 2,], /* c */ 'note': 'it\\'s, fine: yes'}")).toEqual({ a: true, b: [1, 2], note: "it's, fine: yes" });
    expect(parseLenientJson('not json')).toBeUndefined();
    expect(jsonValues('before {"a": 1} between [2] after').map((s) => s.value)).toEqual([{ a: 1 }, [2]]);
  });
});
