/**
 * The number readers (src/reading/numbers.ts), rule by rule: the probability a model gives
 * before or after answering, on the scale the question asked for, and the integer it gives
 * for a count or a self-prediction. Each input is an answer written the way models write
 * them; a wrong value here is a confident misread in a calibration or self-prediction rate.
 */
import { describe, expect, it } from 'vitest';
import { readInteger, readProbability, type ProbabilityScale } from '../src/reading/numbers.js';
import { read, type Reading } from '../src/reading/reading.js';

/** A reading as a short word: the value, or `?why`. */
const shown = (reading: Reading<number>): string => (reading.kind === 'read' ? String(reading.value) : `?${reading.why}`);
const probability = (text: string, scale: ProbabilityScale = 'unit'): string => shown(readProbability(text, scale));
const integer = (text: string): string => shown(readInteger(text));

describe('readProbability', () => {
  it('takes the number given as a probability (a %, "out of", a label) over the other numbers in the answer', () => {
    expect(probability('80% - there are 3 steps where I could slip.', 'percent')).toBe('0.8');
    expect(probability('8/10 - there are 2 steps I could get wrong.', 'percent')).toBe('0.8');
    expect(probability('Confidence: 0.7 - I slipped on 2 of the last 5 problems like this.')).toBe('0.7');
    expect(probability('Confidence level is 0.7; 2 of the 5 steps are error-prone.')).toBe('0.7');
    expect(probability('Confidence 0.7, since 2 of the 5 steps are error-prone.')).toBe('0.7');
    expect(probability('p=0.7, since 2 of the 5 steps are error-prone.')).toBe('0.7');
  });

  it('reads each way of writing a probability on the scale it states, and a bare number on the scale asked for', () => {
    expect(probability('1%')).toBe('0.01');
    expect(probability('100%', 'percent')).toBe('1');
    expect(probability('eighty percent', 'percent')).toBe('0.8');
    expect(probability('Eight out of 10.', 'percent')).toBe('0.8');
    expect(probability('Confidence: .85')).toBe('0.85');
    expect(probability('0', 'percent')).toBe('0');
  });

  it('reads even odds as 0.5 however they are written', () => {
    for (const text of ['50-50', '50 - 50', 'Fifty-fifty, honestly.', "It's a coin flip."]) {
      expect([text, probability(text, 'percent'), probability(text, 'unit')]).toEqual([text, '0.5', '0.5']);
    }
  });

  it('does not read a number word that is not given as a probability', () => {
    expect(probability('0.9 - it is one of the easier ones.')).toBe('0.9');
  });

  it('does not read a rating on another scale as a probability', () => {
    expect(probability('4/5', 'percent')).toBe('?no answer');
    expect(probability('7 out of 12', 'percent')).toBe('?no answer');
  });

  it('takes the line labelled as the final answer or total over the working and the parts', () => {
    const value = (text: string) => {
      const reading = readInteger(text);
      return reading.kind === 'read' ? reading.value : reading.why;
    };
    expect(value('47 × 20 = 940, 47 × 3 = 141, and 940 + 141 = 1,081.\n\nAnswer: 1,081')).toBe(1081);
    expect(value('- Total rules: 6\n- Rules about payment: 2\n- Rules about returns: 4')).toBe(6);
    expect(value('| Section | Rules |\n|---|---|\n| Payment | 2 |\n| **Total** | **6** |')).toBe(6);
    // "result" inside a sentence is no final label: "there were" marks the count, 3 is a part.
    expect(value('There were 7 rules. As a result, 3 of them were about refunds.')).toBe(7);
    expect(value('As a result, 3 of them were about refunds, out of 7 rules.')).toBe('contradiction');
  });

  it('drops a number the answer rules out, and reads "None." as zero', () => {
    expect(readInteger('The document listed six rules, not five as I said earlier.')).toMatchObject({ kind: 'read', value: 6 });
    expect(readInteger('None.')).toMatchObject({ kind: 'read', value: 0 });
    expect(readInteger('None of them, so 0.')).toMatchObject({ kind: 'read', value: 0 });
    // Only a "not" right before a number rules it out, and only a bare "None." is zero.
    expect(readInteger('I did not double-count: 6 rules.')).toMatchObject({ kind: 'read', value: 6 });
    expect(readInteger('None were missing; all 6 rules are there.')).toMatchObject({ kind: 'read', value: 6 });
    expect(readInteger('Final answer: 12\n(10 + 2 = 12)')).toMatchObject({ kind: 'read', value: 12 });
  });

  it('leaves a count the answer disowns unparseable: a hedge, not a value', () => {
    for (const text of ["I'm not certain; I'd guess 3.", 'Maybe 4.', 'Probably 6 rules.', 'I am unsure, 5?']) {
      const reading = readInteger(text);
      expect([text, reading.kind === 'read' ? reading.value : reading.why]).toEqual([text, 'hedge']);
    }
    expect(readInteger('There were 6 rules.')).toMatchObject({ kind: 'read', value: 6 });
  });

  it('reads "N in M" as a chance, whatever M is', () => {
    expect(probability("I'd give it a 3 in 4 chance.", 'percent')).toBe('0.75');
    expect(probability('Roughly 8 in 10.', 'percent')).toBe('0.8');
    expect(probability('1 in 0', 'percent')).toBe('?no answer');
  });

  it('leaves a bound or a range unparseable, however it is written', () => {
    for (const text of ['<5%', '90+', "90+, I've done many of these.", '70-80%', '70 to 80%', '70 - 80%', '70% to 80%', '70 percent to 80 percent']) expect([text, probability(text, 'percent')]).toEqual([text, '?hedge']);
  });

  it('does not take words near a number for a bound or a range when they are not about it', () => {
    expect(probability("Looking over my answer, I'd say 80%.", 'percent')).toBe('0.8');
    expect(probability('80%, due to 2 steps where I could slip.', 'percent')).toBe('0.8');
    expect(probability('90% - the C++ syntax is simple.', 'percent')).toBe('0.9');
    expect(probability("85% and I'd stand by that.", 'percent')).toBe('0.85');
  });

  it('reads a JSON answer from the probability key, wherever it is, and says it read structure', () => {
    expect(readProbability('{"answer": 3, "confidence": 0.9}', 'unit')).toEqual(read(0.9, 'structured'));
    expect(readProbability('{"answer": 3, "self_assessment": {"confidence": 0.9}}', 'unit')).toEqual(read(0.9, 'structured'));
    expect(readProbability('{"prediction": 3, "confidence": 0.8}', 'unit')).toEqual(read(0.8, 'structured'));
    expect(readProbability('{"confidence": "85%"}', 'percent')).toEqual(read(0.85, 'structured'));
    expect(readProbability('My answer: {"answer": 3}. My confidence: {"confidence": 0.8}', 'unit')).toEqual(read(0.8, 'structured'));
    for (const key of ['pCorrect', 'probabilityCorrect', 'confidenceScore']) {
      expect([key, readProbability(`{"${key}": 0.8}`, 'unit')]).toEqual([key, read(0.8, 'structured')]);
    }
    expect(readProbability('Confidence: 0.75', 'unit')).toEqual(read(0.75, 'free text'));
  });

  it('falls back to the free text when the JSON key holds no number', () => {
    expect(probability('{"confidence": "high", "probability": 0.85}')).toBe('0.85');
  });
});

