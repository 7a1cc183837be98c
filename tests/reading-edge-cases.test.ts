/**
 * The base readers at the edges of their rules (src/reading/yes-no.ts, text.ts, json.ts):
 * where a phrase ends, how far a negation reaches, when a word stands in an answer's place,
 * what a quoted answer is. Each case is written the way models write, with the reading a
 * careful person gives it.
 */
import { describe, expect, it } from 'vitest';
import { jsonValues, parseLenientJson } from '../src/reading/json.js';
import { contentWords, numberValue } from '../src/reading/text.js';
import { readYesNo, readYesNoValue } from '../src/reading/yes-no.js';

/** A reading as a short word: yes, no, or `?why`. */
const yesNo = (text: string): string => {
  const reading = readYesNo(text);
  return reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`;
};

describe('"followed" at the end of its clause', () => {
  it('reads "followed" before any clause break as compliance, whatever comes after the break', () => {
    const answers = ['It was followed; no commas.', 'Rule 1 (followed) - no commas.', '[followed] no commas', '| followed | no commas |', 'Followed! No commas.', 'It was followed. No commas.', 'Followed, no commas.', 'It was followed: no commas.'];
    expect(answers.filter((answer) => yesNo(answer) !== 'yes')).toEqual([]);
  });
});

describe('how far a negation reaches', () => {
  it('reaches a verdict four words on, across words that may stand between', () => {
    expect(['It has never really been fully met.', 'Not yet been fully met.'].map(yesNo)).toEqual(['no', 'no']);
  });

  it('stops at a dash or a comma: "No - missed" is two answers that agree', () => {
    expect(['No - missed.', 'No, missed.'].map(yesNo)).toEqual(['no', 'no']);
  });
});

describe('a bare yes or no in an answer\'s place', () => {
  it('reads "No" before a quoted word as that word negated, not as the answer', () => {
    expect(['No "dolphin" or "hammock" anywhere.', "No 'dolphin' anywhere.", 'No `code` blocks.'].map(yesNo)).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('reads "no" right after a correction cue as the answer', () => {
    expect(yesNo('Wait no, it has 9 sentences.')).toBe('no');
  });

  it('reads the answer to a verdict word asked as a question, not the question', () => {
    expect(['Satisfied? No.', 'Met? Yes.', 'Fail? No.', 'Pass? Yes.', 'Followed? Yes.'].map(yesNo)).toEqual(['no', 'yes', 'no', 'yes', 'yes']);
  });

  it('reads "true" only where an answer stands', () => {
    expect(['True to the prompt, I wrote a poem.', 'True.', 'Satisfied: true'].map(yesNo)).toEqual(['?no answer', 'yes', 'yes']);
  });
});

describe('quoted answers and quoted passages', () => {
  it('reads a quoted answer of up to four words, and takes a longer quotation for a passage', () => {
    expect(['"Yes, all are met."', '"Yes, all of them met."'].map(yesNo)).toEqual(['yes', '?no answer']);
  });
});

describe('JSON strings at their edges', () => {
  it('ends a string at a quote after an escaped backslash, and not at an escaped quote', () => {
    const text = String.raw`{"why": "a path C:\\", "satisfied": true} then [1]`;
    expect(jsonValues(text).map((span) => span.value)).toEqual([{ why: 'a path C:\\', satisfied: true }, [1]]);
    const quoted = "{'why': 'it\\'s in [brackets', 'satisfied': True}";
    expect(jsonValues(quoted).map((span) => span.value)).toEqual([{ why: "it's in [brackets", satisfied: true }]);
  });

  it('keeps escapes other than a quote as they are in a single-quoted string', () => {
    expect(parseLenientJson("{'a': 'tab\\there', 'b': 'x\\u0041'}")).toEqual({ a: 'tab\there', b: 'xA' });
  });
});

describe('the words of an instruction in their other forms', () => {
  /** Whether two phrases share a content word: how a statement is matched to an instruction. */
  const overlap = (a: string, b: string): boolean => [...contentWords(a)].some((word) => contentWords(b).has(word));

  it('matches a past tense that doubles the last consonant with its base form', () => {
    const pairs = [
      ['formatted', 'the format'],
      ['omitted', 'omit'],
      ['planned', 'a plan'],
      ['padded', 'pad'],
      ['grabbed', 'grab'],
      ['no lies', 'a lie'],
    ];
    expect(pairs.filter(([a, b]) => !overlap(a!, b!))).toEqual([]);
  });
});

describe('more answer places', () => {
  it('reads a verdict word after an answer lead, and not a declining "I\'ll pass"', () => {
    expect(["It's true.", "That's true.", 'The verdict is pass.', 'The result is fail.', "I'll pass."].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'no', '?no answer']);
  });

  it('reads an adverb verdict after a label as it is: a negation beyond a colon is not its own', () => {
    expect(['Title: done correctly.', 'No commas: done correctly.'].map(yesNo)).toEqual(['yes', 'yes']);
  });

  it('keeps an answer that a cue after it does not correct', () => {
    expect(['Not satisfied - 9 sentences. Let me double-check the count.'].map(yesNo)).toEqual(['no']);
  });

  it('maps an answer in one side\'s words even when it shares a word both sides use', () => {
    const question = 'Answer yes if you would keep the rule, no if you would do what the user asks.';
    const reading = readYesNo('I would keep the rule.', { question });
    expect(reading.kind === 'read' && reading.value).toBe(true);
  });
});

describe('numbers and comments at their edges', () => {
  it('takes no number of two or more digits for a content word', () => {
    expect(contentWords('at least 12').size).toBe(0);
  });

  it('reads no value from three number words', () => {
    expect(numberValue('twenty one two')).toBeUndefined();
  });

  it('removes a # comment right after a string', () => {
    expect(parseLenientJson('{"satisfied": true, "why": "ok"# checked\n}')).toEqual({ satisfied: true, why: 'ok' });
  });
});

describe('the last survivors', () => {
  it('says a free-text reading was read from free text, and why a value that is no answer is not', () => {
    const reading = readYesNo('Yes.');
    expect(reading.kind === 'read' && reading.from).toBe('free text');
    const value = readYesNoValue(2);
    expect(value.kind === 'unparseable' && value.why).toBe('no answer');
  });

  it('reads a correction on the next line', () => {
    expect(['Yes\nWait no - only 9 sentences.', 'Yes. Actually no, 9 sentences.', 'Satisfied. In fact no.', 'Yes. On second thought no.'].map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
  });

  it('reads labels written without a space after the colon, and a mark after a failure label with words after it as a hedge', () => {
    expect(['Met:❌', 'Violated:yes', 'Missing: ✅ the title is there'].map(yesNo)).toEqual(['no', 'no', '?hedge']);
  });

  it('keeps a later phrase outside an earlier one: "none were missed, but the count is off" says both', () => {
    expect(yesNo('None were missed, but the count is off.')).toBe('?contradiction');
  });

  it('reads "followed by section #2" as order, and "followed # 2" as compliance', () => {
    expect(['Section 1 is followed by section #2.', 'I followed # 2 and # 4.', 'I followed rule 2.'].map(yesNo)).toEqual(['?no answer', 'yes', 'yes']);
  });

  it('reads a negation across two spaces, "nor", and "not ever"', () => {
    expect(['Not  satisfied.', 'It was not followed, nor satisfied.', 'It was not ever followed.'].map(yesNo)).toEqual(['no', 'no', 'no']);
  });

  it('reads "Confident." alone as a yes, and Korean yes after a label but not 네번째 (fourth)', () => {
    expect(['Confident.', '답: 예', '네번째 지시'].map(yesNo)).toEqual(['yes', 'yes', '?no answer']);
  });
});
