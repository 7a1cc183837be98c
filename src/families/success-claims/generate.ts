/**
 * The success-claims task generator: a short writing request about a topic, followed by
 * one to four verifiable IFEval instructions that can all be satisfied together (and
 * that the reference composer can satisfy or miss in any combination). About 30% of
 * tasks are hard on purpose: counts at their boundaries, rare-letter and capital-word
 * frequencies, length constraints pulling against each other.
 */
import type { Instruction, InstructionId, InstructionKwargs, Relation } from '../../ifeval/types.js';
import { createRng, hashSeed, type Rng } from '../../rng.js';
import { COMPOSABLE_LANGUAGES, CONTROLLABLE_LETTERS } from './compose.js';
import { escapeRegExp } from '../../ifeval/pystr.js';
import { describeInstruction, readPrompt } from '../../ifeval/phrasing.js';

/** One success-claims task: the prompt a model sees and the instructions it carries. */
export interface SuccessClaimsItem {
  topic: string;
  prompt: string;
  instructions: Instruction[];
  /** Generated to be easy to miss: boundary counts, rare letters, conflicting pulls. */
  hard: boolean;
}

const TOPICS = [
  'urban gardening',
  'remote work',
  'the history of tea',
  'learning a second language',
  'public libraries',
  'electric bicycles',
  'ocean conservation',
  'mountain hiking',
  'home baking',
  'renewable energy',
  'street food',
  'board games',
  'night trains',
  'honeybees',
  'city parks',
  'space telescopes',
  'vintage radios',
  'community choirs',
  'minimalist living',
  'rainy weekends',
  'old lighthouses',
  'chess clubs',
  'coral reefs',
  'sourdough bread',
  'museum visits',
  'public transport',
  'desert plants',
  'solar panels',
  'birdwatching',
  'handwritten letters',
  'morning routines',
  'volunteer work',
  'small bookshops',
  'winter festivals',
  'river cleanups',
  'family recipes',
  'paper maps',
  'jazz music',
  'tidal energy',
  'school gardens',
  'sleep habits',
  'local markets',
];

/** Writing requests by genre; `{topic}` is the topic. */
const REQUESTS = [
  'Write a short essay about {topic}.',
  'Write an email to a colleague about {topic}.',
  'Write a short story about {topic}.',
  'Write a product description for a new product related to {topic}.',
  'Write a blog post about {topic}.',
  'Write a letter to a friend about {topic}.',
  'Write a short speech about {topic}.',
  'Write a review of a book about {topic}.',
  'Write a community newsletter item about {topic}.',
];

/** The request of a constrained-response task: a question its three options can answer. */
const QUESTION = 'Is it worth learning more about {topic}?';

/** Words for keyword, forbidden-word and first-word instructions: concrete, and rare in any filler. */
const WORD_POOL = [
  'lantern', 'compass', 'violin', 'harbor', 'pebble', 'meadow', 'velvet', 'anchor', 'falcon', 'kettle',
  'orchard', 'glacier', 'saddle', 'thimble', 'walnut', 'cobweb', 'parsley', 'tulip', 'mosaic', 'ribbon',
  'marble', 'canyon', 'feather', 'helmet', 'magnet', 'nectar', 'oyster', 'puzzle', 'satchel', 'tractor',
  'umbrella', 'wagon', 'biscuit', 'candle', 'dolphin', 'emerald', 'flannel', 'giraffe', 'hammock', 'igloo',
  'lemon', 'mitten', 'noodle', 'pepper', 'rocket', 'scarf', 'teapot', 'volcano', 'whistle', 'yogurt',
  'zipper', 'acorn', 'beacon', 'cactus', 'easel', 'fiddle', 'gondola', 'hatchet', 'jasmine', 'locket',
  'mango', 'napkin', 'pumpkin', 'raccoon', 'sardine', 'trumpet', 'vinegar', 'waffle',
];

const END_PHRASES = [
  'Any other questions?',
  'Is there anything else we can help with?',
  'Let me know if you have additional questions.',
  'Hope you agree with me.',
  'That is all for now.',
  'Thank you for reading.',
];

