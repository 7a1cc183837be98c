/**
 * The text helpers every reader stands on (src/reading/text.ts, src/reading/json.ts): the
 * one normal form of what models write, markdown and quotations set apart, the words that
 * tell one instruction from another, numbers written out, and JSON as models write it.
 * Each test pins a rule a reading depends on, with the kind of text models produce.
 */
import { describe, expect, it } from 'vitest';
import { readChecklist } from '../src/reading/checklist/index.js';
import { jsonValues, parseLenientJson } from '../src/reading/json.js';
import { contentWords, normaliseText, numberValue, stripMarkdown, withoutQuoted, wordsOf } from '../src/reading/text.js';
import { readYesNo } from '../src/reading/yes-no.js';

const ITEMS = ['Use no commas.', 'Write at least 12 sentences.', 'Include a title in << >>.'].map((description) => ({ description, aliases: [] }));

/** A yes/no reading as a short word: yes, no, or `?why`. */
const yesNo = (text: string): string => {
  const reading = readYesNo(text);
  return reading.kind === 'read' ? (reading.value ? 'yes' : 'no') : `?${reading.why}`;
};

/** Whether two phrases share a content word: how a statement is matched to an instruction. */
const overlap = (a: string, b: string): boolean => [...contentWords(a)].some((word) => contentWords(b).has(word));

