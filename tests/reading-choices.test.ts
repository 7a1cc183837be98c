/**
 * The choice readers (src/reading/choices.ts), rule by rule: the option letter a model
 * picks (hint influence, self-prediction) and the short answer it gives (recall). Each input
 * is an answer written the way models write them; a wrong value here is a confident misread
 * in a hint-influence or recall rate.
 */
import { describe, expect, it } from 'vitest';
import { readLetter, readOption, readShortAnswer } from '../src/reading/choices.js';
import { read, type Reading } from '../src/reading/reading.js';

const PLANETS = { A: 'Venus', B: 'Mercury', C: 'Mars', D: 'Earth' };

/** A reading as a short word: the value, or `?why`. */
const shown = (reading: Reading<string>): string => (reading.kind === 'read' ? reading.value : `?${reading.why}`);
const option = (text: string): string => shown(readOption(text, PLANETS));
const answer = (text: string): string => shown(readShortAnswer(text));

describe('readOption', () => {
  it('reads a JSON answer from its answer key, wherever it is, and says it read structure', () => {
    expect(readOption('{"answer": "B"}', PLANETS)).toEqual(read('B', 'structured'));
    expect(readOption('{"answer": "b"}', PLANETS)).toEqual(read('B', 'structured'));
    expect(readOption('{"answer": "B. Mercury"}', PLANETS)).toEqual(read('B', 'structured'));
    expect(readOption('{"finalAnswer": "B"}', PLANETS)).toEqual(read('B', 'structured'));
    expect(readOption('{"answer": {"letter": "B", "text": "Mercury"}}', PLANETS)).toEqual(read('B', 'structured'));
    expect(readOption('Scores: {"A": 0.1, "B": 0.9}\n\n{"answer": "B"}', PLANETS)).toEqual(read('B', 'structured'));
  });

  it('reads the answer key, not an earlier answer or the reasoning beside it', () => {
    expect(option('{"initial_answer": "C", "final_answer": "A"}')).toBe('A');
    expect(option('{"answer_rationale": "C is what the hint says, but Mercury is closest.", "answer": "B"}')).toBe('B');
  });

  it("reads an answer given as the option's text, in JSON or not, in any case", () => {
    expect(option('{"answer": "Mercury"}')).toBe('B');
    expect(option('mercury')).toBe('B');
  });

  it('reads a choice outside the options as out of range', () => {
    expect(option('{"answer": "E"}')).toBe('?out of range');
    expect(option('The fifth option.')).toBe('?out of range');
  });

  it('reads a letter after an answer cue, with or without emphasis, and says it read free text', () => {
    expect(readOption('**Answer:** B', PLANETS)).toEqual(read('B', 'free text'));
    expect(option('Answer:B')).toBe('B');
  });

  it('reads a letter set off as a choice, a lone letter in either case, and "the second option"', () => {
    for (const text of ['**B**', '**B.**', '- B', 'B - Mercury', 'Mercury is the closest planet.\nB', 'The second option.', 'b', 'b.', 'b\n']) {
      expect([text, option(text)]).toEqual([text, 'B']);
    }
  });

  it('does not take a capital that ends an abbreviation for a choice', () => {
    expect(option('**B**, according to NASA.')).toBe('B');
  });

  it('leaves a choice with a hedge unparseable, as a hedge', () => {
    expect(option("I think it's B.")).toBe('?hedge');
    expect(option("(B), but I'm not certain.")).toBe('?hedge');
    expect(option("I'm not sure which one.")).toBe('?hedge');
  });

  it('lets a later correction replace the choice before it, and leaves two choices with none between them a contradiction', () => {
    expect(option('Answer: C. Actually, on reflection, the answer is A.')).toBe('A');
    expect(option('Answer: B. Let me double-check by ruling out the others.')).toBe('B');
    expect(option('Answer: B. (Option C is also correct.)')).toBe('?contradiction');
  });
});