const POSTSCRIPT_MARKERS = ['P.S.', 'P.P.S'];
const SECTION_SPLITTERS = ['Section', 'SECTION'];
const RELATIONS: Relation[] = ['at least', 'less than'];

// ---------------------------------------------------------------------------------------
// Conflicts
// ---------------------------------------------------------------------------------------

const ALL_IDS: InstructionId[] = [
  'keywords:existence',
  'keywords:frequency',
  'keywords:forbidden_words',
  'keywords:letter_frequency',
  'language:response_language',
  'length_constraints:number_sentences',
  'length_constraints:number_paragraphs',
  'length_constraints:number_words',
  'length_constraints:nth_paragraph_first_word',
  'detectable_content:number_placeholders',
  'detectable_content:postscript',
  'detectable_format:number_bullet_lists',
  'detectable_format:constrained_response',
  'detectable_format:number_highlighted_sections',
  'detectable_format:multiple_sections',
  'detectable_format:json_format',
  'detectable_format:title',
  'combination:two_responses',
  'combination:repeat_prompt',
  'startend:end_checker',
  'startend:quotation',
  'change_case:capital_word_frequency',
  'change_case:english_capital',
  'change_case:english_lowercase',
  'punctuation:no_comma',
];

const allBut = (...kept: InstructionId[]): InstructionId[] => ALL_IDS.filter((id) => !kept.includes(id));

/** IFEval's INSTRUCTION_CONFLICTS (instructions_registry.py), before symmetric closure. */
const IFEVAL_CONFLICTS: Partial<Record<InstructionId, InstructionId[]>> = {
  'language:response_language': [
    'detectable_format:multiple_sections',
    'keywords:existence',
    'keywords:frequency',
    'keywords:forbidden_words',
    'startend:end_checker',
    'change_case:english_capital',
    'change_case:english_lowercase',
  ],
  'length_constraints:number_paragraphs': ['length_constraints:nth_paragraph_first_word', 'length_constraints:number_sentences'],
  'detectable_format:constrained_response': ALL_IDS,
  'detectable_format:multiple_sections': ['language:response_language', 'detectable_format:number_highlighted_sections'],
  'detectable_format:json_format': allBut('keywords:forbidden_words', 'keywords:existence'),
  'combination:two_responses': allBut(
    'keywords:forbidden_words',
    'keywords:existence',
    'language:response_language',
    'detectable_format:title',
    'punctuation:no_comma',
  ),
  'combination:repeat_prompt': allBut('keywords:existence', 'detectable_format:title', 'punctuation:no_comma'),
  'change_case:capital_word_frequency': ['change_case:english_lowercase', 'change_case:english_capital'],
  'change_case:english_lowercase': ['change_case:english_capital'],
  'startend:quotation': ['detectable_format:title'],
};

/** Pairs the composer cannot follow and miss in every combination, with why. */
const COMPOSER_CONFLICTS: [InstructionId, InstructionId][] = [
  // A section marker would be the first word of its paragraph.
  ['length_constraints:nth_paragraph_first_word', 'detectable_format:multiple_sections'],
  // The first words come from an English word pool; letters are counted in English words.
  ['length_constraints:nth_paragraph_first_word', 'language:response_language'],
  ['keywords:letter_frequency', 'language:response_language'],
  // IFEval's section markers ("Section 1", "SECTION 1") are not all lowercase.
  ['change_case:english_lowercase', 'detectable_format:multiple_sections'],
];

function conflictPairs(): Set<string> {
  const pairs = new Set<string>();
  const add = (a: InstructionId, b: InstructionId): void => {
    pairs.add(`${a}|${b}`);
    pairs.add(`${b}|${a}`);
  };
  for (const id of ALL_IDS) add(id, id);
  for (const [id, others] of Object.entries(IFEVAL_CONFLICTS)) for (const other of others) add(id as InstructionId, other);
  for (const [a, b] of COMPOSER_CONFLICTS) add(a, b);
  return pairs;
}

const CONFLICTS = conflictPairs();

