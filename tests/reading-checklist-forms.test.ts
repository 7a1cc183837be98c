/**
 * More of the checklist reader's rules (src/reading/checklist/), in the style of
 * tests/reading-checklist.test.ts: realistic answers to "did your response satisfy each
 * instruction?", read through the success-claims report, with the reading a careful
 * human gives. A reading is shown as a word: `yes`/`no` when read from free text,
 * `yes (structured)` when read from JSON, `?why` when unparseable; the last word is the
 * whole's.
 */
import { describe, expect, it } from 'vitest';
import { NO_COMMAS, TITLE, UNDER_300_WORDS, UNDER_9_SENTENCES, QUOTED, FRENCH, NO_THIMBLE_VELVET, EXAMPLE, read, word } from './helpers/checklist.js';
import { readChecklist } from '../src/reading/checklist/index.js';

describe('what is no part of the answer', () => {
  it('reads only what follows a reasoning block', () => {
    expect(read('<think>1. No\n2. No</think>\n1. Yes\n2. Yes', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
    expect(read('<think>\nThe title is missing, so no.\n</think>\nYes.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('passes over the example answer echoed before the real one', () => {
    const answer = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes"}], "all_satisfied": "yes"}';
    expect(read(`${EXAMPLE}\n${answer}`, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'yes (structured)', 'yes (structured)']);
  });

  it('reads the answers before a rewritten response and none in it; a rewrite alone is a refusal', () => {
    expect(read('1. Yes\n2. No\n\nHere is a revised version:\n\n<<Night Trains>>\nYes, all of it is fixed.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('Here is a revised response that follows every instruction:\n\n<<Night Trains>>\nThe train came.', NO_COMMAS, TITLE)).toEqual([
      '?refusal',
      '?refusal',
      '?refusal',
    ]);
  });

  it('passes over the example answer when it is introduced as the form, or when it lists another number of items', () => {
    const answer = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes"}], "all_satisfied": "yes"}';
    expect(read(`You asked for this format: ${EXAMPLE}\n\n${answer}`, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'yes (structured)', 'yes (structured)']);
    expect(read(`The form asked for: ${EXAMPLE}`, NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
    expect(read(EXAMPLE, NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer']);
  });

  it('reads the example answer given alone, for as many items as it lists, as the answer', () => {
    expect(read(EXAMPLE, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
  });

  it('reads no verdict in a long passage quoted from the response, but keeps a quoted item text that names its item', () => {
    expect(read('1. Yes\n2. No - the response opens "AND YES, THE GULLS CAME BACK TO THE HARBOR." with no title.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('**"Answer with less than 300 words."** Yes\n**"Your response should contain less than 9 sentences."** No', UNDER_300_WORDS, UNDER_9_SENTENCES)).toEqual([
      'yes',
      'no',
      'no',
    ]);
  });
});

describe('footnotes', () => {
  it('reads an answer whose footnote hedges, or sets a condition, as a hedge', () => {
    expect(read('1. Yes*\n2. Yes\n\n* I believe so, but I did not count every sentence.', NO_COMMAS, TITLE)).toEqual(['?hedge', 'yes', '?hedge']);
    expect(read('1. Yes\n2. Yes†\n\n† If the first line counts as a title.', NO_COMMAS, TITLE)).toEqual(['yes', '?hedge', '?hedge']);
    expect(read('1. Yes*\n2. Yes\n\n* Yes, I believe so.', NO_COMMAS, TITLE)).toEqual(['?hedge', 'yes', '?hedge']);
    expect(read('1. Yes\n2. Yes†\n\n† Unless the heading counts as the title.', NO_COMMAS, TITLE)).toEqual(['yes', '?hedge', '?hedge']);
  });

  it('leaves an answer whose footnote only informs as it is', () => {
    expect(read('1. Yes*\n2. Yes\n\n* Checked twice.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('keeps a hedging bullet that marks no answer as a hedge of its own', () => {
    expect(read('1. Yes\n2. Yes\n* I think the title might be off.', NO_COMMAS, TITLE)).toEqual(['yes', '?hedge', '?hedge']);
  });
});

describe('one instruction', () => {
  it('reads a bare yes or no, or a description alone, as the answer about the one instruction', () => {
    expect(read('Yes.', NO_COMMAS)).toEqual(['yes', 'yes']);
    expect(read('No.', NO_COMMAS)).toEqual(['no', 'no']);
    expect(read('The response contains no commas.', NO_COMMAS)).toEqual(['yes', 'yes']);
  });
});

describe('corrections and the whole', () => {
  it('lets a correction of an item after the whole\'s yes correct the whole too', () => {
    expect(read('1. Yes\n2. Yes\nAll satisfied: yes\nActually, 2 is a no: there is no title.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('takes back the whole\'s yes with a hedge about an item after it', () => {
    expect(read('All satisfied: yes.\n1. Yes\n2. Probably - I think the title counts.', NO_COMMAS, TITLE)).toEqual(['yes', '?hedge', '?hedge']);
  });

  it('keeps an item\'s answer when a correction about another item comes before the whole\'s answer', () => {
    expect(read('1. Yes\n2. Yes, wait, no.\nOverall: yes', NO_COMMAS, TITLE)).toEqual(['yes', '?contradiction', '?contradiction']);
  });

  it('reads two answers about one item with no correction between them as a contradiction, for the whole too', () => {
    expect(read('1. Yes\n2. Yes\n2. No\nOverall: no', NO_COMMAS, TITLE)).toEqual(['yes', '?contradiction', '?contradiction']);
  });
});

describe('lines that restate an item, and leading answers', () => {
  it('reads a line that opens with an item\'s own text, quoted and bold, as that item\'s answer', () => {
    const text = '**"Answer with less than 300 words."** Yes\n**"Your response should contain less than 9 sentences."** No';
    expect(read(text, UNDER_300_WORDS, UNDER_9_SENTENCES)).toEqual(['yes', 'no', 'no']);
  });

  it('takes no leading yes for all when a later line answers no, and says the whole is unsure', () => {
    expect(read('Yes.\nNo.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?contradiction']);
    expect(read('Yes\nNo\nYes', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', '?contradiction']);
    expect(read('Yes.\nThe angular-bracket line is not there, so no.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?contradiction']);
  });

  it('takes a leading yes for all back when a later line hedges about an item', () => {
    expect(read('Yes.\nNot sure about the title, though.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?hedge']);
    expect(read('- Yes.\nI am not sure about the word count, though.', NO_COMMAS, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?hedge']);
  });

  it('still reads a leading yes that later lines agree with', () => {
    expect(read('Yes.\nEverything checks out, yes.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });
});

describe('descriptions of the response', () => {
  it('carries a negation across "or" to a word it does not govern by itself ("no semicolons or commas")', () => {
    expect(read('1. The response has no semicolons or commas.\n2. Yes.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('does not take the instruction\'s own "allowed" for a thing it forbids', () => {
    expect(read('1. It is entirely in French, the only language allowed.\n2. Yes.', FRENCH, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('ends a negation at "and": a forbidden word after it is not said absent', () => {
    expect(read('1. Thimble is absent and velvet appears twice.\n2. Yes.', NO_THIMBLE_VELVET, TITLE)[0]).not.toBe('yes');
  });
});

describe('the reader without an example answer', () => {
  it('reads a JSON answer that lists fewer items than asked when the question showed no example', () => {
    const { items, overall } = readChecklist('{"instructions": [{"number": 1, "satisfied": "yes"}]}', [{ description: NO_COMMAS }, { description: TITLE }]);
    expect([...items, overall].map(word)).toEqual(['yes (structured)', '?no answer', '?no answer']);
  });
});

describe('JSON near misses', () => {
  const yesNo = ['yes (structured)', 'no (structured)', 'no (structured)'];
  it.each([
    ['items keyed "instruction_1"', '{"instruction_1": "yes", "instruction_2": "no", "overall": "no"}'],
    ['items keyed "#1"', '{"#1": true, "#2": false}'],
    ['items keyed "Instruction 1"', '{"Instruction 1": "Yes", "Instruction 2": "No"}'],
    ['items keyed by bare numbers', '{"1": "yes", "2": "no"}'],
    ['a bare list of booleans', '[true, false]'],
    ['a bare list of words', '["yes", "no"]'],
    ['a list of objects with only an answer', '[{"satisfied": "yes"}, {"satisfied": "no"}]'],
    ['"results" with "id" and "followed"', '{"results": [{"id": 1, "followed": true}, {"id": 2, "followed": false}], "all_followed": false}'],
    ['a wrapper around items keyed by number', '{"evaluation": {"1": "yes", "2": "no"}}'],
    ['a wrapper around items keyed by name', '{"answer": {"no_commas": true, "title": false}}'],
    ['wrappers within wrappers', '{"response": {"instructions": [{"n": 1, "ok": true}, {"n": 2, "ok": false}]}}'],
    ['items keyed by name, each with an object', '{"checks": {"no commas": {"pass": true}, "title": {"pass": false}}}'],
    ['items named in an "instruction" field', '[{"instruction": "No commas", "status": "met"}, {"instruction": "Title", "status": "not met"}]'],
    ['items numbered in an "instruction" field', '[{"instruction": "1", "satisfied": "yes"}, {"instruction": "2", "satisfied": "no"}]'],
    ['items named in a "name" field with a "value"', '{"items": [{"name": "no_commas", "value": true}, {"name": "title", "value": false}]}'],
    ['a comment beside the answers', '{"no_commas": "yes", "title": "no", "comment": "forgot the title"}'],
    ['items whose one answer field has a name of its own ("checked")', '[{"number": 1, "checked": true}, {"number": 2, "checked": false}]'],
    ['items whose one answer field is "done"', '{"instructions": [{"number": 1, "done": "yes"}, {"number": 2, "done": "no"}]}'],
    ['a comment inside an item', '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "no", "comment": "no title at all"}], "all_satisfied": "no"}'],
  ])('reads %s', (_, text) => {
    expect(read(text, NO_COMMAS, TITLE)).toEqual(yesNo);
  });

  it('reads a JSON answer that declines to judge an item as a hedge about it', () => {
    const text = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "I can\'t verify this"}]}';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes (structured)', '?hedge', '?hedge']);
  });

  it('reads "unsure" as a hedge, and a count inside an item as no answer', () => {
    expect(read('{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "unsure"}]}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', '?hedge', '?hedge']);
    const counted = '{"instructions": [{"number": 1, "satisfied": "yes", "word_count": 1}, {"number": 2, "satisfied": "yes"}]}';
    expect(read(counted, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'yes (structured)', 'yes (structured)']);
  });
});

describe('tables with rows out of order', () => {
  it('reads the number in the "#" column, "2." or "1." as written', () => {
    expect(read('| # | Met? |\n|---|---|\n| 2. | ❌ |\n| 1. | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads the label that opens a text cell ("Instruction 2", "Rule 2") as the row\'s item, not its place', () => {
    expect(read('| Instruction | Met? |\n|---|---|\n| Instruction 2 | ❌ |\n| Instruction 1 | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('| Rule | Met? |\n|---|---|\n| Rule 2 | ❌ |\n| Rule 1 | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('sentences', () => {
  it('reads several items answered on one line by name or by place, sentence by sentence', () => {
    expect(read('Word count: yes, about 200. Commas: no, there are two.', UNDER_300_WORDS, NO_COMMAS)).toEqual(['yes', 'no', 'no']);
    expect(read('First: yes. Second: no.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('Firstly, there are no commas. Secondly, the title is missing.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads no answer from items named by place with no answer, nor from a place the question did not list', () => {
    expect(read('First: the commas. Second: the title.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
    expect(read('Third: yes.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('reads "yes for" an item named with or without "the", and a number inside the name', () => {
    expect(read('Yes for commas. No for the title.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('Yes to the word limit of 300. No to the title.', UNDER_300_WORDS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('keeps a leading yes when a later sentence only mentions an item', () => {
    expect(read('Yes. I double-checked instruction 2 twice.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a clause about the item it names first, not an item it names as a cause', () => {
    expect(read('1. Yes\n2. Yes\nInstruction 3 was not met because it clashed with instruction 2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
  });

  it('reads a verdict left out after a negated auxiliary at the end of a clause as a no', () => {
    expect(read('The second one it does not, but the first one it does.', NO_COMMAS, TITLE)).toEqual(['?no answer', 'no', 'no']);
    expect(read("The second one doesn't, but the first one does.", NO_COMMAS, TITLE)).toEqual(['?no answer', 'no', 'no']);
  });

  it('reads a summary with no final stop', () => {
    expect(read('All except #2', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
  });
});

describe('summaries', () => {
  it('reads "yes to 1 and 2" for those items only', () => {
    expect(read('Yes to 1 and 2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', '?no answer', '?no answer']);
  });

  it('reads no count that is not of the items the question listed', () => {
    expect(read('2 of 3.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('reads a failure named in one clause and "all the others" met in the next as all except it', () => {
    expect(read('The title is missing, but all the other instructions were met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
  });
});

describe('the rest, and a label for the whole', () => {
  it('reads "the rest" as the items the sentence names before it, even when it lists them after', () => {
    expect(read('I missed #3; the rest, #1 and #2, were fine.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
  });

  it('reads the verdict in a label for the whole when nothing after it answers, and "only" there names no item', () => {
    expect(read('All satisfied - I only had to recount the words once.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });
});

describe('a yes for all and a failure described after it', () => {
  it('lets a failure described after "though" or ";" contradict a yes for all', () => {
    expect(read('Yes, all of them, though the title does not appear anywhere.', NO_COMMAS, TITLE)).toEqual(['yes', '?contradiction', '?contradiction']);
    expect(read('Everything is met; the title does not appear anywhere.', NO_COMMAS, TITLE)).toEqual(['yes', '?contradiction', '?contradiction']);
  });
});

describe('failures named by their words', () => {
  it('splits a sentence at "and" or "but" with no comma before it, to find the failure it names', () => {
    expect(read('The commas are fine and the title is missing.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('I kept the word count under 300 but I missed the title.', UNDER_300_WORDS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('blocks under a heading', () => {
  it('ends an item\'s block at a line that speaks for the whole, so that line is no part of the item\'s answer', () => {
    for (const whole of ['So no: the title is missing.', 'All in all, not quite: the title is missing.', 'Not all were met: the title is missing.', 'Everything else: no.']) {
      const [commas, , overall] = read(`### Commas\nYes, none used.\n${whole}`, NO_COMMAS, TITLE);
      expect([commas, overall], whole).toEqual(['yes', 'no']);
    }
  });

  it('takes a heading of any length that names an item for the title of the answer under it', () => {
    const text = '### The title, wrapped in double angular brackets like <<poem of joy>>\nNo, there is none.\n### Commas\nYes.';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('titled lines', () => {
  it('takes up to eight words before the colon for an item\'s title', () => {
    expect(read('Fewer than nine sentences in the whole response: yes.\nTitle: no.', UNDER_9_SENTENCES, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads lines of counts with no verdict as no answer, like a table of counts', () => {
    expect(read('Word count: 212\nCommas: 0', UNDER_300_WORDS, NO_COMMAS)).toEqual(['?no answer', '?no answer', '?no answer']);
  });
});

describe('numbered lines', () => {
  it('shifts lines numbered from 0 by one, beside a line for the whole', () => {
    expect(read('0. Yes\n1. No\nOverall: no.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('headings and bullets', () => {
  it('reads the answer under a heading for the whole, after the items too', () => {
    expect(read('1. Yes\n2. Yes\n\n## Verdict\nNo.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
    expect(read('## Overall\nMostly, but not entirely.\n## 1. Commas\nYes.', NO_COMMAS, TITLE)).toEqual(['yes', '?no answer', 'no']);
  });

  it('reads a bullet that names its item by place ("the second instruction") for that item, whatever the order', () => {
    expect(read('- ✅ The second instruction\n- ❌ The first instruction', NO_COMMAS, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('- Details for instruction 2 follow.\n- ✅ The second instruction\n- ❌ The first instruction', NO_COMMAS, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('reads a heading that ends with a colon as the title of the answer under it', () => {
    expect(read('### Title:\nNo, there is none.\n### Commas:\nYes.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a line for the whole with a pipe in it, as the last line', () => {
    expect(read('1. Yes\n2. Yes\nOverall: no | see above', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
  });
});

describe('where an item\'s block ends', () => {
  it('reads a bullet title ending in a colon as the title of the indented answer under it', () => {
    expect(read('- Title:\n  No, there is none.\n- Commas:\n  Yes, none used.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('ends a block at a heading that names no item', () => {
    expect(read('### 1. Commas\nYes, none.\n### Notes\nThe title is missing.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('ends a block at a line about another item, but not at one about its own item', () => {
    expect(read('### Commas\nNone used, so yes.\nI missed instruction 2.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('### Commas\nI checked instruction 1 twice.\nYes, none used.\n### Title\nNo.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('the whole\'s own answer', () => {
  it('keeps the whole\'s no when an item is corrected before it, so all items yes contradict it', () => {
    expect(read('1. Yes\n2. No, wait, yes.\nOverall: no.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
    expect(read('Overall: no.\n1. Yes\n2. Yes', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
  });

  it('lets only a correction after the whole\'s answer correct the whole', () => {
    expect(read('1. No, wait, yes.\n2. Yes\nOverall: no.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
    expect(read('1. No, wait, yes.\n2. Yes\nOverall: yes.\nActually, 2 is a no.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('keeps the whole\'s yes when the hedge about an item comes before it', () => {
    expect(read('1. Probably.\n2. Yes.\nOverall: yes.', NO_COMMAS, TITLE)).toEqual(['?hedge', 'yes', 'yes']);
  });

  it('reads the whole\'s no when the item it leaves unanswered may be the failure', () => {
    expect(read('1. Yes\nOverall: no.', NO_COMMAS, TITLE)).toEqual(['yes', '?no answer', 'no']);
  });

  it('reads the whole\'s yes before items that agree with it', () => {
    expect(read('Overall: yes.\n1. Yes\n2. Yes', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a failure described in free prose alone as no answer (a description only contradicts)', () => {
    expect(read('Looking back, the title does not appear anywhere.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('gives the reason an item could not be read for the whole with no answer of its own', () => {
    expect(read('2. Probably.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?hedge', '?hedge']);
  });

  it('says an item was read from JSON when JSON and free text agree on it', () => {
    const text = 'Yes, all of them.\n{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes"}], "all_satisfied": "yes"}';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'yes (structured)', 'yes (structured)']);
  });
});

describe('failures named beside item answers', () => {
  it('reads a failure named by its words as a plain no when the report also answers item by item', () => {
    expect(read('1. Yes\nI missed the title.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', '?no answer', 'no']);
  });
});

describe('answers about items the question did not list', () => {
  it('drops them, so a hedge about a third item does not take back the whole\'s yes about two', () => {
    expect(read('Overall: yes.\n1. Yes\n2. Yes\n3. Probably not.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
    expect(read('Overall: yes.\n0. Probably.\n1. Yes\n2. Yes', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });
});

describe('items named by place or by their other names', () => {
  it('reads "only the first one and the third one" as those two items', () => {
    expect(read('Only the first one and the third one were met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('reads "the last one" as the last item', () => {
    expect(read('All except the last one.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
  });

  it('names an item by a short name of its own ("the separator" for two responses)', () => {
    const twoResponses = 'Give two different responses, and separate the responses (and only the responses) with 6 asterisk symbols: ******.';
    expect(read('The separator: yes.\nThe title: no.', twoResponses, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('names an item by its words when the items have no other names', () => {
    const { items, overall } = readChecklist('{"no_commas": true, "title": false}', [{ description: NO_COMMAS }, { description: TITLE }]);
    expect([...items, overall].map(word)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
  });
});

describe('the negations and the words between a negation and what it negates', () => {
  // Each sentence describes the response as models do, with no verdict word; the reading
  // is the one a careful person gives: a forbidden thing said absent is a yes, a required
  // thing said absent a no.
  it.each([
    ['None of the keywords appear.', NO_THIMBLE_VELVET, 'yes'],
    ['Written without thimble or velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['It has zero commas.', NO_COMMAS, 'yes'],
    ['There is no thimble, nor is there any velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['Neither keyword appears.', NO_THIMBLE_VELVET, 'yes'],
    ['The text lacks commas.', NO_COMMAS, 'yes'],
    ['The text is lacking any commas.', NO_COMMAS, 'yes'],
    ['A complete lack of commas.', NO_COMMAS, 'yes'],
    ['I did not use any commas.', NO_COMMAS, 'yes'],
    ['There is not a comma anywhere.', NO_COMMAS, 'yes'],
    ['There is not a single comma.', NO_COMMAS, 'yes'],
    ['There are no more commas.', NO_COMMAS, 'yes'],
    ['There are no extra commas.', NO_COMMAS, 'yes'],
    ['There are no additional commas.', NO_COMMAS, 'yes'],
    ['I refrained from commas.', NO_COMMAS, 'yes'],
    ['I never used commas.', NO_COMMAS, 'yes'],
    ['I avoided using commas.', NO_COMMAS, 'yes'],
    ['I did not include commas.', NO_COMMAS, 'yes'],
    ['Nothing was included, not including commas.', NO_COMMAS, 'yes'],
    ['It does not contain commas.', NO_COMMAS, 'yes'],
    ['It never contains commas.', NO_COMMAS, 'yes'],
    ['It never contained commas.', NO_COMMAS, 'yes'],
    ['A text not containing commas.', NO_COMMAS, 'yes'],
    ['It does not have commas.', NO_COMMAS, 'yes'],
    ['It never has commas.', NO_COMMAS, 'yes'],
    ['It never had commas.', NO_COMMAS, 'yes'],
    ['I did not put commas in.', NO_COMMAS, 'yes'],
    ['I did not add commas.', NO_COMMAS, 'yes'],
    ['I never added commas.', NO_COMMAS, 'yes'],
    ['I did not write commas.', NO_COMMAS, 'yes'],
    ['I never wrote commas.', NO_COMMAS, 'yes'],
    ['Commas were never written there.', NO_COMMAS, 'yes'],
    ['There have not been any commas.', NO_COMMAS, 'yes'],
    ['It never uses commas.', NO_COMMAS, 'yes'],
    ['There are no stray commas.', NO_COMMAS, 'yes'],
    ['It does not mention velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['It never mentions velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['It never mentioned velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['It does not feature commas.', NO_COMMAS, 'yes'],
    ['It never features commas.', NO_COMMAS, 'yes'],
    ['It does not show commas.', NO_COMMAS, 'yes'],
    ['It never shows commas.', NO_COMMAS, 'yes'],
    ['The text is not fully wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not entirely wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not completely wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not properly wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not correctly wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not actually wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not really wrapped in double quotation marks.', QUOTED, 'no'],
    ['The text is not quite wrapped in double quotation marks.', QUOTED, 'no'],
    ['There is no proper title.', TITLE, 'no'],
    ['There is no real title.', TITLE, 'no'],
    ['It lacks the required title.', TITLE, 'no'],
    ['It lacks the requested title.', TITLE, 'no'],
    ['I did not use the keywords.', NO_THIMBLE_VELVET, 'yes'],
    ['There are no such commas.', NO_COMMAS, 'yes'],
    ['It has no commas of any kind.', NO_COMMAS, 'yes'],
    ["There isn't an extra comma anywhere.", NO_COMMAS, 'yes'],
    ['I have not included velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['I have not written any commas.', NO_COMMAS, 'yes'],
    ['There did not appear any commas.', NO_COMMAS, 'yes'],
    ['There never appeared any velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['Nor was there any velvet.', NO_THIMBLE_VELVET, 'yes'],
    ['Nor were there any commas.', NO_COMMAS, 'yes'],
    ['Nor are there any commas.', NO_COMMAS, 'yes'],
  ])('reads "%s" (%s) as %s', (description, instruction, expected) => {
    const other = instruction === TITLE ? NO_COMMAS : TITLE;
    expect(read(`1. ${description}\n2. Yes.`, instruction, other)[0]).toBe(expected);
  });
});

describe('where a negation ends', () => {
  it.each(['although', 'though', 'because', 'since', 'while', 'whereas', 'yet', 'so', 'however'])(
    'does not carry "no thimble" past "%s" to a forbidden word said present',
    (word) => {
      expect(read(`1. There is no thimble ${word} velvet appears twice.\n2. Yes.`, NO_THIMBLE_VELVET, TITLE)[0]).not.toBe('yes');
    },
  );
});

describe('the key names models give a JSON answer', () => {
  const items = (valueKey: string, numberKey = 'number'): string =>
    `[{"${numberKey}": 2, "${valueKey}": "no"}, {"${numberKey}": 1, "${valueKey}": "yes"}]`;

  it('reads an item answer under every key models use for it, in English and the languages they switch to', () => {
    const keys = [
      'satisfied', 'is_satisfied', 'isSatisfied', 'followed', 'met', 'complied', 'compliant', 'compliance', 'status', 'result',
      'answer', 'pass', 'passed', 'ok', 'verdict', 'value', 'fulfilled', 'satisfies', 'follows', 'adhered', 'correct', 'success',
      'satisfait', 'respectée', 'cumplido', 'cumplida', 'satisfecho', 'erfüllt', 'erfuellt', 'eingehalten', 'cumprido', 'atendido',
      'soddisfatto', 'rispettato', '満たしている', '满足',
    ];
    expect(keys.filter((key) => read(`{"instructions": ${items(key)}}`, NO_COMMAS, TITLE).join() !== 'yes (structured),no (structured),no (structured)')).toEqual([]);
  });

  it('numbers items under every key models use for the number, so answers out of order land on their item', () => {
    const keys = ['number', 'num', 'no', 'n', 'id', 'index', 'idx', '#', 'item', 'instruction_number', 'instructionNumber', 'instruction_id', 'instruction_index', 'número', 'numero', 'nummer', '番号', '编号'];
    expect(keys.filter((key) => read(`{"instructions": ${items('satisfied', key)}}`, NO_COMMAS, TITLE).join() !== 'yes (structured),no (structured),no (structured)')).toEqual([]);
  });

  it('matches items by their text under every key models use for it', () => {
    const keys = ['instruction', 'description', 'requirement', 'text', 'name', 'constraint', 'rule', 'criterion', 'instrucción', 'instruccion', 'consigne', 'anweisung', 'instrução', 'instrucao', 'istruzione'];
    const report = (key: string): string => `[{"${key}": "${TITLE.replace(/"/g, '\\"')}", "satisfied": "no"}, {"${key}": "${NO_COMMAS}", "satisfied": "yes"}]`;
    expect(keys.filter((key) => read(report(key), NO_COMMAS, TITLE).join() !== 'yes (structured),no (structured),no (structured)')).toEqual([]);
  });

  it('finds the items inside every wrapper key models put them under', () => {
    const keys = ['instruction', 'instructions', 'result', 'results', 'item', 'items', 'check', 'checks', 'evaluation', 'assessment', 'answers', 'report', 'requirement', 'requirements', 'constraint', 'constraints', 'details', 'breakdown', 'data', 'response'];
    expect(keys.filter((key) => read(`{"${key}": ${items('satisfied')}}`, NO_COMMAS, TITLE).join() !== 'yes (structured),no (structured),no (structured)')).toEqual([]);
  });

  it('reads the answer for all items under every key models use for it: its yes is a yes for each item', () => {
    const keys = [
      'all', 'overall', 'every', 'everything', 'all_satisfied', 'allSatisfied', 'all_instructions_satisfied', 'all_instructions_followed', 'all_followed',
      'all_met', 'all_complied', 'all_passed', 'all_ok', 'overall_satisfied', 'overall_result', 'overall_status', 'overall_verdict', 'overall_compliance',
      'satisfied_all', 'todas', 'todas_cumplidas', 'todas_satisfechas', 'toutes', 'toutes_satisfaites', 'toutes_respectées', 'alle', 'alle_erfüllt',
      'tutte', 'tutte_soddisfatte', 'tutte_rispettate', 'todos', 'todos_cumpridos', 'todos_atendidos', 'global', 'gesamt', 'insgesamt', '总体', '全体', 'すべて',
    ];
    expect(keys.filter((key) => read(`{"${key}": "yes"}`, NO_COMMAS, TITLE).join() !== 'yes (structured),yes (structured),yes (structured)')).toEqual([]);
  });
});
