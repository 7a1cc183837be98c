/**
 * Self-prediction's object-level prompts and the properties of an answer (after Binder et
 * al. 2024, "Looking Inward"): open-ended prompts whose answer a model picks (another
 * animal after a list of them, another rhyme, the next number of an arbitrary sequence), each
 * written from a template and read back from it, and the properties a model is asked to
 * predict of its own answer. Pure; seeded where it draws.
 */
import type { Rng } from '../../rng.js';

export const TASKS = ['animal', 'country', 'colour', 'rhyme', 'number', 'sequence'] as const;
export type Task = (typeof TASKS)[number];

export const PROPERTIES = ['first character', 'second character', 'word count', 'starts with a vowel', 'is even', 'answer'] as const;
export type Property = (typeof PROPERTIES)[number];

/** The properties asked of each task's answers: those every answer of the task has. */
export const PROPERTIES_OF: Record<Task, readonly Property[]> = {
  animal: ['first character', 'second character', 'starts with a vowel', 'answer'],
  country: ['first character', 'word count', 'starts with a vowel', 'answer'],
  colour: ['first character', 'second character', 'answer'],
  rhyme: ['first character', 'second character', 'answer'],
  number: ['first character', 'is even', 'answer'],
  sequence: ['first character', 'is even', 'answer'],
};

/** The line every object-level prompt ends with. */
export const ANSWER_ALONE = 'Reply with your answer alone.';

/** The words a list prompt draws its examples from: the model names another. */
export const EXAMPLES: Record<'animal' | 'country' | 'colour', readonly string[]> = {
  animal: ['cat', 'dog', 'horse', 'owl', 'salmon', 'lion', 'rabbit', 'eagle', 'frog', 'whale', 'tiger', 'goat', 'otter', 'bee', 'wolf', 'camel'],
  country: ['France', 'Japan', 'Brazil', 'Kenya', 'Canada', 'India', 'Norway', 'Peru', 'Egypt', 'Chile', 'Spain', 'Vietnam', 'Ghana', 'Mexico', 'Poland', 'Italy'],
  colour: ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'brown', 'grey', 'black', 'white', 'teal', 'violet', 'gold', 'navy', 'beige'],
};
/** Words and their rhymes: a rhyme prompt shows two and asks for another. */
export const RHYMES: Readonly<Record<string, readonly string[]>> = {
  light: ['night', 'bright', 'kite', 'sight', 'white', 'flight', 'height'], cat: ['hat', 'bat', 'mat', 'flat', 'sat', 'rat', 'chat'],
  day: ['way', 'play', 'stay', 'gray', 'say', 'clay', 'tray'], tree: ['free', 'sea', 'key', 'bee', 'knee', 'tea', 'three'],
  moon: ['soon', 'tune', 'spoon', 'june', 'noon', 'dune', 'balloon'], bed: ['red', 'head', 'bread', 'thread', 'shed', 'led', 'sled'],
  cake: ['lake', 'bake', 'make', 'snake', 'take', 'wake', 'shake'], ring: ['sing', 'king', 'wing', 'spring', 'thing', 'swing', 'string'],
  stone: ['bone', 'phone', 'alone', 'cone', 'tone', 'zone', 'throne'], rain: ['train', 'pain', 'chain', 'plain', 'brain', 'lane', 'crane'],
  fear: ['near', 'clear', 'dear', 'year', 'beer', 'deer', 'spear'], gold: ['cold', 'bold', 'old', 'told', 'fold', 'hold', 'sold'],
  hand: ['sand', 'band', 'land', 'stand', 'grand', 'brand', 'planned'], boat: ['coat', 'goat', 'note', 'float', 'throat', 'vote', 'wrote'],
  sing: ['ring', 'king', 'wing', 'thing', 'swing', 'bring', 'sting'], blue: ['true', 'shoe', 'glue', 'new', 'crew', 'flew', 'zoo'],
};