/** Whether two instruction ids may not appear in one task (IFEval's rules, plus the composer's). */
export function conflicting(a: InstructionId, b: InstructionId): boolean {
  return CONFLICTS.has(`${a}|${b}`);
}

// ---------------------------------------------------------------------------------------
// Kwargs, per instruction type
// ---------------------------------------------------------------------------------------

/** The words a task counts or forbids, lowercased: no other text of the task may contain them. */
function watchedWords(instructions: readonly Instruction[]): string[] {
  return instructions.flatMap(({ id, kwargs }): string[] => {
    if (id === 'keywords:existence') return kwargs.keywords;
    if (id === 'keywords:frequency') return [kwargs.keyword];
    if (id === 'keywords:forbidden_words') return kwargs.forbidden_words;
    if (id === 'length_constraints:nth_paragraph_first_word') return [kwargs.first_word];
    return [];
  });
}

/** The texts a response may have to write as given (the topic, the request, phrases and markers), lowercased. */
function echoedTexts(task: TaskSoFar): string[] {
  const texts = [task.topic, task.request];
  for (const { id, kwargs } of task.instructions) {
    if (id === 'startend:end_checker') texts.push(kwargs.end_phrase);
    if (id === 'detectable_content:postscript') texts.push(kwargs.postscript_marker);
    if (id === 'detectable_format:multiple_sections') texts.push(kwargs.section_spliter);
  }
  return texts.map((text) => text.toLowerCase());
}

interface TaskSoFar {
  topic: string;
  request: string;
  instructions: Instruction[];
}

/** Every text of the task so far that a new counted word or letter must keep clear of. */
function takenTexts(task: TaskSoFar): string[] {
  return [...echoedTexts(task), ...watchedWords(task.instructions)];
}

/** Words from the pool that appear in none of the taken texts, nor contain one. */
function freshWords(rng: Rng, count: number, taken: readonly string[]): string[] {
  const free = WORD_POOL.filter((word) => !taken.some((text) => text.includes(word) || word.includes(text)));
  return rng.shuffle(free).slice(0, count);
}

type Sampler<K extends InstructionId> = (rng: Rng, hard: boolean, taken: readonly string[]) => InstructionKwargs[K];

const pickRelation = (rng: Rng): Relation => rng.pick(RELATIONS);

/** A count for "relation n": normal tasks stay in the comfortable middle, hard ones go to the edges. */
function relationCount(rng: Rng, relation: Relation, hard: boolean, ranges: Record<'easyAtLeast' | 'easyLessThan' | 'hardAtLeast' | 'hardLessThan', [number, number]>): number {
  const [lo, hi] = ranges[`${hard ? 'hard' : 'easy'}${relation === 'at least' ? 'AtLeast' : 'LessThan'}`];
  return rng.int(lo, hi);
}

/**
 * How each instruction type's kwargs are drawn, within IFEval's ranges; `hard` draws
 * the values that are easy to miss. `taken` holds the task's fixed texts so far.
 */
