/**
 * The count judge of success-claims (src/families/success-claims/claimed-counts.ts): a
 * report that gives a count instead of a verdict ("The response is 171 words.") is read
 * against the instruction's own relation and number. Every expected value here is worked
 * out by hand from the instruction; `undefined` is "left unread", which is what a count
 * that does not settle the instruction must give, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { claimedCountVerdict } from '../src/families/success-claims/claimed-counts.js';
import type { Instruction, Relation } from '../src/ifeval/types.js';

const words = (relation: Relation, n: number): Instruction => ({ id: 'length_constraints:number_words', kwargs: { relation, num_words: n } });
const sentences = (relation: Relation, n: number): Instruction => ({ id: 'length_constraints:number_sentences', kwargs: { relation, num_sentences: n } });
const paragraphs = (n: number): Instruction => ({ id: 'length_constraints:number_paragraphs', kwargs: { num_paragraphs: n } });

type Case = [sentence: string, expected: boolean | undefined];

/** Checks every case against one instruction, naming the sentence on failure. */
function expectVerdicts(instruction: Instruction, cases: Case[]): void {
  const got = cases.map(([sentence]) => [sentence, claimedCountVerdict(sentence, instruction)]);
  expect(got).toEqual(cases);
}

describe('a count against each relation', () => {
  it('"less than 150 words": exact counts and every kind of bound', () => {
    expectVerdicts(words('less than', 150), [
      ['The response has 120 words.', true],
      ['The response has 149 words.', true],
      ['The response has 150 words.', false],
      ['The response is 171 words.', false],
      ['The response has fewer than 150 words.', true], // c < 150
      ['The response has fewer than 151 words.', undefined], // c could be 150
      ['The response is under 100 words.', true],
      ['The response is below 151 words.', undefined],
      ['The response has at most 149 words.', true],
      ['The response has at most 150 words.', undefined],
      ['The response has no more than 149 words.', true],
      ['The response has up to 149 words.', true],
      ['The response has a maximum of 150 words.', undefined],
      ['The response has more than 149 words.', false], // c >= 150
      ['The response has more than 148 words.', undefined], // c could be 149
      ['The response runs to over 200 words.', false],
      ['The response has above 148 words.', undefined],
      ['The response has at least 150 words.', false],
      ['The response has at least 149 words.', undefined],
      ['The response has no fewer than 150 words.', false],
      ['The response has a minimum of 149 words.', undefined],
    ]);
  });

  it('"at least 150 words": exact counts and every kind of bound', () => {
    expectVerdicts(words('at least', 150), [
      ['The response has 150 words.', true],
      ['The response has 149 words.', false],
      ['The response has 1000 words.', true],
      ['The response has more than 149 words.', true], // c >= 150
      ['The response has more than 148 words.', undefined],
      ['The response has above 149 words.', true],
      ['The response has at least 150 words.', true],
      ['The response has at least 149 words.', undefined],
      ['The response has no less than 150 words.', true],
      ['The response has a minimum of 150 words.', true],
      ['The response has fewer than 150 words.', false],
      ['The response has fewer than 151 words.', undefined],
      ['The response has less than 150 words.', false],
      ['The response has at most 149 words.', false],
      ['The response has at most 150 words.', undefined],
      ['The response has a maximum of 149 words.', false],
    ]);
  });

  it('"exactly 3 paragraphs": a bound decides only when it rules 3 in or out entirely', () => {
    expectVerdicts(paragraphs(3), [
      ['The response has 3 paragraphs.', true],
      ['The response has 4 paragraphs.', false],
      ['The response has 2 paragraphs.', false],
      // "more than 2" and "at least 3" allow exactly 3 as well as 4: open, not a failure.
      ['The response has more than 2 paragraphs.', undefined],
      ['The response has at least 3 paragraphs.', undefined],
      ['The response has more than 3 paragraphs.', false],
      ['The response has at least 4 paragraphs.', false],
      ['The response has fewer than 3 paragraphs.', false],
      ['The response has fewer than 4 paragraphs.', undefined],
      ['The response has at most 2 paragraphs.', false],
      ['The response has at most 3 paragraphs.', undefined],
    ]);
  });
});

describe('which count decides', () => {
  it('an exact count decides over a bound that would leave it open', () => {
    expectVerdicts(words('at least', 150), [
      ['The response has 160 words, well over 100 words.', true],
      ['The response has 140 words, well over 100 words.', false],
    ]);
  });

  it('two counts that disagree leave it unread', () => {
    expectVerdicts(words('at least', 150), [
      ['The draft had 140 words and the response has 160 words.', undefined],
      ['The response has 160 words, fewer than 150 words.', true], // the exact count decides
      ['The response has more than 149 words and fewer than 150 words.', undefined],
    ]);
  });

  it('the number inside a bound is not read again as an exact count', () => {
    expectVerdicts(words('less than', 150), [
      ['The response has fewer than 150 words.', true],
      ['The response is at most 149 words long.', true],
    ]);
  });

  it('a bound with no noun after it counts when nothing else follows it', () => {
    expectVerdicts(words('less than', 150), [
      ['The word count is at most 149.', true],
      ['The word count is under 150, as asked.', true],
      ['The word count is fewer than 150 total words.', true],
      ['The word count is at most 149', true], // the sentence ends at the number
      ['The word count is at most 149-ish.', undefined],
      ['The word count is at most 149-ish', undefined],
      ['The response has fewer than 3 paragraphs.', undefined], // counts paragraphs, not words
    ]);
  });
});

