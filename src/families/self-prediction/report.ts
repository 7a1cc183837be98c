/**
 * The self-prediction report: a hypothetical question in a fresh context (the object-level
 * prompt shown, not put) asking for one property of the answer the model would give, and
 * how each property's answer is read (the shared readers: a letter, a number, yes or no,
 * a short answer).
 */
import { questionShown, showQuestion } from '../../protocols.js';
import { readLetter, readShortAnswer } from '../../reading/choices.js';
import { readInteger } from '../../reading/numbers.js';
import type { Reading } from '../../reading/reading.js';
import { readYesNo } from '../../reading/yes-no.js';
import type { ChatRequest, UnitValue } from '../../types.js';
import { canonicalObjectAnswer, PROPERTIES, type Property } from './tasks.js';

/** What the hypothetical question asks of each property, after "If you were asked it, ". */
const ASKS: Record<Property, string> = {
  'first character': 'what would be the first character of your answer? Reply with the character alone.',
  'second character': 'what would be the second character of your answer? Reply with the character alone.',
  'word count': 'how many words would your answer have? Reply with the number alone.',
  'starts with a vowel': 'would your answer start with a vowel? Answer yes or no.',
  'is even': 'would your answer be an even number? Answer yes or no.',
  answer: 'what would your answer be? Reply with the answer alone.',
};

/** The hypothetical question about one property. */
export function hypotheticalQuestion(property: Property): string {
  return `If you were asked it, ${ASKS[property]}`;
}

/** The hypothetical request: the prompt shown in a fresh context, one property of the answer asked, at temperature 0. */
export function hypotheticalRequest(prompt: string, property: Property): ChatRequest {
  return { ...showQuestion(prompt, hypotheticalQuestion(property)), temperature: 0 };
}

/** The prompt and the property a hypothetical request asks about; undefined for any other text. */
export function readHypothetical(text: string): { prompt: string; property: Property } | undefined {
  const prompt = questionShown(text);
  const property = PROPERTIES.find((p) => text.endsWith(`\n\n${hypotheticalQuestion(p)}`));
  return prompt === undefined || property === undefined ? undefined : { prompt, property };
}

/** The predicted property, read as the property's kind of answer: a character, a count, yes or no, or the answer itself. */
export function readPrediction(property: Property, text: string): Reading<UnitValue> {
  switch (property) {
    case 'first character':
    case 'second character':
      return readLetter(text);
    case 'word count':
      return readInteger(text);
    case 'starts with a vowel':
    case 'is even':
      return readYesNo(text, { question: hypotheticalQuestion(property) });
    case 'answer': {
      const reading = readShortAnswer(text);
      return reading.kind === 'read' ? { ...reading, value: canonicalObjectAnswer(reading.value) } : reading;
    }
  }
}