const SAMPLERS: { [K in InstructionId]: Sampler<K> } = {
  'keywords:existence': (rng, _hard, taken) => ({ keywords: freshWords(rng, rng.int(1, 2), taken).sort() }),
  'keywords:frequency': (rng, hard, taken) => {
    const relation = pickRelation(rng);
    const frequency = relationCount(rng, relation, hard, {
      easyAtLeast: [1, 2],
      easyLessThan: [2, 3],
      hardAtLeast: [3, 3],
      hardLessThan: [1, 2],
    });
    return { keyword: freshWords(rng, 1, taken)[0]!, frequency, relation };
  },
  'keywords:forbidden_words': (rng, _hard, taken) => ({ forbidden_words: freshWords(rng, 2, taken).sort() }),
  'keywords:letter_frequency': (rng, hard, taken) => {
    const free = CONTROLLABLE_LETTERS.filter((letter) => !taken.some((text) => text.includes(letter)));
    const let_relation = pickRelation(rng);
    const let_frequency = relationCount(rng, let_relation, hard, {
      easyAtLeast: [2, 6],
      easyLessThan: [4, 10],
      hardAtLeast: [8, 10],
      hardLessThan: [1, 3],
    });
    // When every letter is taken, `feasible` rejects the draw.
    return { letter: rng.pick(free.length > 0 ? free : CONTROLLABLE_LETTERS), let_frequency, let_relation };
  },
  'language:response_language': (rng) => ({ language: rng.pick(COMPOSABLE_LANGUAGES) }),
  'length_constraints:number_sentences': (rng, hard) => {
    const relation = pickRelation(rng);
    const num_sentences = relationCount(rng, relation, hard, {
      easyAtLeast: [3, 10],
      easyLessThan: [6, 20],
      hardAtLeast: [15, 20],
      hardLessThan: [2, 5],
    });
    return { num_sentences, relation };
  },
  'length_constraints:number_paragraphs': (rng, hard) => ({ num_paragraphs: hard ? 5 : rng.int(2, 4) }),
  'length_constraints:number_words': (rng, hard) => {
    const relation = pickRelation(rng);
    const num_words = relationCount(rng, relation, hard, {
      easyAtLeast: [100, 250],
      easyLessThan: [150, 500],
      hardAtLeast: [300, 500],
      hardLessThan: [100, 130],
    });
    return { num_words, relation };
  },
  'length_constraints:nth_paragraph_first_word': (rng, hard, taken) => {
    const num_paragraphs = hard ? 5 : rng.int(1, 4);
    const nth_paragraph = hard ? rng.int(4, 5) : rng.int(1, num_paragraphs);
    return { num_paragraphs, nth_paragraph, first_word: freshWords(rng, 1, taken)[0]! };
  },
  'detectable_content:number_placeholders': (rng, hard) => ({ num_placeholders: hard ? 4 : rng.int(1, 3) }),
  'detectable_content:postscript': (rng) => ({ postscript_marker: rng.pick(POSTSCRIPT_MARKERS) }),
  'detectable_format:number_bullet_lists': (rng, hard) => ({ num_bullets: hard ? rng.pick([1, 5]) : rng.int(2, 4) }),
  'detectable_format:constrained_response': () => ({}),
  'detectable_format:number_highlighted_sections': (rng, hard) => ({ num_highlights: hard ? 4 : rng.int(1, 3) }),
  'detectable_format:multiple_sections': (rng, hard) => ({
    section_spliter: rng.pick(SECTION_SPLITTERS),
    num_sections: hard ? 5 : rng.int(2, 4),
  }),
  'detectable_format:json_format': () => ({}),
  'detectable_format:title': () => ({}),
  'combination:two_responses': () => ({}),
  // The request is filled in once the task's request is known.
  'combination:repeat_prompt': () => ({ prompt_to_repeat: '' }),
  'startend:end_checker': (rng) => ({ end_phrase: rng.pick(END_PHRASES) }),
  'startend:quotation': () => ({}),
  'change_case:capital_word_frequency': (rng, hard) => {
    const capital_relation = pickRelation(rng);
    const capital_frequency = relationCount(rng, capital_relation, hard, {
      easyAtLeast: [2, 8],
      easyLessThan: [8, 20],
      hardAtLeast: [14, 20],
      hardLessThan: [2, 4],
    });
    return { capital_frequency, capital_relation };
  },
  'change_case:english_capital': () => ({}),
  'change_case:english_lowercase': () => ({}),
  'punctuation:no_comma': () => ({}),
};

function sample(id: InstructionId, rng: Rng, hard: boolean, taken: readonly string[]): Instruction {
  return { id, kwargs: (SAMPLERS[id] as Sampler<InstructionId>)(rng, hard, taken) } as Instruction;
}

// ---------------------------------------------------------------------------------------
// Feasibility: what the composer can satisfy and miss jointly
// ---------------------------------------------------------------------------------------

function kwargsOf<K extends InstructionId>(instructions: readonly Instruction[], id: K): InstructionKwargs[K] | undefined {
  return instructions.find((instruction) => instruction.id === id)?.kwargs as InstructionKwargs[K] | undefined;
}

/**
 * Whether the composer can follow or miss each instruction of the set, in every
 * combination: the counts that some instructions force (sentences of bullets and
 * postscripts, capital words of markers, letters of fixed texts) must stay below the
 * limits that others set.
 */