describe('negations', () => {
  it('a negation right before a bound turns it around', () => {
    expectVerdicts(words('at least', 150), [
      ["The response doesn't have fewer than 150 words.", true], // c >= 150
      ['The response does not have more than 149 words.', false], // c <= 149
      ['The response is not at least 150 words.', false], // c < 150
      ['The response is never at most 149 words.', true], // c > 149
      ['The response has no fewer than 150 words.', true],
    ]);
  });

  it('a negation farther back does not turn a bound around', () => {
    expectVerdicts(words('at least', 150), [
      ['The response is not short: it has well over 149 words.', true],
      ['Not long: it has fewer than 150 words.', false], // "not" is within reach but not right before the bound
    ]);
  });

  it('"no", "zero", "does not appear" and "not once" are a count of zero', () => {
    const keyword: Instruction = { id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 1 } };
    expectVerdicts(keyword, [
      ["'waffle' does not appear in the response.", false],
      ["'waffle' didn't appear anywhere.", false],
      ['The keyword never appears in the response.', false],
      ['The keyword is used not once in the response.', false],
      ['The response has zero mentions of the keyword.', false],
    ]);
    const placeholders: Instruction = { id: 'detectable_content:number_placeholders', kwargs: { num_placeholders: 1 } };
    expectVerdicts(placeholders, [['The response contains no placeholders.', false]]);
  });
});

describe('what each instruction counts in', () => {
  it('reads each counted instruction by its own nouns, singular and plural', () => {
    const cases: [Instruction, string, boolean | undefined][] = [
      [sentences('less than', 20), 'I count 16 short sentences.', true],
      [sentences('at least', 2), 'The response has 1 sentence.', false],
      [words('at least', 2), 'The response has 1 word.', false],
      [paragraphs(1), 'The response has 1 paragraph.', true],
      [{ id: 'detectable_content:number_placeholders', kwargs: { num_placeholders: 2 } }, 'It contains 1 placeholder.', false],
      [{ id: 'detectable_content:number_placeholders', kwargs: { num_placeholders: 2 } }, 'It contains 3 placeholders.', true],
      [{ id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 3 } }, 'It has 3 bullet points.', true],
      [{ id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 3 } }, 'It has 4 bullets.', false],
      [{ id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 1 } }, 'It has 1 bullet point.', true],
      [{ id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 1 } }, 'It has 2 bullet.', false],
      [{ id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 3 } }, 'It has 2 highlighted sections.', false],
      [{ id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 3 } }, 'It has 3 highlights.', true],
      [{ id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 2 } }, 'It has 1 highlight.', false],
      [{ id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 2 } }, 'It highlights only 1 phrase.', false],
      [{ id: 'detectable_format:number_highlighted_sections', kwargs: { num_highlights: 1 } }, 'It has 1 section highlighted.', true],
      [{ id: 'detectable_format:multiple_sections', kwargs: { section_spliter: 'SECTION', num_sections: 4 } }, 'It has 4 sections.', true],
      [{ id: 'detectable_format:multiple_sections', kwargs: { section_spliter: 'SECTION', num_sections: 4 } }, 'It has 1 section.', false],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 3 } }, "'waffle' appears 3 times.", true],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 3 } }, 'The keyword appears twice.', false],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'less than', frequency: 2 } }, 'The keyword appeared once.', true],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'less than', frequency: 4 } }, 'The keyword occurs thrice.', true],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 2 } }, 'The keyword has 1 occurrence.', false],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 2 } }, 'The keyword has 2 instances.', true],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 2 } }, 'The keyword gets 1 mention.', false],
      [{ id: 'keywords:letter_frequency', kwargs: { letter: 'k', let_relation: 'at least', let_frequency: 4 } }, 'The letter appears 5 times.', true],
      [{ id: 'keywords:letter_frequency', kwargs: { letter: 'k', let_relation: 'less than', let_frequency: 4 } }, 'The letter is used 4 times.', false],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'at least', capital_frequency: 3 } }, 'There are 4 all-caps words.', true],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'at least', capital_frequency: 3 } }, 'There are 2 allcaps words.', false],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'at least', capital_frequency: 3 } }, 'There are 5 capitalized words.', true],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'at least', capital_frequency: 3 } }, 'There are 2 capitalised words.', false],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'less than', capital_frequency: 3 } }, 'There are 2 uppercase words.', true],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'less than', capital_frequency: 3 } }, 'There are 3 upper-case words.', false],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'less than', capital_frequency: 3 } }, 'There are 3 capital words.', false],
      [{ id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'less than', capital_frequency: 3 } }, 'They appear 2 times.', true],
      [{ id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 2 } }, 'They occur 3 times', true],
    ];
    expect(cases.map(([instruction, sentence]) => [instruction.id, sentence, claimedCountVerdict(sentence, instruction)])).toEqual(
      cases.map(([instruction, sentence, expected]) => [instruction.id, sentence, expected]),
    );
  });

  it('a count of something else is not a count of what the instruction counts', () => {
    expectVerdicts(words('less than', 150), [
      ['The response has 5 sentences.', undefined],
      ['The response has 3 paragraphs and 2 sections.', undefined],
    ]);
    expectVerdicts(sentences('at least', 4), [['The response has 171 words.', undefined]]);
    const capitals: Instruction = { id: 'change_case:capital_word_frequency', kwargs: { capital_relation: 'at least', capital_frequency: 3 } };
    expectVerdicts(capitals, [['The response has 4 sentences.', undefined]]);
    const keyword: Instruction = { id: 'keywords:frequency', kwargs: { keyword: 'waffle', relation: 'at least', frequency: 3 } };
    expectVerdicts(keyword, [['The response has 4 sentences.', undefined]]);
  });

  it('instructions that count nothing are never judged by a count', () => {
    const noComma: Instruction = { id: 'punctuation:no_comma', kwargs: {} };
    expect(claimedCountVerdict('The response has 0 commas and 120 words.', noComma)).toBeUndefined();
  });

  it('a number word is read whole: "fourteen" is not "four"', () => {
    expectVerdicts(sentences('less than', 5), [
      ['The response has fourteen sentences.', false],
      ['The response has four sentences.', true],
    ]);
  });
});

