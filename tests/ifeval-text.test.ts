import { describe, expect, it } from 'vitest';
import { pyIsLower, pyIsUpper, pySplitWhitespace, pyStrip } from '../src/ifeval/pystr.js';
import { countCapitalWords, countSentences, countWords, detectLanguage, splitSentences, wordTokenize } from '../src/ifeval/text.js';

// Expected values below were produced by the reference's own libraries (NLTK 3.8 with
// the punkt English model, Python langdetect 1.0.9 with DetectorFactory.seed = 0).

describe('Python string semantics', () => {
  it('strips what Python strips, not what JavaScript trims', () => {
    expect(pyStrip('\u0085 a \u001f')).toBe('a');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
    expect(pySplitWhitespace('  a\u00a0b\n c ')).toEqual(['a', 'b', 'c']);
  });

  it('has Python case predicates', () => {
    expect(pyIsUpper('HELLO, WORLD 42')).toBe(true);
    expect(pyIsUpper('42')).toBe(false);
    expect(pyIsUpper('HELLo')).toBe(false);
    expect(pyIsLower('hello, world')).toBe(true);
    expect(pyIsLower('hello World')).toBe(false);
  });
});

describe('countWords', () => {
  it('counts runs of \\w as IFEval does', () => {
    expect(countWords("It's a well-known fact: 3.5 x_y")).toBe(9);
    expect(countWords('')).toBe(0);
  });

  it('splits at combining marks, like Python re', () => {
    expect(countWords('यह हिंदी में')).toBe(4);
  });
});

describe('splitSentences (Punkt English approximation)', () => {
  it('keeps known abbreviations inside a sentence', () => {
    expect(splitSentences('Dr. Smith came home. He left at 5 p.m. The end.')).toEqual([
      'Dr. Smith came home.',
      'He left at 5 p.m.',
      'The end.',
    ]);
  });

  it('breaks after a list number before a capitalised word but not before a lowercase one', () => {
    expect(splitSentences('Options:\n1. Apples are good.\n2. bananas are fine.')).toEqual([
      'Options:\n1.',
      'Apples are good.',
      '2. bananas are fine.',
    ]);
  });

  it('handles ellipses, repeated marks and closing brackets', () => {
    expect(splitSentences('Wait... The door opened! Really?! Yes.')).toEqual(['Wait...', 'The door opened!', 'Really?!', 'Yes.']);
    expect(splitSentences('(He left.) Then she came.')).toEqual(['(He left.)', 'Then she came.']);
  });

  it('treats e.g. as a sentence end and a lone t. as an abbreviation, as Punkt does', () => {
    expect(countSentences('We saw the letter t. But then e.g. this happened.')).toBe(2);
  });

  it('counts nothing in blank text', () => {
    expect(countSentences('  \n ')).toBe(0);
  });
});

describe('wordTokenize and countCapitalWords', () => {
  it('splits clitics, commas and cannot like NLTK', () => {
    expect(wordTokenize("I DON'T LIKE IT, BUT WE CANNOT STOP.")).toEqual([
      'I', 'DO', "N'T", 'LIKE', 'IT', ',', 'BUT', 'WE', 'CAN', 'NOT', 'STOP', '.',
    ]);
    expect(countCapitalWords("I DON'T LIKE IT, BUT WE CANNOT STOP.")).toBe(10);
  });

  it('keeps abbreviations and pads brackets and quotes', () => {
    expect(wordTokenize('The U.S. economy grew (slightly) in 2023.')).toEqual([
      'The', 'U.S.', 'economy', 'grew', '(', 'slightly', ')', 'in', '2023', '.',
    ]);
    expect(wordTokenize('"Hello," she said. It\'s fine.')).toEqual([
      '``', 'Hello', ',', "''", 'she', 'said', '.', 'It', "'s", 'fine', '.',
    ]);
  });

  // One sentence each, so NLTK's NLTKWordTokenizer alone gives word_tokenize's answer;
  // each sentence exercises one of its rules (quotes, final period, colon, ellipsis,
  // symbols, question mark, apostrophe, asterisk, dashes, wanna, 'tis and 'twas).
  it.each([
    ['She said "hi" twice.', ['She', 'said', '``', 'hi', "''", 'twice', '.']],
    ["He said ''hi'' twice.", ['He', 'said', '``', 'hi', "''", 'twice', '.']],
    ["He said 'hi' twice.", ['He', 'said', "'hi", "'", 'twice', '.']],
    ["I said 'a' loudly.", ['I', 'said', "'", 'a', "'", 'loudly', '.']],
    ['He said “hi” twice.', ['He', 'said', '“', 'hi', '”', 'twice', '.']],
    ['Type ``hi`` here.', ['Type', '``', 'hi', '``', 'here', '.']],
    ['It is 5" long.', ['It', 'is', '5', "''", 'long', '.']],
    ['He said “go.”', ['He', 'said', '“', 'go', '.', '”']],
    ['Items:', ['Items', ':']],
    ['It costs 1,000 dollars, dear.', ['It', 'costs', '1,000', 'dollars', ',', 'dear', '.']],
    ['Wow, you look... comfortable.', ['Wow', ',', 'you', 'look', '...', 'comfortable', '.']],
    ['A&B; C@D #1 $5 50%', ['A', '&', 'B', ';', 'C', '@', 'D', '#', '1', '$', '5', '50', '%']],
    ['Is it?', ['Is', 'it', '?']],
    ["The dogs' bowl is empty.", ['The', 'dogs', "'", 'bowl', 'is', 'empty', '.']],
    ['*Bold* text', ['*', 'Bold', '*', 'text']],
    ['It was good--really good.', ['It', 'was', 'good', '--', 'really', 'good', '.']],
    ['We wanna go.', ['We', 'wan', 'na', 'go', '.']],
    ['WE WANNA GO.', ['WE', 'WAN', 'NA', 'GO', '.']],
    ["'Tis but a scratch.", ["'T", 'is', 'but', 'a', 'scratch', '.']],
    ["'TWAS THE NIGHT BEFORE.", ["'T", 'WAS', 'THE', 'NIGHT', 'BEFORE', '.']],
  ])('tokenizes %j as NLTK does', (sentence, tokens) => {
    expect(wordTokenize(sentence)).toEqual(tokens);
  });
});

describe('detectLanguage', () => {
  it('identifies languages as Python langdetect does', () => {
    expect(detectLanguage('Das ist ein kurzer deutscher Text über das Wetter in der Stadt und die Menschen, die dort leben.')).toBe('de');
    expect(detectLanguage('This is a short English text about the weather in the city and the people who live there.')).toBe('en');
    expect(detectLanguage('यह हिंदी में लिखा गया एक छोटा सा वाक्य है।')).toBe('hi');
    expect(detectLanguage('THIS IS A LONGER ENGLISH SENTENCE ABOUT THE WEATHER IN LONDON TODAY AND TOMORROW.')).toBe('en');
  });

  it('is deterministic', () => {
    const text = 'Questo a che ora comincia? I do not know';
    expect(new Set(Array.from({ length: 5 }, () => detectLanguage(text))).size).toBe(1);
  });

  it('returns null when the text has no letters', () => {
    expect(detectLanguage('12345 !!! ...')).toBeNull();
  });
});
