import { describe, expect, it } from 'vitest';
import { framingOf, parseReport, readYesNo, reportQuestion } from '../src/families/success-claims/report.js';

describe('success-claims report parser', () => {
  it('reads the structured form it asks for', () => {
    const text =
      '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no"}], "all_satisfied": "no"}';
    expect(parseReport(text, 2)).toEqual({ instructions: [true, false], overall: false });
  });

  it('reads JSON inside a code fence with prose around it, booleans and numbered keys', () => {
    const text = 'Sure, here is my check:\n```json\n{"instructions": {"1": true, "2": "No"}, "overall": false}\n```\nHope this helps.';
    expect(parseReport(text, 2)).toEqual({ instructions: [true, false], overall: false });
  });

  it('reads a bare array of answers in order', () => {
    expect(parseReport('{"instructions": ["yes", "yes", "no"], "all_satisfied": "no"}', 3)).toEqual({
      instructions: [true, true, false],
      overall: false,
    });
  });

  it('falls back to numbered free-text lines', () => {
    const text = '1. Yes, I used no commas.\n2) No - it has only 3 paragraphs.\n**Instruction 3**: satisfied\nOverall: no';
    expect(parseReport(text, 3)).toEqual({ instructions: [true, false, true], overall: false });
  });

  it('marks hedged answers unparseable rather than guessing', () => {
    const text = '1. Mostly, I think.\n2. Partially satisfied.\n3. Yes.\nOverall: not sure';
    expect(parseReport(text, 3)).toEqual({ instructions: ['unparseable', 'unparseable', true], overall: 'unparseable' });
  });

  it('marks contradictory answers to one instruction unparseable', () => {
    expect(parseReport('1. Yes\n1. No\n2. Yes', 2).instructions).toEqual(['unparseable', true]);
    const json = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 1, "satisfied": "no"}]}';
    expect(parseReport(json, 1).instructions).toEqual(['unparseable']);
  });

  it('says unparseable for empty text, junk, and instructions the answer skipped', () => {
    expect(parseReport('', 2)).toEqual({ instructions: ['unparseable', 'unparseable'], overall: 'unparseable' });
    expect(parseReport('{{{ lorem ipsum ]]', 1)).toEqual({ instructions: ['unparseable'], overall: 'unparseable' });
    expect(parseReport('{"instructions": [{"number": 1, "satisfied": "yes"}]}', 2).instructions).toEqual([
      true,
      'unparseable',
    ]);
  });

  it('does not read a structured value it does not understand as yes or no', () => {
    const text = '{"instructions": [{"number": 1, "satisfied": "kind of"}], "all_satisfied": "yes"}';
    expect(parseReport(text, 1)).toEqual({ instructions: ['unparseable'], overall: true });
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
