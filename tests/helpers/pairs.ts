/**
 * A set of pairs with a known answer, written as promptfoo test cases: two checks each
 * and candidate answers that pass both, one or neither. Used in process and, written to
 * YAML, through promptfoo.
 */
import type { TestContext } from '../../src/families/pairs/probe.js';

/** The prompt template of every test: `{{word}}` is the test's var. */
export const KNOWN_ANSWER_PROMPT = 'Reply with "Answer:" and then the word {{word}}.';

/** `count` test cases as a user writes them in YAML. */
export function knownAnswerTests(count: number): (TestContext & { vars: { word: string } })[] {
  return Array.from({ length: count }, (_, i) => {
    const word = `token${i}`;
    return {
      description: `test ${i}`,
      vars: { word },
      assert: [{ type: 'contains', value: word }, i % 2 === 0 ? { type: 'starts-with', value: 'Answer:' } : { type: 'not-icontains', value: 'sorry' }],
      metadata: { saydo: { candidates: [`Answer: ${word}`, 'Answer: nothing', word, 'Sorry, no.'] } },
    };
  });
}
