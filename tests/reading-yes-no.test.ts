/**
 * The yes/no reader (src/reading/yes-no.ts), rule by rule, beyond the main cases in
 * reading.test.ts: each test pins one rule a user relies on when saydo reads a model's
 * yes or no about its own work, with answers written the way models write them.
 */
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../src/reading/yes-no.js';

/** A reading as a short word: yes, no, or `?why`. */
const yesNo = (text: string): string => {
  const reading = readYesNo(text);
  return reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`;
};

describe('"nothing was missed"', () => {
  it('reads "none ... missed" as a yes, also with a count or "wrong" for the failure', () => {
    const answers = ['None of the 3 instructions were missed.', 'None of the 3 were missed.', 'None of them were incorrect.', 'No answer was wrong.'];
    expect(answers.map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });

  it('reads "No" followed by a sentence as a no, not as "no X was missed"', () => {
    const answers = ['No it was missed.', 'No I missed it.', 'No the title was missed.', 'No doubt it was missed.'];
    expect(answers.map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
  });
});

describe('negations a careful reader sees', () => {
  it('reads "cannot" as a negation of the verdict after it', () => {
    expect(['It cannot be met.', 'This requirement cannot be satisfied with a title that long.'].map(yesNo)).toEqual(['no', 'no']);
  });

  it('reads "no rule was ever violated" as a yes, with "ever" and "has been" between', () => {
    const answers = ['No rule was ever violated.', 'No instruction has ever been violated.', 'No rule has been missed.'];
    expect(answers.map(yesNo)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a negated verb with "correctly" or "successfully" after it as a no, not as the adverb\'s yes', () => {
    const answers = ['The title was not done correctly.', 'Not completed successfully.', 'The format was not followed correctly.', 'I did not follow it correctly.'];
    expect(answers.map(yesNo)).toEqual(['no', 'no', 'no', 'no']);
    // Without a negation, the adverb is the verdict; a negation in an earlier phrase is not its own.
    expect(['Done correctly.', 'The rule was followed correctly.', 'No commas, and the title is formatted correctly.', 'Done incorrectly.'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'no']);
  });
});