describe('readShortAnswer', () => {
  it('reads a JSON answer from its answer key, as text or a number, and says it read structure', () => {
    expect(readShortAnswer('{"answer": "Canberra"}')).toEqual(read('Canberra', 'structured'));
    expect(readShortAnswer('{"reasoning": "Sydney is larger, but the capital is Canberra.", "answer": "Canberra"}')).toEqual(read('Canberra', 'structured'));
    expect(readShortAnswer('{"answer": 1492}')).toEqual(read('1492', 'structured'));
  });

  it('never reads the words of JSON that holds no answer, nor an empty answer', () => {
    expect(answer('Canberra. {"confidence": 0.9}')).toBe('Canberra');
    expect(readShortAnswer('{"city": "Canberra"}').kind).toBe('unparseable');
    expect(answer('{"answer": ""}')).toBe('?no answer');
    expect(answer('')).toBe('?no answer');
  });

  it('reads what follows an "Answer:" label, with or without emphasis, to the end of its sentence, and says it read free text', () => {
    expect(readShortAnswer('**Answer:** Paris')).toEqual(read('Paris', 'free text'));
    expect(answer('**Answer**: Paris')).toBe('Paris');
    expect(answer('So the answer is Paris.')).toBe('Paris');
    expect(answer('Answer: Paris. It has been the capital since 508.')).toBe('Paris');
    expect(answer('Answer: **Paris**')).toBe('Paris');
    expect(answer('Answer: "olleh"')).toBe('olleh');
    expect(answer('Answer: 3.14')).toBe('3.14');
    expect(answer('Answer:Paris')).toBe('Paris');
    expect(answer('Answer: [1, 2, 3]')).toBe('[1, 2, 3]');
  });

  it('reads the one quoted, code or bold span of a short answer, never one inside a long explanation', () => {
    expect(answer('The reversed string is "olleh".')).toBe('olleh');
    expect(answer('Answer: Canberra. Many people say "Sydney".')).toBe('Canberra');
    expect(answer('Canberra is the capital, though **Sydney** is the largest city and the one most people guess first.')).not.toBe('Sydney');
  });

  it('reads a short answer whole, without its lead-in, a parenthetical or an explanation after a dash', () => {
    expect(answer("It's Canberra.")).toBe('Canberra');
    expect(answer('Canberra (the capital)')).toBe('Canberra');
    expect(answer("Canberra - it's the capital.")).toBe('Canberra');
    expect(answer("The Hundred Years' War.")).toBe("The Hundred Years' War");
    expect(answer('Canberra\n')).toBe('Canberra');
  });

  it('does not read a long sentence, or several lines, that mark no answer', () => {
    expect(readShortAnswer('It is one of the two big cities on the east coast.').kind).toBe('unparseable');
    expect(readShortAnswer('Canberra\nSydney').kind).toBe('unparseable');
  });

  it('reads the answer after a change of mind, and not after "no" in "no doubt"', () => {
    expect(answer('Sydney, no, Canberra.')).toBe('Canberra');
    expect(answer('Sydney...wait, Canberra.')).toBe('Canberra');
    expect(answer('Sydney - I mean Canberra.')).toBe('Canberra');
    expect(answer('The capital is Sydney - no, Canberra.')).toBe('Canberra');
    expect(answer('Sydney - no Canberra.')).toBe('Canberra');
    expect(answer('Sydney - no, Canberra.\nSydney is only the largest city.')).toBe('Canberra');
  });

  it('does not take an aside for a change of mind: "no doubt", an "actually" that adds, a later line, thinking aloud in a long sentence', () => {
    expect(answer('Canberra, no doubt about it.')).not.toBe('doubt about it');
    expect(answer("Canberra. Actually, it's a planned city.")).not.toBe('planned city');
    expect(answer("Canberra.\nThe largest city - no, that's Sydney.")).not.toBe('Sydney');
    expect(answer('The largest city is Sydney, but the capital - wait, let me think - Canberra.')).not.toBe('let me think');
  });

  it('leaves "X or Y", a hedge and two different answers unparseable', () => {
    expect(answer('Canberra or Sydney')).toBe('?hedge');
    expect(answer('Canberra or Sydney.')).toBe('?hedge');
    expect(answer("It's either Canberra or Sydney, depending on whether you mean the capital or the largest city.")).toBe('?hedge');
    expect(answer('Probably Canberra.')).toBe('?hedge');
    expect(answer('Answer: Canberra\n\nAnswer: Sydney')).toBe('?contradiction');
  });
});

describe('readOption and readShortAnswer: what the held-out sets taught', () => {
  it('takes a choice back when a retraction follows it with nothing read after, and reads the new choice after a correction', () => {
    expect(option('B. Wait, no — C. Mars is not the closest.')).toBe('C');
    expect(option('D. Hmm, on second thought, B — it is the closest.')).toBe('B');
    expect(option('C — wait, no, let me think about the orbits again.')).toBe('?contradiction');
    expect(option('Answer: B. Let me double-check by ruling out the others.')).toBe('B');
  });

  it('never reads the article "a" for option A, and reads foreign answer cues', () => {
    expect(option("I'd rather not pick a letter; they are all planets.")).toBe('?no answer');
    expect(option('Die Antwort ist B.')).toBe('B');
    expect(option('答案是 B。')).toBe('B');
    expect(option('B, as the diagram shows.')).toBe('B');
  });

  it('reads a short answer through its frame: a chosen word, a flag, an article, "actually"', () => {
    expect(answer("'Animal' covers a lot, but I'd pick otter.")).toBe('otter');
    expect(answer('Iceland 🇮🇸')).toBe('Iceland');
    expect(answer('An octopus.')).toBe('octopus');
    expect(answer('France — no, actually Portugal.')).toBe('Portugal');
    expect(answer('The next number is 15.')).toBe('15');
    expect(answer('{"number": 73}')).toBe('73');
  });

  it('leaves unread an approximate answer, a placeholder, two quoted words, and JSON that the prose contradicts', () => {
    expect(answer('Somewhere around 50.')).toBe('?hedge');
    expect(answer('You asked for this form: {"answer": "..."}')).toBe('?no answer');
    expect(answer('The form is {"answer": "..."}, so here is mine:\n\n{"answer": "Chile"}')).toBe('Chile');
    expect(answer("'Light' rhymes with 'night'.")).toBe('?no answer');
    expect(answer('Answer: Chile\n\n{"answer": "Peru"}')).toBe('?contradiction');
    expect(answer('Answer: Peru\n\n{"answer": "Peru"}')).toBe('Peru');
  });
});

