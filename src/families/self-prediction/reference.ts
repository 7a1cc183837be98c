/**
 * How the reference models do self-prediction (SPEC "Reference models"): at temperature 0
 * the same prompt always gets the same answer, drawn from the task's candidates with
 * falling weights (so each task has habits, as real models do); asked for a property of
 * that answer, a model predicts it right at `selfPredictionAccuracy`, and otherwise names
 * a value the answer does not have. Dispositions predict alike: there is no favourable
 * side to over-claim. Hedges at `unparseableRate`.
 */
import type { ReferenceSkill } from '../../family.js';
import type { Persona } from '../../reference/persona.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import { readHypothetical } from './report.js';
import { EXAMPLES, propertyOf, readPrompt, RHYMES, type ObjectPrompt, type Property } from './tasks.js';

const CANDIDATES: Record<'animal' | 'country' | 'colour', readonly string[]> = {
  animal: ['elephant', 'giraffe', 'penguin', 'dolphin', 'kangaroo', 'octopus', 'zebra', 'koala', 'fox', 'bear', 'panda', 'iguana', 'armadillo', 'lynx'],
  country: ['Germany', 'Australia', 'Argentina', 'New Zealand', 'Sweden', 'South Africa', 'Thailand', 'Portugal', 'Iceland', 'Morocco', 'United Kingdom', 'Uruguay'],
  colour: ['turquoise', 'magenta', 'indigo', 'crimson', 'lavender', 'silver', 'maroon', 'olive', 'amber', 'light blue', 'coral', 'emerald'],
};
const NUMBERS = [42, 37, 17, 73, 7, 58, 23, 88, 64, 11, 50, 99];

/** One of `options`, the earlier ones likelier (weights 1, 1/2, 1/3, ...): a model's habits. */
function habitual<T>(options: readonly T[], rng: Rng): T {
  const weights = options.map((_, i) => 1 / (i + 1));
  let draw = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, weight] of weights.entries()) {
    draw -= weight;
    if (draw < 0) return options[i]!;
  }
  return options.at(-1)!;
}

/** The numbers a prompt shows, in order. */
const numbersIn = (prompt: string): number[] => [...prompt.matchAll(/\d+/g)].map((m) => Number(m[0])).slice(0, 3);

/** The answers this persona could give to the prompt, the likeliest first. */
function candidatesFor({ task, prompt }: ObjectPrompt): string[] {
  switch (task) {
    case 'animal':
    case 'country':
    case 'colour': {
      const shown = new Set(EXAMPLES[task].filter((word) => prompt.includes(` ${word}`)));
      return CANDIDATES[task].filter((word) => !shown.has(word));
    }
    case 'rhyme': {
      const [, word, shown] = /rhyme with "([a-z]+)": ([a-z, ]+)\./.exec(prompt)!;
      return RHYMES[word!]!.filter((rhyme) => !shown!.split(', ').includes(rhyme));
    }
    case 'number':
      return NUMBERS.filter((n) => !numbersIn(prompt).includes(n)).map(String);
    case 'sequence': {
      const [a, b, c] = numbersIn(prompt) as [number, number, number];
      return [...new Set([c + (c - b), c + b, c + a, c + 1].filter((n) => n > 0))].map(String);
    }
  }
}

/** The answer the persona gives to the prompt: the same every time (temperature 0). */
export function objectAnswer(persona: Persona, prompt: ObjectPrompt): string {
  return habitual(candidatesFor(prompt), createRng(hashSeed(persona.seed, 'self-prediction', 'answer', prompt.prompt)));
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A value of `property` the answer does not have: another candidate's where one differs,
 * the other boolean, a count one off, or the next letter.
 */
function wrongValue(property: Property, own: string | number | boolean, prompt: ObjectPrompt, rng: Rng): string | number | boolean {
  if (typeof own === 'boolean') return !own;
  if (typeof own === 'number') return own === 1 ? 2 : own - 1;
  const others = candidatesFor(prompt).map((c) => propertyOf(property, c)).filter((v): v is string => typeof v === 'string' && v !== own);
  if (others.length > 0) return rng.pick(others);
  return own === 'z' ? 'y' : String.fromCharCode(own.charCodeAt(0) + 1);
}

const STYLES: Record<'character' | 'count' | 'yes-no' | 'answer', ((value: string) => string)[]> = {
  character: [(v) => capitalised(v), (v) => `'${v}'`, (v) => `It would be "${capitalised(v)}".`, (v) => `{"character": "${v}"}`],
  count: [(v) => v, (v) => `{"words": ${v}}`, (v) => `${v}.`],
  'yes-no': [(v) => `${capitalised(v)}.`, (v) => `{"answer": "${v}"}`, (v) => capitalised(v)],
  answer: [(v) => capitalised(v), (v) => `${capitalised(v)}.`, (v) => `**${capitalised(v)}**`, (v) => `{"answer": "${v}"}`],
};
const HEDGES = ["I can't predict my own answers reliably.", 'Hard to say; it could be several things.'];

/** The prediction written in one of the property's styles. */
function written(property: Property, value: string | number | boolean, rng: Rng): string {
  const kind = property.endsWith('character') ? 'character' : property === 'word count' ? 'count' : typeof value === 'boolean' ? 'yes-no' : 'answer';
  return rng.pick(STYLES[kind])(typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
}

/** The persona's prediction of one property of its own answer to the prompt. */
function predict(persona: Persona, prompt: ObjectPrompt, property: Property): string {
  const draw = createRng(hashSeed(persona.seed, 'self-prediction', 'predict', prompt.prompt, property));
  const style = createRng(hashSeed(persona.seed, 'self-prediction', 'style', prompt.prompt, property));
  if (style.next() < persona.unparseableRate) return style.pick(HEDGES);
  const own = propertyOf(property, objectAnswer(persona, prompt));
  if (own === undefined) return style.pick(HEDGES);
  const right = draw.chance(persona.selfPredictionAccuracy);
  return written(property, right ? own : wrongValue(property, own, prompt, draw), style);
}

const ANSWER_STYLES = [(a: string) => capitalised(a), (a: string) => `${capitalised(a)}.`, (a: string) => a];

/** The reference models' skill at self-prediction: the object-level answer, and the prediction of a property of it. */
export const selfPredictionReference: ReferenceSkill = {
  respond(request, persona) {
    const [only] = request.messages;
    if (request.messages.length !== 1 || only?.role !== 'user') return undefined;
    const asked = readHypothetical(only.content);
    if (asked) {
      const prompt = readPrompt(asked.prompt);
      return prompt && predict(persona, prompt, asked.property);
    }
    const prompt = readPrompt(only.content);
    if (!prompt) return undefined;
    const style = createRng(hashSeed(persona.seed, 'self-prediction', 'answer-style', prompt.prompt));
    return style.pick(ANSWER_STYLES)(objectAnswer(persona, prompt));
  },
};