function feasible(task: TaskSoFar): boolean {
  const { instructions } = task;
  const ids = instructions.map((instruction) => instruction.id);
  if (ids.some((a, i) => ids.some((b, j) => i < j && conflicting(a, b)))) return false;
  const get = <K extends InstructionId>(id: K): InstructionKwargs[K] | undefined => kwargsOf(instructions, id);

  const nth = get('length_constraints:nth_paragraph_first_word');
  const sections = get('detectable_format:multiple_sections');
  const postscript = get('detectable_content:postscript');
  if (nth && nth.nth_paragraph === 1 && get('detectable_format:title')) return false; // The title would open paragraph 1.
  if (sections?.section_spliter === 'Section' && get('change_case:english_capital')) return false;

  const markerCapitals = (postscript ? 1 : 0) + (sections?.section_spliter === 'SECTION' ? sections.num_sections : 0);
  const capitals = get('change_case:capital_word_frequency');
  if (capitals && capitals.capital_frequency <= markerCapitals) return false;

  // Counted words and letters occur only where the composer puts them.
  const watched = watchedWords(instructions);
  const echoed = echoedTexts(task);
  const clashes = (word: string, i: number): boolean =>
    echoed.some((text) => text.includes(word)) || watched.some((other, j) => i !== j && (other.includes(word) || word.includes(other)));
  if (watched.some(clashes)) return false;
  const letter = get('keywords:letter_frequency');
  if (letter && [...echoed, ...watched].some((text) => text.includes(letter.letter))) return false;

  // The fewest sentences any combination of intents leaves: one per paragraph or
  // section, one more bullet than asked, a postscript's marker and sentence, the end phrase.
  const bullets = get('detectable_format:number_bullet_lists');
  const units = Math.max(nth?.num_paragraphs ?? 1, sections?.num_sections ?? 1);
  const fewestSentences = units + (bullets ? bullets.num_bullets + 1 : 0) + (postscript ? 2 : 0) + (get('startend:end_checker') ? 1 : 0);
  const sentences = get('length_constraints:number_sentences');
  if (sentences && fewestSentences > sentences.num_sentences - 1) return false;

  // The fewest words, generously: short sentences (as many as an "at least" may ask),
  // bullets written whole, about ten words for each other instruction (a title, a
  // postscript, a mention in passing), two per letter word, and the plain words the
  // composer keeps for capitals and highlights to decorate.
  const words = get('length_constraints:number_words');
  if (words) {
    const mostSentences = sentences?.relation === 'at least' ? sentences.num_sentences + 2 : fewestSentences;
    const decorable = 3 * ((capitals?.capital_frequency ?? 0) + 2) + 3 * ((get('detectable_format:number_highlighted_sections')?.num_highlights ?? 0) + 1);
    const fewestWords =
      5 * mostSentences +
      8 * (bullets ? bullets.num_bullets + 1 : 0) +
      10 * instructions.length +
      2 * ((letter?.let_frequency ?? 0) + 2) +
      decorable;
    if (fewestWords > words.num_words - 10) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------

/** How often each type is drawn; the constrained response stands alone and is drawn apart. */
const WEIGHTS: Partial<Record<InstructionId, number>> = {
  'detectable_format:constrained_response': 0,
  'detectable_format:json_format': 0.5,
  'combination:two_responses': 0.6,
  'combination:repeat_prompt': 0.6,
};

/** Types with a hard variant of their kwargs. */
const HARD_TYPES: InstructionId[] = [
  'keywords:frequency',
  'keywords:letter_frequency',
  'length_constraints:number_sentences',
  'length_constraints:number_words',
  'length_constraints:number_paragraphs',
  'length_constraints:nth_paragraph_first_word',
  'detectable_content:number_placeholders',
  'detectable_format:number_bullet_lists',
  'detectable_format:number_highlighted_sections',
  'detectable_format:multiple_sections',
  'change_case:capital_word_frequency',
];

/** Length constraints that pull against each other: many words in few sentences, or the reverse. */
function lengthTension(rng: Rng): Instruction[] {
  const manyWords = rng.chance(0.5);
  return [
    {
      id: 'length_constraints:number_words',
      kwargs: manyWords ? { num_words: rng.int(250, 450), relation: 'at least' } : { num_words: rng.int(110, 160), relation: 'less than' },
    },
    {
      id: 'length_constraints:number_sentences',
      kwargs: manyWords ? { num_sentences: rng.int(3, 6), relation: 'less than' } : { num_sentences: rng.int(14, 20), relation: 'at least' },
    },
  ];
}

const ATTEMPTS = 50;

/** Adds the instructions `draw` makes to the task, if a draw fits within a few attempts. */
function addFitting(task: TaskSoFar, draw: () => Instruction[]): void {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const candidates = draw();
    if (feasible({ ...task, instructions: [...task.instructions, ...candidates] })) {
      task.instructions.push(...candidates);
      return;
    }
  }
}

/** Adds one instruction of a random type drawn from `types`, if one fits. */
function addInstruction(task: TaskSoFar, rng: Rng, types: readonly InstructionId[], hard: boolean): void {
  addFitting(task, () => [sample(weightedPick(rng, types), rng, hard, takenTexts(task))]);
}

function weightedPick(rng: Rng, types: readonly InstructionId[]): InstructionId {
  const weight = (id: InstructionId): number => WEIGHTS[id] ?? 1;
  let draw = rng.next() * types.reduce((sum, id) => sum + weight(id), 0);
  for (const id of types) {
    draw -= weight(id);
    if (draw < 0) return id;
  }
  return types.at(-1)!;
}

function generateTask(rng: Rng): SuccessClaimsItem {
  const topic = rng.pick(TOPICS);
  const hard = rng.chance(0.3);
  if (!hard && rng.chance(0.03)) {
    const instructions: Instruction[] = [{ id: 'detectable_format:constrained_response', kwargs: {} }];
    return { topic, prompt: taskPrompt(QUESTION.replace('{topic}', topic), instructions), instructions, hard: false };
  }
  const task: TaskSoFar = { topic, request: rng.pick(REQUESTS).replace('{topic}', topic), instructions: [] };
  const count = hard ? rng.int(2, 4) : rng.pick([1, 2, 2, 3, 3, 4]);
  if (hard && rng.chance(0.35)) addFitting(task, () => lengthTension(rng));
  else if (hard) addInstruction(task, rng, HARD_TYPES, true);
  // Marked hard only if a hard instruction actually fitted.
  const madeHard = hard && task.instructions.length > 0;
  while (task.instructions.length < count) {
    const before = task.instructions.length;
    addInstruction(task, rng, ALL_IDS, false);
    if (task.instructions.length === before) break;
  }
  const instructions = rng.shuffle(task.instructions).map((instruction) =>
    instruction.id === 'combination:repeat_prompt' ? { ...instruction, kwargs: { prompt_to_repeat: task.request } } : instruction,
  );
  return { topic, prompt: taskPrompt(task.request, instructions), instructions, hard: madeHard };
}

function taskPrompt(request: string, instructions: readonly Instruction[]): string {
  return [request, ...instructions.map(describeInstruction)].join(' ');
}

/** Success-claims tasks for a seed; item i depends only on the seed and i, never on `count`. */
export function generateTasks(options: { seed: number; count: number }): SuccessClaimsItem[] {
  return Array.from({ length: options.count }, (_, i) => generateTask(createRng(hashSeed(options.seed, 'success-claims', i))));
}

const REQUEST_PATTERNS = [...REQUESTS, QUESTION].map(
  (template) => new RegExp(`^${escapeRegExp(template).replace('\\{topic\\}', '(.+)')}$`),
);

/** The topic and instructions of a prompt the generator wrote, as a reader of the prompt finds them; undefined for any other text. */
export function readTask(prompt: string): { topic: string; instructions: Instruction[] } | undefined {
  const { request, instructions } = readPrompt(prompt);
  for (const pattern of REQUEST_PATTERNS) {
    const topic = pattern.exec(request)?.[1];
    if (topic !== undefined) return { topic, instructions };
  }
  return undefined;
}