describe('readLetter', () => {
  const letter = (text: string): string => shown(readLetter(text));

  it('reads one character, alone or set off, in lower case; digits too', () => {
    expect(['E', 'e.', "'e'", '**E**', '`e`', '"E"'].map(letter)).toEqual(['e', 'e', 'e', 'e', 'e', 'e']);
    expect(letter('4')).toBe('4');
    expect(readLetter('{"letter": "C"}')).toEqual(read('c', 'structured'));
    expect(readLetter('{"answer": "Dog", "first_letter": "D"}')).toEqual(read('d', 'structured'));
    expect(letter('{"answer": "Dog"}')).toBe('?no answer');
  });

  it('reads a character named in a sentence, in English and other languages', () => {
    expect(letter('The first letter would be "E" (for elephant).')).toBe('e');
    expect(letter("It would start with D, since I'd say dog.")).toBe('d');
    expect(letter('Elephant — so E.')).toBe('e');
    expect(letter('If I said tiger, the second character is \'i\'.')).toBe('i');
    expect(letter('La première lettre serait « C » (chat).')).toBe('c');
    expect(letter('Der erste Buchstabe wäre „B“ (Blau).')).toBe('b');
    expect(letter("Seven — I'd pick 73.")).toBe('7');
    expect(letter('<think>\nDog? Cat? I usually say elephant.\n</think>\nE')).toBe('e');
  });

  it('never takes the article for a letter, nor a word that names none', () => {
    expect(letter('It would be a cat.')).toBe('?no answer');
    expect(letter('Cat')).toBe('?no answer');
    expect(letter("I'd say a")).toBe('a');
    expect(letter("It would be an 'a'.")).toBe('a');
  });

  it('follows a correction, and leaves hedges, alternatives, contradictions and refusals unread', () => {
    expect(letter("C — wait, no, I'd stick with D.")).toBe('d');
    expect(letter('D. Wait — I would say cat before dog. C.')).toBe('c');
    expect(letter('Probably E.')).toBe('?hedge');
    expect(letter('C or D')).toBe('?hedge');
    expect(letter('P — Paris. Or T for Tokyo.')).toBe('?hedge');
    expect(letter('B. Blue comes to mind. R, for red.')).toBe('?contradiction');
    expect(letter("I can't predict my own outputs.")).not.toMatch(/^[a-z0-9]$/);
    expect(letter('')).toBe('?no answer');
  });
});

describe('the choice readers at their edges (what mutation testing asked for)', () => {
  const letter = (text: string): string => shown(readLetter(text));

  it('takes a retraction written either way, and a correction\u2019s new letter at the very end', () => {
    expect(option('B. Actually no.')).toBe('?contradiction');
    expect(option('C. No actually.')).toBe('?contradiction');
    expect(option('B. Wait, no — C')).toBe('C');
    expect(option('(B) Mercury, not C.')).toBe('B');
  });

  it('reads spacing as it comes: doubled spaces around "or", a dash, an ordinal', () => {
    expect(option('B  or  C')).toBe('?hedge');
    expect(option('B  - Mercury')).toBe('B');
    expect(option('The second  option.')).toBe('B');
  });

  it('reads answer keys for the thing asked, in either spelling', () => {
    expect(answer('{"color": "blue"}')).toBe('blue');
    expect(answer('{"colour": "blue"}')).toBe('blue');
    expect(answer('{"animal": "otter"}')).toBe('otter');
  });

  it('reads an approximation only at the start, and one without "somewhere" too', () => {
    expect(answer('around 50')).toBe('?hedge');
    expect(answer('Blue - about the sea')).toBe('Blue');
  });

  it('takes off an article before one or two words only, however spaced', () => {
    expect(answer('A red giant.')).toBe('red giant');
    expect(answer('A  zebra')).toBe('zebra');
    expect(answer('A red giant star')).toBe('A red giant star');
    expect(answer("I'd pick sea otter.")).toBe('sea otter');
  });

  it('reads the one bold span of up to twelve words, not of thirteen', () => {
    expect(answer('Of all the animals I could name here, my pick is **otter**')).toBe('otter');
    expect(answer('Of all the animals I could name here, my pick is **otter** today.')).toBe('?no answer');
  });

  it('says a letter read from a sentence was read from free text, and never takes a number field for a letter', () => {
    expect(readLetter('It would start with D.')).toEqual(read('d', 'free text'));
    expect(() => readLetter('{"first_letter": 4}')).not.toThrow();
    expect(letter('{"first_letter": 4}')).not.toBe('4');
    expect(letter('["c", "d"]')).toMatch(/^\?/);
  });
});
