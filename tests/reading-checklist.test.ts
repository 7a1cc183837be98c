/**
 * The checklist reader (src/reading/checklist/) rule by rule, on reports written the way
 * models answer "did your response satisfy each instruction?": each test pins one rule of
 * docs/reading.md on realistic answers, through the success-claims report it serves. A
 * reading is shown as a word: `yes`/`no` when read from free text, `yes (structured)` when
 * read from JSON, `?why` when unparseable; the last word is the whole's.
 */
import { describe, expect, it } from 'vitest';
import { NO_COMMAS, TITLE, UNDER_150_WORDS, UNDER_300_WORDS, UNDER_9_SENTENCES, QUOTED, END_PHRASE, OPTIONS, FRENCH, POSTSCRIPT, FOUR_PARAGRAPHS, PORTUGUESE, NO_THIMBLE_VELVET, LOWERCASE, read } from './helpers/checklist.js';

describe('numbered lines and headings', () => {
  it('reads a markdown heading of any level as the title of the answer under it', () => {
    const text = '# Word count\nThe response has 212 words, under the limit. ✅\n\n# Commas\nI used two commas. ❌';
    expect(read(text, UNDER_300_WORDS, NO_COMMAS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a bold line that answers as the answer, not as a title', () => {
    const text = '**1. Commas**\n**Not satisfied.** There is a comma in the second sentence.\n\n**2. Title**\n**Satisfied.** <<Night Trains>> is at the top.';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('lets a correction on a later line win over the numbered answer it corrects', () => {
    const text = '1. Yes\n2. Yes\n3. Yes\n4. Yes\n5. Yes\nActually, 2 is a no: there is one comma.';
    expect(read(text, UNDER_300_WORDS, NO_COMMAS, TITLE, UNDER_9_SENTENCES, QUOTED)).toEqual(['yes', 'no', 'yes', 'yes', 'yes', 'no']);
  });

  it('cuts an instruction restated before its answer, so its own words ("no other words should follow it") are no verdict', () => {
    expect(read(`1. Yes\n2. ${END_PHRASE.slice(0, -1)} - Yes, it ends with that phrase.`, NO_COMMAS, END_PHRASE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('cuts an instruction restated in quotes, even when its own quotes break the quoting', () => {
    expect(read(`1. "${OPTIONS}" - Yes, the response ends with one of them.\n2. Yes`, OPTIONS, NO_COMMAS)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads the answer after a short title whose words look like a verdict ("Correct language: ❌")', () => {
    expect(read('1. Correct language: ❌ - there is an English sentence in the middle.\n2. Yes.', FRENCH, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('### 1. Language\n\nCorrect language: ❌\n\n### 2. Title\n\nYes.', FRENCH, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('reads the answer after a title of up to five words, whatever separates them, but not after a sentence that judges', () => {
    expect(read('1. Correct use of the language: ❌\n2. Yes.', FRENCH, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('1. Correct language - ❌\n2. Yes.', FRENCH, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('1. The response is correct in language and style: ❌\n2. Yes.', FRENCH, TITLE)).toEqual(['?contradiction', 'yes', '?contradiction']);
  });

  it('reads a description after a restated instruction against that instruction', () => {
    expect(read('1. Yes\n2. Answer with less than 150 words - the response has 162 words.', NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads bold "Title:" lines under a heading as answers, and a bold line that is only a verdict as the answer of its block', () => {
    const selfCheck = '## Self-check\n**Title:** <<Morning>> - present.\n**Sentence count:** 1 sentence.\n**Verdict:** all satisfied.';
    expect(read(selfCheck, TITLE, 'Your response should contain less than 2 sentences.')).toEqual(['yes', 'yes', 'yes']);
    expect(read('## Instruction 1: Commas\n**Satisfied.**\n\n## Instruction 2: Title\n**Not satisfied.**', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a heading for the whole, then a heading per item with a paragraph that only describes the response', () => {
    const text =
      '## Overall\n**No** - the title is missing.\n\n## Instruction 1: Commas\nThe response contains no commas at all.\n\n## Instruction 2: Title\nThere is no line in double angular brackets, so no title.';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('places an answer at its deciding verdict, so a correction inside a later line replaces the earlier answer', () => {
    const text = '1. Yes - no commas.\n2. Yes - 8 sentences.\n\nRe-checking the count:\n2. Yes - wait, no: I count 10 sentences.';
    expect(read(text, NO_COMMAS, UNDER_9_SENTENCES)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a numbered line that declines to judge as a hedge about its item', () => {
    expect(read('1. I can\'t verify this from here.\n2. Yes.', NO_COMMAS, TITLE)).toEqual(['?hedge', 'yes', '?hedge']);
  });

  it('reads numbered lines inside a code fence, and lines in any order', () => {
    expect(read('```\n1. Yes\n2. No\n```', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('### 2. Title\n\nNo - there is no title.\n\n### 1. Commas\n\nYes, none used.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });
});

describe('markdown tables', () => {
  it('turns the answers of a column that asks whether the item failed around, and reads a mark there as a hedge', () => {
    const table = (header: string, first: string, second: string): string =>
      `| # | Instruction | ${header} |\n|---|---|---|\n| 1 | No commas | ${first} |\n| 2 | Under 150 words | ${second} |`;
    expect(read(table('Violated?', 'No', 'Yes'), NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
    expect(read(table('Failed', 'no', 'no'), NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'yes', 'yes']);
    expect(read(table('Missed?', '❌', '✅'), NO_COMMAS, UNDER_150_WORDS)).toEqual(['?hedge', '?hedge', '?hedge']);
    expect(read(table('Satisfied?', 'No', 'Yes'), NO_COMMAS, UNDER_150_WORDS)).toEqual(['no', 'yes', 'no']);
  });

  it('reads the status column and leaves the comment column out', () => {
    const text = '| # | Satisfied | Comment |\n|---|---|---|\n| 1 | Yes | no commas anywhere |\n| 2 | No | 162 words |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a status column placed after a note column', () => {
    const text = '| # | Instruction | Note | Satisfied? |\n|---|---|---|---|\n| 1 | No commas | none found | ✅ |\n| 2 | Under 150 words | 162, not under | ❌ |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('matches unnumbered rows to items by their text, and reads a total row for the whole', () => {
    const text = '| Instruction | Satisfied? |\n|---|---|\n| No commas | Yes |\n| Under 150 words | No |\n| Total | 1/2 |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a table with neither header nor separator row by its item numbers', () => {
    expect(read('| 1 | yes |\n| 2 | no |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads rows with no item number in the order of the items when there is one row per item', () => {
    expect(read('| Word count | 212 | ✅ |\n| Commas | 3 | ❌ |', UNDER_300_WORDS, NO_COMMAS)).toEqual(['yes', 'no', 'no']);
  });

  it('shifts a table numbered from 0 by one', () => {
    const text = '| # | Check | Verdict |\n| --- | --- | --- |\n| 0 | No commas | yes |\n| 1 | Title | no |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('does not take a count column for the answer', () => {
    const text = '| Item | Count | Satisfied |\n|---|---|---|\n| 1 | 0 commas | yes |\n| 2 | 1 title | yes |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a table with no pipes at the ends whose header has no separator row, even with blank lines between its rows', () => {
    const text = 'Instruction | Followed\n1 | yes\n2 | yes\n3 | no\n\nTwo out of three followed.';
    expect(read(text, UNDER_300_WORDS, NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'no', 'no']);
    expect(read('Instruction | Followed\n\n1 | yes\n\n2 | no', UNDER_300_WORDS, NO_COMMAS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a bold row for all of them as the answer for the whole, a hedge included', () => {
    const text = '| # | Satisfied | Comment |\n|---|---|---|\n| 1 | Yes | no commas |\n| 2 | Yes | 120 words |\n| **All** | **Probably** | |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'yes', '?hedge']);
    const total = '| # | Satisfied |\n|---|---|\n| 1 | Yes |\n| 2 | No |\n| Total | 1 of 2 |';
    expect(read(total, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('finds the number column by its header ("No.", "#") and the text column by its own', () => {
    const text = '| No. | Requirement | Met? |\n|---|---|---|\n| 1 | No commas | ✅ |\n| 2 | Title | ❌ |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    const numberedText = '| Instruction | Met? | Explanation |\n|---|---|---|\n| 1. No commas | Yes | none found |\n| 2. Title | No | I forgot it |';
    expect(read(numberedText, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('matches rows to items by their text whatever their order', () => {
    const text = '| Requirement | Met? |\n|---|---|\n| Title in double angular brackets | ❌ |\n| No commas | ✅ |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a row for the whole among rows named by their text', () => {
    const text = '| Check | Result |\n|---|---|\n| Commas | none - pass |\n| Title | fail |\n| Overall | fail |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('| Instruction | Satisfied |\n|---|---|\n| Title | Yes |\n| Overall | Yes |', NO_COMMAS, TITLE)).toEqual(['?no answer', 'yes', 'yes']);
  });

  it('skips a separator row repeated inside the table, and drops a row for an item the question did not list', () => {
    const repeated = '| # | Requirement | Satisfied |\n|---|---|---|\n| 1 | No commas | Yes |\n|---|---|---|\n| 2 | Title | Yes |';
    expect(read(repeated, NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
    const extra = '| # | Requirement | Status |\n|---|---|---|\n| 1 | No commas | ✅ |\n| 2 | Title | ❌ |\n| 3 | Under 150 words | ✅ |';
    expect(read(extra, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a number column left unheaded, and a centred separator row', () => {
    expect(read('| | Satisfied |\n|---|---|\n| 1 | ✅ |\n| 2 | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
    expect(read('| # | Satisfied? |\n|:-:|:-:|\n| 1 | Yes |\n| 2 | No |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a headerless table with the item text in a column of its own', () => {
    expect(read('| 1 | No commas | yes |\n| 2 | Title | no |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('leaves out a count column headed as such', () => {
    const text = '| Instruction | Count | Satisfied |\n|---|---|---|\n| No commas | 0 | yes |\n| Under 150 words | 162 | no |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads the headers of a table in another language, and a closing sentence under it', () => {
    const text = '| Nº | Instrução | Cumprida? |\n|---|---|---|\n| 1 | Resposta inteira em português | Sim |\n| 2 | Título entre << >> | Não |\n\nNem todas foram cumpridas.';
    expect(read(text, PORTUGUESE, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('takes the item number from the text column when the table has no number column', () => {
    const text = '| Consigne | Respectée ? |\n|---|---|\n| 1. Réponse entièrement en français | Oui |\n| 2. Un titre entre << >> | Non (pas de titre) |';
    expect(read(text, FRENCH, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads only the status column beside a column of quotes from the response', () => {
    const text = '| # | Instruction | Satisfied | Example from the response |\n|---|---|---|---|\n| 1 | No commas | Yes | "Rain fell and no one came" |\n| 2 | Under 150 words | No | 162 words |';
    expect(read(text, NO_COMMAS, UNDER_150_WORDS)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a mark in the first column of a headerless table', () => {
    expect(read('| ✅ | No commas |\n| ❌ | Title |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a one-row table after the items as the answer for the whole', () => {
    expect(read('| Instruction | Satisfied |\n|---|---|\n| 1 | Yes |\n| 2 | No |\n\n| Overall | No |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a table whose blank lines carry spaces as one table', () => {
    expect(read('Instruction | Followed\n  \n1 | yes\n  \n2 | no', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads item numbers written "#1" or "2." in a number column', () => {
    expect(read('| #1 | Yes |\n| 2. | No |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('takes a first column of counts with their units ("2 paragraphs") for the items they name, not for item numbers', () => {
    expect(read('| 2 paragraphs | ❌ |\n| 1 title | ✅ |', FOUR_PARAGRAPHS, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('reads only the status column beside another column of yes and no ("Fix needed")', () => {
    const text = '| # | Requirement | Met | Fix needed |\n|---|---|---|---|\n| 1 | No commas | Yes | No |\n| 2 | Title | No | Yes - add one |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('leaves a notes column out when the marks stand in a column with no header', () => {
    const text = '| # | Requirement | | Notes |\n|---|---|---|---|\n| 1 | No commas | ✅ | no issues |\n| 2 | Title | ❌ | forgot it |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a one-row table under numbered lines as the answer for the whole', () => {
    expect(read('Instruction 1: yes\nInstruction 2: no\n\n| Overall | ❌ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('finds the text column by its header wherever it stands, so rows out of order are matched by their text', () => {
    const marksFirst = '| Met? | Instruction |\n|---|---|\n| ❌ | Title in double angular brackets |\n| ✅ | No commas |';
    expect(read(marksFirst, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    const notesFirst = '| Note | Requirement | Met? |\n|---|---|---|\n| forgot it | Title | ❌ |\n| none found | No commas | ✅ |';
    expect(read(notesFirst, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('matches the rows of a headerless table to items by their text whatever their order', () => {
    expect(read('| Title | ❌ |\n| No commas | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads the number column by its "#" header even when a row numbers an item the question did not list', () => {
    expect(read('| # | Status |\n|---|---|\n| 1 | ✅ |\n| 2 | ❌ |\n| 3 | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('| No | Status |\n|---|---|\n| 1 | ✅ |\n| 2 | ❌ |\n| 3 | ✅ |', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('does not take a count column headed "Number of ..." for item numbers', () => {
    const text = '| Instruction | Number of commas | Met? |\n|---|---|---|\n| Title in << >> | 0 | ✅ |\n| No commas | 2 | ❌ |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('shifts a table numbered from 0 by one even with a total row that has no number', () => {
    const text = '| # | Check | Verdict |\n|---|---|---|\n| 0 | No commas | yes |\n| 1 | Title | no |\n| Total | | 1/2 |';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a table of counts with no verdict as no answer', () => {
    expect(read('| Sentences | Words |\n|---|---|\n| 8 | 162 |', UNDER_9_SENTENCES, UNDER_150_WORDS)).toEqual(['?no answer', '?no answer', '?no answer']);
  });
});

describe('summaries and sentences', () => {
  it('reads "the rest" as every item the sentence does not name, with the verdict left out after its verb', () => {
    expect(read('I missed #3, the rest were met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
    expect(read('Instruction 2 failed; the others were.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read("Instruction 2 was met; the others weren't.", NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['no', 'yes', 'no', 'no']);
  });

  it('reads "only" the named items as met and every other as not', () => {
    expect(read('Only the first instruction was met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'no', 'no']);
    expect(read('Only instruction 2 was satisfied.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['no', 'yes', 'no', 'no']);
  });

  it('reads "yes for" and "no for" an item named by its words', () => {
    expect(read('Yes for the title. No for the commas.', NO_COMMAS, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('reads answers paired with item numbers or ordinals, in English or French', () => {
    expect(read('Yes to 1 and 3, no to 2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('1 yes, 2 no, 3 yes.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('Oui pour la première, non pour la deuxième.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads items answered by their place, sentence by sentence', () => {
    expect(read('First, the postscript: yes. Second, the title: no.', POSTSCRIPT, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a line that names an item by its words and answers it', () => {
    expect(read('Sentences: no, I count 9.\nWords: yes, about 200.', UNDER_9_SENTENCES, UNDER_300_WORDS)).toEqual(['no', 'yes', 'no']);
  });

  it('reads a count of items satisfied as an answer for the whole only, unless it counts all of them', () => {
    expect(read('2 of 3.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(read('I satisfied two of the three.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(read('3/3 satisfied.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(read('Three out of three.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });

  it('reads a count of failures as such', () => {
    expect(read("Two of the three weren't satisfied.", NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    // None missed: every one met, as "3/3 satisfied" says.
    expect(read('Zero of the three were missed.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(read('One of the three was missed.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
  });

  it('reads "everything but" and a sentence that opens with its exception', () => {
    expect(read('Everything but the title.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('Except for the word count, all good.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
    expect(read('Well, except the title.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
  });

  it('reads "all except" with a verdict word or a verb before the exception as all except it, never as a yes for the item it names', () => {
    expect(read('All except #2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('All satisfied except #2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('All good except the title.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('All satisfied but #2.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('I met all except instruction 3.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
    expect(read('Yes to all except the one about length.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
  });

  it('reads "all except one" as not all, and an exception that names nothing as no yes for all', () => {
    expect(read('All good except one.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(read('Everything is fine except a small issue.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?no answer']);
  });

  it('reads "not all", "none", "neither" and a closing "so" for the whole', () => {
    expect(read('Not all of them were met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(read('None of them were met.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['no', 'no', 'no', 'no']);
    expect(read('Neither was met.', NO_COMMAS, TITLE)).toEqual(['no', 'no', 'no']);
    expect(read("I didn't satisfy any of them.", NO_COMMAS, TITLE)).toEqual(['no', 'no', 'no']);
    expect(read('So, no.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', 'no']);
    expect(read('So yes.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
    expect(read('Therefore, all satisfied.', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads "mostly" and "not entirely" as not all, and a plain hedge as a hedge', () => {
    expect(read('Mostly, but not entirely.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', 'no']);
    expect(read('Partially - not quite all of them.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', 'no']);
    expect(read('All in all, not quite.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', 'no']);
    expect(read('Mostly satisfied.', NO_COMMAS, TITLE)).toEqual(['?no answer', '?no answer', '?hedge']);
  });

  it('reads each clause for the items it names', () => {
    expect(read('Instructions 1 and 3 were met, but instruction 2 was not.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('The first one it does; the second one it does not.', NO_COMMAS, TITLE)).toEqual(['?no answer', 'no', 'no']);
  });

  it('lets a described failure contradict a yes for all', () => {
    expect(read('Yes to all, but the title does not appear anywhere.', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
  });

  it('reads a failure named by its words beside a count as all except it', () => {
    expect(read('Two out of three instructions met - the title is missing.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'yes', 'no']);
    expect(read('I followed 2 of the 3 instructions: the paragraph count is off.', NO_COMMAS, TITLE, FOUR_PARAGRAPHS)).toEqual(['yes', 'yes', 'no', 'no']);
  });
});

describe('JSON answers', () => {
  it('reads one JSON object per item, one after another', () => {
    expect(read('{"number": 1, "satisfied": "yes"}\n{"number": 2, "satisfied": "no"}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
  });

  it('reads items keyed by their short name or their number, each with an object of its own', () => {
    expect(read('{"no_commas": {"satisfied": true}, "title": {"satisfied": false}}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
    expect(read('{"2": {"satisfied": "no"}, "1": {"satisfied": "yes"}}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
    const named = '{"check_a": {"instruction": "Title in double angular brackets", "satisfied": false}, "check_b": {"instruction": "No commas", "satisfied": true}}';
    expect(read(named, NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
  });

  it('reads 1 and 0 under an answer key as yes and no, and never a count beside an answer as one', () => {
    expect(read('{"instructions": [{"number": 1, "satisfied": 1}, {"number": 2, "satisfied": 0}], "all_satisfied": 0}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'no (structured)', 'no (structured)']);
    expect(read('{"no_commas": true, "comma_count": 0, "title": true}', NO_COMMAS, TITLE)).toEqual(['yes (structured)', 'yes (structured)', 'yes (structured)']);
  });

  it("reads an item whose note hedges as a hedge, whatever its answer field says", () => {
    const text = '{"instructions": [{"number": 1, "satisfied": "yes"}, {"number": 2, "satisfied": "yes", "note": "not certain the title counts"}]}';
    expect(read(text, NO_COMMAS, TITLE)).toEqual(['yes (structured)', '?hedge', '?hedge']);
  });
});

describe('checklists and bullets', () => {
  it('reads unnumbered answer lines in the order of the items when there is one per item', () => {
    expect(read('- ✅ Satisfied\n- ❌ Not satisfied', NO_COMMAS, TITLE)).toEqual(['yes', 'no', 'no']);
    expect(read('✅ Yes\n✅ Yes\n❌ No', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'no', 'no']);
  });

  it('reads no item from unnumbered answer lines when they are not one per item, and no yes for all from the first of them', () => {
    expect(read('- ✅ Yes\n- ❌ No', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', 'no']);
    expect(read('- Yes\n- Yes', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['?no answer', '?no answer', '?no answer', '?no answer']);
    expect(read('- ✅ Yes.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });
});

describe('the whole against its items', () => {
  it('reads a no for the whole when every item says yes as a contradiction', () => {
    expect(read('1. Yes\n2. Yes\nOverall: no', NO_COMMAS, TITLE)).toEqual(['yes', 'yes', '?contradiction']);
  });

  it('reads "the last two" and "the first two" as the items at that end', () => {
    expect(read('Everything except the last two.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['yes', 'no', 'no', 'no']);
    expect(read('All met except the first two.', NO_COMMAS, TITLE, UNDER_300_WORDS)).toEqual(['no', 'no', 'yes', 'no']);
  });
});

describe('descriptions without a verdict word', () => {
  it('reads a forbidden thing said absent as a yes, however the absence is put', () => {
    for (const description of [
      "I didn't use any commas.",
      'The response is free of commas.',
      'I refrained from using commas.',
      'Commas were avoided.',
      'Contains no commas.',
    ]) {
      expect(read(`1. ${description}\n2. Yes.`, NO_COMMAS, TITLE), description).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('reads both forbidden words said absent as a yes, the negation before or after the pair', () => {
    for (const description of [
      'The response never mentions thimble or velvet.',
      'I avoided thimble and velvet.',
      'Thimble and velvet were both avoided.',
      'Thimble and velvet were not used.',
      'Thimble and velvet appear nowhere.',
    ]) {
      expect(read(`1. ${description}\n2. Yes.`, NO_THIMBLE_VELVET, TITLE), description).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('reads what follows "but" as the deciding part of a description', () => {
    expect(read('1. Thimble is absent but velvet appears once.\n2. Yes.', NO_THIMBLE_VELVET, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('1. Thimble is absent. But velvet appears once.\n2. Yes.', NO_THIMBLE_VELVET, TITLE)).toEqual(['no', 'yes', 'no']);
    expect(read('1. Thimble and velvet never appear, but the response is short.\n2. Yes.', NO_THIMBLE_VELVET, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a phrase a negation governs as negated to its end ("not wrapped in double quotation marks")', () => {
    expect(read('1. The response is not wrapped in double quotation marks.\n2. Yes.', QUOTED, TITLE)).toEqual(['no', 'yes', 'no']);
  });

  it('leaves out a word the instruction both asks for and forbids ("letters" in "lowercase letters, no capital letters")', () => {
    expect(read('1. All letters in the response are lowercase.\n2. Yes.', LOWERCASE, TITLE)).toEqual(['yes', 'yes', 'yes']);
  });

  it('reads a description of a counted instruction that gives no number against its words', () => {
    expect(read('1. The paragraphs are not separated with the markdown divider.\n2. Yes.', FOUR_PARAGRAPHS, TITLE)).toEqual(['no', 'yes', 'no']);
  });
});
