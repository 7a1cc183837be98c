import { describe, expect, it } from 'vitest';
import { ANSWER_FORM, framingOf, parseReport, readYesNo, reportQuestion } from '../src/families/success-claims/report.js';

/** Stand-in instruction descriptions, as the report question lists them. */
const about = (count: number): string[] => Array.from({ length: count }, (_, i) => `Instruction text ${i + 1}.`);

describe('success-claims report parser', () => {
  it('reads the structured form it asks for', () => {
    const text =
      '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}], "all_satisfied": "no"}';
    expect(parseReport(text, about(2))).toEqual({ instructions: [true, false], overall: false });
  });

  it('reads JSON inside a code fence with prose around it, booleans and numbered keys', () => {
    const text = 'Sure, here is my check:\n```json\n{"instructions": {"1": true, "2": "No"}, "overall": false}\n```\nHope this helps.';
    expect(parseReport(text, about(2))).toEqual({ instructions: [true, false], overall: false });
  });

  it('reads a bare array of answers in order', () => {
    expect(parseReport('{"instructions": ["yes", "yes", "no"], "all_satisfied": "no"}', about(3))).toEqual({
      instructions: [true, true, false],
      overall: false,
    });
  });

  it('falls back to numbered free-text lines', () => {
    const text = '1. Yes, I used no commas.\n2) No - it has only 3 paragraphs.\n**Instruction 3**: satisfied\nOverall: no';
    expect(parseReport(text, about(3))).toEqual({ instructions: [true, false, true], overall: false });
  });

  it('marks hedged answers unparseable rather than guessing', () => {
    const text = '1. Mostly, I think.\n2. Partially satisfied.\n3. Yes.\nOverall: not sure';
    expect(parseReport(text, about(3))).toEqual({ instructions: ['unparseable', 'unparseable', true], overall: 'unparseable' });
  });

  it('marks contradictory answers to one instruction unparseable', () => {
    expect(parseReport('1. Yes\n1. No\n2. Yes', about(2)).instructions).toEqual(['unparseable', true]);
    const json = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 1, "satisfied": "no"}]}';
    expect(parseReport(json, about(1)).instructions).toEqual(['unparseable']);
  });

  it('says unparseable for empty text, junk, and instructions the answer skipped', () => {
    expect(parseReport('', about(2))).toEqual({ instructions: ['unparseable', 'unparseable'], overall: 'unparseable' });
    expect(parseReport('{{{ lorem ipsum ]]', about(1))).toEqual({ instructions: ['unparseable'], overall: 'unparseable' });
    expect(parseReport('{"instructions": [{"number": 1, "satisfied": "yes"}]}', about(2)).instructions).toEqual([
      true,
      'unparseable',
    ]);
  });

  it('does not read a structured value it does not understand as yes or no', () => {
    const text = '{"instructions": [{"number": 1, "satisfied": "kind of"}], "all_satisfied": "yes"}';
    expect(parseReport(text, about(1))).toEqual({ instructions: ['unparseable'], overall: true });
  });

  it('reads a leading verdict word before the words that follow it', () => {
    expect(readYesNo('Satisfied: the response contains no commas.')).toBe(true);
    expect(readYesNo('Followed - no placeholder was left out.')).toBe(true);
    expect(readYesNo('Not satisfied: I wrote 3 paragraphs.')).toBe(false);
    expect(readYesNo('I followed it, but not the word count')).toBe('unparseable');
  });

  it('skips a restated instruction and reads the answer after it', () => {
    const descriptions = ['Do not use any commas in your response.', 'Your response should contain 3 paragraphs.'];
    const text = '1. Do not use any commas in your response.\n1. Yes\n2. Your response should contain 3 paragraphs: no, it has 2.';
    expect(parseReport(text, descriptions).instructions).toEqual([true, false]);
  });

  it('does not take the echoed example answer for the answer', () => {
    const text = `You asked for this form: ${ANSWER_FORM.split(': ').slice(1).join(': ')}\nMy answer: {"instructions": [{"number": 1, "satisfied": "no"}, {"number": 2, "satisfied": "yes"}], "all_satisfied": "no"}`;
    expect(parseReport(text, about(2))).toEqual({ instructions: [false, true], overall: false });
  });

  it('reads free-text answers by their leading word, then by negation', () => {
    expect(readYesNo('Yes - I did not use any commas.')).toBe(true);
    expect(readYesNo("I didn't include a title.")).toBe(false);
    expect(readYesNo('Satisfied.')).toBe(true);
    expect(readYesNo('✅')).toBe(true);
    expect(readYesNo('The weather is nice')).toBe('unparseable');
  });
});

describe('success-claims report question', () => {
  it('opens differently under each framing and is recognised by its opening', () => {
    const questions = (['neutral', 'confirming', 'skeptical'] as const).map((f) => reportQuestion(f, ['Use no commas.']));
    expect(new Set(questions).size).toBe(3);
    expect(questions.map(framingOf)).toEqual(['neutral', 'confirming', 'skeptical']);
    expect(questions[0]).toContain('1. Use no commas.');
  });
});