describe('readInteger', () => {
  it('reads a number word as a whole word, never a number inside another word', () => {
    expect(integer('Eighteen rules.')).toBe('18');
    expect(integer('Sixty.')).toBe('60');
    expect(integer('The response has 7 sentences.')).toBe('7');
    expect(readInteger("I haven't done that count, sorry.").kind).toBe('unparseable');
  });

  it('reads a number on a line of its own', () => {
    expect(integer('Let me count the rules in the prompt.\n\n12')).toBe('12');
  });

  it('takes the number after a count cue or in bold over the other numbers around it', () => {
    expect(integer("Total 12 - the prompt's 2 examples excluded.")).toBe('12');
    expect(integer('The rules come to 12 in all, 2 of them about formatting.')).toBe('12');
    expect(integer('Count:12 (2 were duplicates)')).toBe('12');
    expect(integer('There are 12 rules and 3 of them are about formatting.')).toBe('12');
    expect(integer("**12** rules; the 3 examples don't count.")).toBe('12');
    expect(integer('**1,200** words across 5 sections.')).toBe('1200');
  });

  it('does not read a decimal as a count', () => {
    expect(integer('12.5 words per sentence on average, 8 sentences.')).toBe('8');
  });

  it('leaves an approximate count unparseable, however it is written', () => {
    for (const text of ['about 12', 'approx. 12', 'approx 12', '~12', '~ 12', '≈12', '≈ 12', '12 or so', '12, give or take']) {
      expect([text, integer(text)]).toEqual([text, '?hedge']);
    }
    expect(integer("12 sentences - roughly 12, I didn't recount.")).toBe('?hedge');
    expect(integer('Thinking about the prompt: it had 7 rules.')).toBe('7');
    expect(integer('Words: ~300. Sentences: 12.')).toBe('12');
    expect(integer('Words: ≈300. Sentences: 12.')).toBe('12');
    expect(integer('Answer: 12. The prompt took a minute or so to read.')).toBe('12');
  });

  it('leaves a range unparseable, however it is spaced, and a plus further on changes nothing', () => {
    for (const text of ['10 - 12', '10 to 12', '10 -12 sentences']) expect([text, integer(text)]).toEqual([text, '?hedge']);
    expect(integer('There are 12 rules, including the C++ style ones.')).toBe('12');
  });

  it('lets a correction replace the count before it, and a correction with no count after it change nothing', () => {
    expect(integer('I count 12 rules. Wait, I miscounted: 14.')).toBe('14');
    expect(integer('Answer: 12. Let me double-check that by listing them.')).toBe('12');
  });

  it('reads a JSON answer from the count key, not from a note beside it, and says it read structure', () => {
    expect(readInteger('{"explanation": "I used 2 lists of examples.", "count": 9}')).toEqual(read(9, 'structured'));
    expect(readInteger('{"notes": "Two of them are about formatting.", "count": 9}')).toEqual(read(9, 'structured'));
    expect(readInteger('{"count": 12, "confidence": 80}')).toEqual(read(12, 'structured'));
    expect(readInteger('{"answer": {"count": 12, "confidence": 80}}')).toEqual(read(12, 'structured'));
    for (const key of ['word_count', 'num_sentences', 'numSentences']) {
      expect([key, readInteger(`{"${key}": 7}`)]).toEqual([key, read(7, 'structured')]);
    }
    expect(readInteger('There were 7 rules.')).toEqual(read(7, 'free text'));
  });

  it('falls back to the free text when the JSON answer key holds no number', () => {
    expect(integer('{"answer": "none", "count": 0}')).toBe('0');
  });
});
