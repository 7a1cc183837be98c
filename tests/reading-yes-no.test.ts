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