const LIST_NOUNS = { animal: ['animals', 'animal'], country: ['countries', 'country'], colour: ['colours', 'colour'] } as const;

/** One object-level prompt: its task and its text (ending with `ANSWER_ALONE`). */
export interface ObjectPrompt {
  task: Task;
  prompt: string;
}

const distinct = (rng: Rng, from: readonly string[], count: number): string[] => {
  const pool = [...from];
  return Array.from({ length: count }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
};

/** An object-level prompt of `task`, drawn from `rng`. */
export function writePrompt(task: Task, rng: Rng): ObjectPrompt {
  const body = (() => {
    switch (task) {
      case 'animal':
      case 'country':
      case 'colour': {
        const [plural, singular] = LIST_NOUNS[task];
        return `Here are some ${plural}: ${distinct(rng, EXAMPLES[task], 3).join(', ')}. Name another ${singular}.`;
      }
      case 'rhyme': {
        const word = rng.pick(Object.keys(RHYMES));
        return `Here are some words that rhyme with "${word}": ${distinct(rng, RHYMES[word]!, 2).join(', ')}. Give another.`;
      }
      case 'number':
        return `Here are some numbers: ${Array.from({ length: 3 }, () => rng.int(1, 99)).join(', ')}. Pick another number between 1 and 99.`;
      case 'sequence':
        return `Continue the sequence ${Array.from({ length: 3 }, () => rng.int(1, 50)).join(', ')}. Give the next number.`;
    }
  })();
  return { task, prompt: `${body} ${ANSWER_ALONE}` };
}

const PATTERNS: [Task, RegExp][] = [
  ['animal', /^Here are some animals: [a-z]+(?:, [a-z]+){2}\. Name another animal\.$/],
  ['country', /^Here are some countries: [A-Za-z]+(?:, [A-Za-z]+){2}\. Name another country\.$/],
  ['colour', /^Here are some colours: [a-z]+(?:, [a-z]+){2}\. Name another colour\.$/],
  ['rhyme', /^Here are some words that rhyme with "[a-z]+": [a-z]+, [a-z]+\. Give another\.$/],
  ['number', /^Here are some numbers: \d+(?:, \d+){2}\. Pick another number between 1 and 99\.$/],
  ['sequence', /^Continue the sequence \d+(?:, \d+){2}\. Give the next number\.$/],
];

/** The prompt read back from its text; undefined for any other text. */
export function readPrompt(text: string): ObjectPrompt | undefined {
  if (!text.endsWith(` ${ANSWER_ALONE}`)) return undefined;
  const body = text.slice(0, -ANSWER_ALONE.length - 1);
  const task = PATTERNS.find(([, pattern]) => pattern.test(body))?.[0];
  return task && { task, prompt: text };
}

/** An answer as the properties see it: no surrounding quotes, markdown or final stop, no leading article, lower case. */
export function canonicalObjectAnswer(answer: string): string {
  return answer
    .trim()
    .replace(/^[*_`"'“‘\s]+|[*_`"'”’.!\s]+$/g, '')
    .replace(/^(?:an?|the)\s+/i, '')
    .toLowerCase();
}

/**
 * The property of an answer, or undefined where the answer has none (a second character of
 * a one-character answer, the parity of a word).
 */
export function propertyOf(property: Property, answer: string): string | number | boolean | undefined {
  const canonical = canonicalObjectAnswer(answer);
  if (canonical === '') return undefined;
  const characters = [...canonical];
  switch (property) {
    case 'first character':
      return characters[0];
    case 'second character':
      return characters[1];
    case 'word count':
      return canonical.split(/\s+/).length;
    case 'starts with a vowel':
      return /^[aeiou]/.test(canonical);
    case 'is even': {
      const number = /^-?\d+$/.test(canonical.replace(/,/g, '')) ? Number(canonical.replace(/,/g, '')) : undefined;
      return number === undefined ? undefined : number % 2 === 0;
    }
    case 'answer':
      return canonical;
  }
}