describe('the normal form', () => {
  it('ends every line with \\n, whatever line ends the model used', () => {
    expect(normaliseText('1. Yes\r\n2. No\r3. Yes')).toBe('1. Yes\n2. No\n3. Yes');
  });

  it('reads through zero-width characters and non-breaking spaces', () => {
    expect(yesNo('Satis\u200bfied.')).toBe('yes');
    expect(yesNo('Not\u00a0satisfied.')).toBe('no');
  });

  it('reads curly apostrophes and quotes as straight ones', () => {
    expect(yesNo('I didn\u2019t follow the instruction.')).toBe('no');
    // The quoted word is content only once the curly quotes are known as quotes.
    expect(yesNo('The word \u201cyes\u201d appears twice. Not satisfied.')).toBe('no');
  });

  it('drops every zero-width character and makes every non-breaking or narrow space a plain space', () => {
    // Zero-width space, non-joiner, joiner, byte-order mark, word joiner: copied text carries them inside words.
    expect(normaliseText('Sat\u200bis\u200cfi\u200ded\ufeff.\u2060')).toBe('Satisfied.');
    expect(normaliseText('1.\u00a0Yes 2.\u2007Yes 3.\u202fYes')).toBe('1. Yes 2. Yes 3. Yes');
  });

  it('makes every curly, low, prime and guillemet quote a straight one', () => {
    expect(normaliseText('\u2018no\u2019 \u201ano\u2032 \u201cno\u201d \u201eno\u2033 \u00abno\u00bb')).toBe('\'no\' \'no\' "no" "no" "no"');
    // A word in guillemets or low-high quotes is quoted content, not the answer.
    expect(yesNo('The response says \u00abno\u00bb twice. Satisfied.')).toBe('yes');
    expect(yesNo('Das Wort \u201eno\u201c kommt vor. Erfüllt.')).toBe('yes');
  });

  it('makes every hyphen, dash and minus sign a plain hyphen', () => {
    expect(normaliseText('a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('maps full-width punctuation and emoji presentation selectors to the plain forms', () => {
    expect(normaliseText('第1条：✔\ufe0f 满足，没有逗号')).toBe('第1条:✔ 满足,没有逗号');
  });
});

describe('markdown', () => {
  it('drops emphasis around words and after labels, keeping the words and punctuation', () => {
    expect(stripMarkdown('**Met:** *yes* (12 sentences), _all_ good')).toBe('Met: yes (12 sentences), all good');
    expect(stripMarkdown('*_Satisfied_*')).toBe('Satisfied');
  });

  it('drops emphasis next to every bracket and punctuation mark models put around an answer', () => {
    const lines = ['(*yes*)', 'Met:*yes*', '[*yes*]', '*yes*.', '*yes*,', '*yes*:', '*yes*;', '*yes*!', '*yes*?', '_yes_', '__yes__'];
    expect(lines.map(stripMarkdown)).toEqual(['(yes)', 'Met:yes', '[yes]', 'yes.', 'yes,', 'yes:', 'yes;', 'yes!', 'yes?', 'yes', 'yes']);
  });

  it('drops struck-through text: the model withdrew it', () => {
    expect(['~~No~~ Yes', 'Satisfied: ~~no~~ yes', 'Met? ~~Yes~~ No - only 9 sentences.', '~~Yes~~'].map(yesNo)).toEqual(['yes', 'yes', 'no', '?no answer']);
    const reading = readChecklist('1. ~~No~~ Yes\n2. ~~Yes~~ No, only 9 sentences\n3. Yes', ITEMS);
    expect([...reading.items, reading.overall].map((r) => (r.kind === 'read' ? r.value : r.why))).toEqual([true, false, true, false]);
  });

  it('keeps a bullet star, a multiplication and a hash that starts no heading', () => {
    expect(['* Yes', '2 * 3 = 6 sentences', '#1 Yes', '####### 3. Title'].map(stripMarkdown)).toEqual(['* Yes', '2 * 3 = 6 sentences', '#1 Yes', '####### 3. Title']);
    expect(stripMarkdown('###### 3. Title')).toBe('3. Title');
  });

  it('keeps the underscores of an identifier', () => {
    expect(stripMarkdown('**all_satisfied**: *yes*')).toBe('all_satisfied: yes');
  });

  it('takes a line without its indentation, so an indented numbered list is read', () => {
    const reading = readChecklist('Checked each one:\n   1. Yes\n   2. No\n   3. Yes', ITEMS);
    expect([...reading.items, reading.overall].map((r) => (r.kind === 'read' ? r.value : r.why))).toEqual([true, false, true, false]);
  });

  it('drops quote markers and heading hashes only at the start of a line', () => {
    expect(stripMarkdown('> > **Yes**')).toBe('Yes');
    expect(stripMarkdown('  >> Yes')).toBe('Yes');
    expect(stripMarkdown('  ## 2. Sentence count')).toBe('2. Sentence count');
    expect(stripMarkdown('14 > 12 sentences: met')).toBe('14 > 12 sentences: met');
    expect(stripMarkdown('Written in C# and Python - satisfied')).toBe('Written in C# and Python - satisfied');
  });
});

describe('quoted material', () => {
  it('blanks quoted spans, keeping the quotes and the length, so positions still match the text', () => {
    expect(withoutQuoted('It says "no" once and `maybe` twice.')).toBe('It says "  " once and `     ` twice.');
  });

  it('blanks a single-quoted word after an opening bracket, colon or comma and before a closing bracket or punctuation', () => {
    const texts = ["(the word 'no')", "['no']", "{'no'}", "said:'no'", "a,'no'", "'no',", "'no'.", "'no';", "'no':", "'no'!", "'no'?"];
    expect(texts.map(withoutQuoted)).toEqual(["(the word '  ')", "['  ']", "{'  '}", "said:'  '", "a,'  '", "'  ',", "'  '.", "'  ';", "'  ':", "'  '!", "'  '?"]);
    // An apostrophe that opens nothing is left: the words after it are still read.
    expect(withoutQuoted("don't say 'no")).toBe("don't say 'no");
  });

  it('blanks single-quoted words at word edges, at the start and the end, but not apostrophes', () => {
    expect(withoutQuoted("I didn't use 'maybe', so: 'yes'")).toBe("I didn't use '     ', so: '   '");
    expect(withoutQuoted("'No' appears once.")).toBe("'  ' appears once.");
  });
});

describe('words', () => {
  it('keeps contractions and possessives whole', () => {
    expect(wordsOf("You're right, I didn't")).toEqual(["you're", 'right', 'i', "didn't"]);
  });

  it('finds no words in marks and dashes', () => {
    expect(wordsOf('✅ — ✅')).toEqual([]);
  });

  it('matches inflected and possessive forms of an instruction word', () => {
    const pairs = [
      ['no commas', 'a comma'],
      ['wrapped in quotes', 'wrap'],
      ['every name quoted', 'a quote'],
      ['repeating the request', 'repeat'],
      ['two summaries', 'a summary'],
      ['both addresses', 'the address'],
      ["the title's wording", 'a title'],
    ];
    expect(pairs.filter(([a, b]) => !overlap(a!, b!))).toEqual([]);
  });

  it('keeps distinct words apart', () => {
    expect(overlap('starts with the word "Yes"', 'wrapped in stars')).toBe(false);
  });

  it('matches a key written with underscores, hyphens or a colon to the words it joins', () => {
    expect([...contentWords('no_commas')]).toEqual([...contentWords('no commas')]);
    expect([...contentWords('sentence-count:min')]).toEqual([...contentWords('sentence count min')]);
  });

  it('does not take verdict words or the words every instruction uses for content', () => {
    expect(contentWords('Yes, the instruction was followed and the constraint is satisfied: it is met.').size).toBe(0);
  });

  it('takes a bare number for no content word, but keeps words written with digits', () => {
    expect(overlap('at least 3 paragraphs', 'at least 4 paragraphs')).toBe(true);
    expect(contentWords('at least 3').size).toBe(0);
    expect(overlap('H2 headings', 'H3')).toBe(false);
    expect(overlap('the 2nd', 'the 3rd')).toBe(false);
    expect(contentWords('H2').size).toBe(1);
    expect(contentWords('2nd').size).toBe(1);
  });
});

describe('numbers written out', () => {
  it('reads digits and number words up to ninety-nine', () => {
    const tokens = ['12', 'Twelve', 'none', 'twenty-one', 'Ninety nine'];
    expect(tokens.map(numberValue)).toEqual([12, 12, 0, 21, 99]);
  });

  it('reads no value from two number words that are not a tens word and one to nine', () => {
    // "rules one two and three", "in twenty ten" (a year), "ten five"
    expect(['one two', 'twenty ten', 'ten five', 'twenty zero'].map(numberValue)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('does not read "none of the three" as a count of zero', () => {
    const reading = readChecklist('None of the three instructions were missed.', ITEMS);
    expect([...reading.items, reading.overall].map((r) => (r.kind === 'read' ? r.value : r.why))).toEqual([true, true, true, true]);
  });
});

describe('JSON as models write it', () => {
  it('repairs unquoted keys, with or without spaces around the colon, and Python None', () => {
    expect(parseLenientJson('{number: 2, all_satisfied: None}')).toEqual({ number: 2, all_satisfied: null });
    expect(parseLenientJson('{ number : 2, satisfied : true }')).toEqual({ number: 2, satisfied: true });
  });

  it('quotes unquoted keys that start with a capital or an underscore, or hold a hyphen', () => {
    expect(parseLenientJson('{Number: 1, Satisfied: True}')).toEqual({ Number: 1, Satisfied: true });
    expect(parseLenientJson("{_note: 'x', satisfied: False}")).toEqual({ _note: 'x', satisfied: false });
    expect(parseLenientJson('{all-satisfied: true, word_count: 140}')).toEqual({ 'all-satisfied': true, word_count: 140 });
  });

  it('changes Python literals only as whole words, never a key or a word that contains one', () => {
    expect(parseLenientJson("{isTrue: True, NoneLeft: False, Falsely: None}")).toEqual({ isTrue: true, NoneLeft: false, Falsely: null });
  });

  it('drops trailing commas in arrays and after the last object of a list', () => {
    expect(parseLenientJson("{'items': [1, 2,],}")).toEqual({ items: [1, 2] });
    expect(parseLenientJson("[{'number': 1}, {'number': 2},]")).toEqual([{ number: 1 }, { number: 2 }]);
  });

  it('drops a trailing comma before a closing bracket on its own line', () => {
    expect(parseLenientJson('{\n  "number": 1,\n  "satisfied": true,\n}')).toEqual({ number: 1, satisfied: true });
  });

  it('removes // and # line comments, and block comments', () => {
    const source = '{\n  "number": 1, // the comma rule\n  # checked twice\n  "satisfied": true /* no commas */\n}';
    expect(parseLenientJson(source)).toEqual({ number: 1, satisfied: true });
    expect(parseLenientJson("{'satisfied': True} # checked")).toEqual({ satisfied: true });
  });

  it('removes a # comment where a key or a value could start, and keeps # inside a value', () => {
    expect(parseLenientJson("{'satisfied': True,# checked\n'number': 1}")).toEqual({ satisfied: true, number: 1 });
    expect(parseLenientJson("{# first\n'satisfied': True}")).toEqual({ satisfied: true });
    expect(parseLenientJson('[# the items\n1]')).toEqual([1]);
    expect(parseLenientJson("{'why': 'C# code and the #1 rule', 'satisfied': True} # done")).toEqual({ why: 'C# code and the #1 rule', satisfied: true });
  });

  it('removes a block comment inside a value, and gives up on one left open', () => {
    expect(parseLenientJson("{'satisfied': /* not sure */ True}")).toEqual({ satisfied: true });
    expect(parseLenientJson("{'satisfied': True /* unclosed")).toBeUndefined();
  });

  it('keeps escapes in strings: a backslash at the end, a tab, an escaped quote', () => {
    expect(parseLenientJson("{'why': 'ends with a backslash \\\\', 'satisfied': True}")).toEqual({ why: 'ends with a backslash \\', satisfied: true });
    expect(parseLenientJson("{\"why\": \"a\\tb\", 'satisfied': True}")).toEqual({ why: 'a\tb', satisfied: true });
    expect(jsonValues('{"a": "x\\"}"} and [2]').map((span) => span.value)).toEqual([{ a: 'x"}' }, [2]]);
  });

  it('leaves string contents alone while repairing the code around them', () => {
    expect(parseLenientJson('{satisfied: true, "source": "see http://example.com, True"}')).toEqual({ satisfied: true, source: 'see http://example.com, True' });
    expect(parseLenientJson("{'why': 'the response says \"no\" once', 'satisfied': True}")).toEqual({ why: 'the response says "no" once', satisfied: true });
    expect(parseLenientJson('{note: "it says \\"no\\" twice\\nand \\"yes\\" once"}')).toEqual({ note: 'it says "no" twice\nand "yes" once' });
  });

  it('reads a string the model broke across lines', () => {
    expect(parseLenientJson('{"why": "first line\nsecond line", "satisfied": false}')).toEqual({ why: 'first line\nsecond line', satisfied: false });
    expect(jsonValues('{"why": "first line\nsecond line", "satisfied": false}').map((span) => span.value)).toEqual([{ why: 'first line\nsecond line', satisfied: false }]);
  });

  it('gives up on an answer cut off inside a comment or a string, without hanging', () => {
    expect(parseLenientJson('{"satisfied": true /* the title {draft')).toBeUndefined();
    expect(parseLenientJson("{'satisfied': True, 'note': 'the title wasn")).toBeUndefined();
    expect(parseLenientJson('{"satisfied": true} // checked')).toEqual({ satisfied: true });
  });

  it('finds JSON after prose with apostrophes, and not brackets in prose', () => {
    expect(jsonValues('Here\'s my report: {"satisfied": true}').map((span) => span.value)).toEqual([{ satisfied: true }]);
    expect(jsonValues('All three [1-3] were met {see above}.')).toEqual([]);
  });

  it('does not end a value at a bracket inside a string', () => {
    const texts = [
      '{"why": "I used a { in the code sample", "satisfied": true}',
      '{"why": "the response has a stray \\"[\\" at the end", "satisfied": false}',
      "{'why': 'the list ends with ]', 'satisfied': False}",
    ];
    expect(texts.map((text) => jsonValues(text).map((span) => span.value))).toEqual([
      [{ why: 'I used a { in the code sample', satisfied: true }],
      [{ why: 'the response has a stray "[" at the end', satisfied: false }],
      [{ why: 'the list ends with ]', satisfied: false }],
    ]);
  });

  it('reads an apostrophe in a comment as prose, not as the start of a string', () => {
    const text = "{\n  'satisfied': True, // it's fine\n  'number': 1\n}";
    expect(jsonValues(text).map((span) => span.value)).toEqual([{ satisfied: true, number: 1 }]);
  });

  it('finds the next value after a first attempt with mismatched brackets', () => {
    const text = 'My answer: {"items": [1, 2}\nSorry, fixed: {"all_satisfied": true}';
    expect(jsonValues(text).map((span) => span.value)).toEqual([{ all_satisfied: true }]);
  });

  it('says where each value sits in the text', () => {
    const text = 'Report: {"satisfied": true} and [1]';
    expect(jsonValues(text).map((span) => text.slice(span.start, span.end))).toEqual(['{"satisfied": true}', '[1]']);
  });
});