describe("the instruction's own number mentioned as a reference", () => {
  it('is not read as the count', () => {
    expectVerdicts(words('at least', 150), [
      ['The response has 140 words instead of 150.', false],
      ['The response ran to 140 words rather than 150 words.', false],
      ['The response has 140 words, not 150 words.', false],
      ['The response has 140 words, short of the 150-word minimum.', false],
      ['The response has 140 words, fewer than the 150 words needed.', false],
      ['The response has 140 words; 150 words required.', false],
      ['The response has 140 words against a 150 word target.', false],
      ['The response has 140 words and falls under the limit of 150 words.', false],
      ['The response has 140 words, 10 short of the 150 asked for.', false],
      ['The response has 160 words, above the 150-word threshold.', true],
    ]);
  });

  it('is not read from inside quotation marks', () => {
    expectVerdicts(words('at least', 150), [['The response has 140 words; the instruction said "at least 150 words".', false]]);
  });
});

describe('approximate counts', () => {
  it('decide only well away from the number: 10% of it, and never within 2', () => {
    expectVerdicts(words('at least', 150), [
      ['The response is about 300 words.', true],
      ['The response is about 165 words.', true], // 15 away: decides
      ['The response is about 164 words.', undefined], // 14 away: within 10%
      ['The response is roughly 151 words.', undefined],
      ['The response is approximately 100 words.', false],
      ['The response is ~160 words.', undefined],
      ['The response is around 140 words.', undefined],
      ['The response is nearly 140 words.', undefined],
      ['The response is almost 140 words.', undefined],
      ['The response has some 160 words.', undefined],
      ['About the response: it has 160 words.', true], // "about" that does not qualify the count
    ]);
    expectVerdicts(sentences('at least', 10), [
      ['The response has about 12 sentences.', true], // 2 away: decides
      ['The response has about 11 sentences.', undefined], // 1 away: within 2
      ['The response has about 8 sentences.', false],
      ['The response has 11 sentences.', true],
    ]);
  });
});

describe('a count that is a title, not a statement', () => {
  it('needs a verb or five words', () => {
    expectVerdicts(sentences('at least', 15), [
      ['At least 15 sentences', undefined],
      ['16 sentences.', undefined],
      ['Final length: 16 sentences', undefined], // four words, no verb
      ['Final length: 16 sentences total.', true], // five words
      ['  Final length: 16 sentences', undefined], // leading space is no word
      ['Final  length: 16 sentences', undefined], // nor is a double space
      ['The response has 16 sentences', true],
      ['It had 16 sentences', true],
      ['They were 16 sentences', true],
      ['Sentence count: 16 sentences', true],
      ['It comes to 16 sentences', true],
      ['It came to 16 sentences', true],
      ['It totals 16 sentences', true],
      ['There: 16 sentences', true],
      ['I wrote 16 sentences', true],
      ['It includes 16 sentences', true],
      ['It contained 16 sentences', true],
      ['They contain 16 sentences', true],
      ['They include 16 sentences', true],
      ['Comes to 16 sentences', true],
      ['Come to 16 sentences', true],
      ['They total 16 sentences', true],
      ['Runs to 16 sentences', true],
      ['Run to 16 sentences', true],
      ['It ran to 16 sentences', true],
    ]);
  });
});
