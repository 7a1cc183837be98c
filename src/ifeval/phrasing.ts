/**
 * How each IFEval instruction is worded in a prompt (success-claims' tasks, a pair's question), and how that wording
 * is read back. Each instruction id has one template here; the sentence a model sees and
 * the pattern that recovers its kwargs are both derived from it, so they cannot drift.
 */
import { escapeRegExp } from './pystr.js';
import type { Instruction, InstructionId, Relation } from './types.js';

/** IFEval's language codes and the names its prompts use for them. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  pt: 'Portuguese',
  ar: 'Arabic',
  hi: 'Hindi',
  fr: 'French',
  ru: 'Russian',
  de: 'German',
  ja: 'Japanese',
  it: 'Italian',
  bn: 'Bengali',
  uk: 'Ukrainian',
  th: 'Thai',
  ur: 'Urdu',
  ta: 'Tamil',
  te: 'Telugu',
  bg: 'Bulgarian',
  ko: 'Korean',
  pl: 'Polish',
  he: 'Hebrew',
  fa: 'Persian',
  vi: 'Vietnamese',
  ne: 'Nepali',
  sw: 'Swahili',
  kn: 'Kannada',
  mr: 'Marathi',
  gu: 'Gujarati',
  pa: 'Punjabi',
  ml: 'Malayalam',
  fi: 'Finnish',
};

type KwargValue = string | number | string[];

/** How one kwarg is written into a sentence and read back out of it. */
interface Slot {
  write(value: KwargValue): string;
  /** A regex source with exactly one capturing group. */
  pattern: string;
  read(captured: string): KwargValue;
}

const integer: Slot = { write: String, pattern: '(\\d+)', read: Number };

/** A number with its noun, singular for one: "1 sentence", "3 sentences". */
const counted = (noun: string): Slot => ({
  write: (n) => `${n} ${n === 1 ? noun : `${noun}s`}`,
  pattern: `(\\d+) ${noun}s?`,
  read: Number,
});

const relation: Slot = {
  write: String,
  pattern: '(at least|less than)',
  read: (text) => text as Relation,
};

/** A word or phrase in double quotes, so multi-word phrases and punctuation stay unambiguous. */
const quoted: Slot = { write: (text) => `"${String(text)}"`, pattern: '"([^"]+)"', read: (text) => text };

/** A noun and its list of quoted words, joined the English way: keywords "a", "b" and "c". */
const quotedList = (noun: string, conjunction: 'and' | 'or'): Slot => ({
  write: (value) => {
    const items = (value as string[]).map((word) => `"${word}"`);
    if (items.length === 1) return `${noun} ${items[0]!}`;
    return `${noun}s ${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
  },
  pattern: `${noun}s? ((?:"[^"]+"(?:, | ${conjunction} )?)+)`,
  read: (text) => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
});

const languageName: Slot = {
  write: (code) => LANGUAGE_NAMES[String(code)] ?? String(code),
  pattern: `(${Object.values(LANGUAGE_NAMES).join('|')})`,
  read: (name) => Object.keys(LANGUAGE_NAMES).find((code) => LANGUAGE_NAMES[code] === name)!,
};

const sectionSplitter: Slot = { write: String, pattern: '(Section|SECTION)', read: (text) => text };

/** One instruction's wording: a template whose `{name}` slots are its kwargs. */
interface Phrasing {
  template: string;
  slots: Record<string, Slot>;
  /** Kwargs the sentence does not spell out but the prompt implies, read from the request. */
  implied?: (request: string) => Record<string, KwargValue>;
}

/** The wording of every instruction id: the one place to change how an instruction is asked. */
const PHRASINGS: Record<InstructionId, Phrasing> = {
  'keywords:existence': {
    template: 'Include the {keywords} in the response.',
    slots: { keywords: quotedList('keyword', 'and') },
  },
  'keywords:frequency': {
    template: 'In your response, the word {keyword} should appear {relation} {frequency}.',
    slots: { keyword: quoted, relation, frequency: counted('time') },
  },
  'keywords:forbidden_words': {
    template: 'Do not include the {forbidden_words} in the response.',
    slots: { forbidden_words: quotedList('keyword', 'or') },
  },
  'keywords:letter_frequency': {
    template: 'In your response, the letter {letter} should appear {let_relation} {let_frequency}.',
    slots: { letter: quoted, let_relation: relation, let_frequency: counted('time') },
  },
  'language:response_language': {
    template: 'Your ENTIRE response should be in {language} language, no other language is allowed.',
    slots: { language: languageName },
  },
  'length_constraints:number_sentences': {
    template: 'Your response should contain {relation} {num_sentences}.',
    slots: { relation, num_sentences: counted('sentence') },
  },
  'length_constraints:number_paragraphs': {
    template: 'There should be {num_paragraphs}, separated from each other with the markdown divider ***.',
    slots: { num_paragraphs: counted('paragraph') },
  },
  'length_constraints:number_words': {
    template: 'Answer with {relation} {num_words} words.',
    slots: { relation, num_words: integer },
  },
  'length_constraints:nth_paragraph_first_word': {
    template:
      'There should be {num_paragraphs}, and paragraphs and only paragraphs are separated from each other by two new lines (one empty line); paragraph {nth_paragraph} must start with the word {first_word}.',
    slots: { num_paragraphs: counted('paragraph'), nth_paragraph: integer, first_word: quoted },
  },
  'detectable_content:number_placeholders': {
    template: 'The response must contain at least {num_placeholders} represented by square brackets, such as [address].',
    slots: { num_placeholders: counted('placeholder') },
  },
  'detectable_content:postscript': {
    template: 'At the end of your response, please explicitly add a postscript starting with {postscript_marker}.',
    slots: { postscript_marker: quoted },
  },
  'detectable_format:number_bullet_lists': {
    template: 'Your answer must contain exactly {num_bullets}, using markdown bullet points such as "* This is a point."',
    slots: { num_bullets: counted('bullet point') },
  },
  'detectable_format:constrained_response': {
    template: 'Answer with one of the following options: "My answer is yes.", "My answer is no.", "My answer is maybe."',
    slots: {},
  },
  'detectable_format:number_highlighted_sections': {
    template: 'Highlight at least {num_highlights} in your answer with markdown, i.e. *highlighted section*.',
    slots: { num_highlights: counted('section') },
  },
  'detectable_format:multiple_sections': {
    template:
      'Your response must have {num_sections}, and the beginning of each section must be marked with {section_spliter} X (for example {section_spliter} 1).',
    slots: { num_sections: counted('section'), section_spliter: sectionSplitter },
  },
  'detectable_format:json_format': {
    template: 'Your entire output should be wrapped in JSON format; you can use markdown ticks such as ```.',
    slots: {},
  },
  'detectable_format:title': {
    template: 'Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.',
    slots: {},
  },
  'combination:two_responses': {
    template: 'Give two different responses, and separate the responses (and only the responses) with 6 asterisk symbols: ******.',
    slots: {},
  },
  'combination:repeat_prompt': {
    template:
      'First repeat the request word for word without change, then give your answer (1. do not say any words or characters before repeating the request; 2. the request you need to repeat does not include this sentence).',
    slots: {},
    // IFEval's prompt_to_repeat is the request the instructions follow.
    implied: (request) => ({ prompt_to_repeat: request }),
  },
  'startend:end_checker': {
    template: 'Finish your response with the exact phrase {end_phrase}, and no other words should follow it.',
    slots: { end_phrase: quoted },
  },
  'startend:quotation': {
    template: 'Wrap your entire response with double quotation marks.',
    slots: {},
  },
  'change_case:capital_word_frequency': {
    template: 'In your response, words with all capital letters should appear {capital_relation} {capital_frequency}.',
    slots: { capital_relation: relation, capital_frequency: counted('time') },
  },
  'change_case:english_capital': {
    template: 'Your entire response should be in English, and in all capital letters.',
    slots: {},
  },
  'change_case:english_lowercase': {
    template: 'Your entire response should be in English and in all lowercase letters, with no capital letters allowed.',
    slots: {},
  },
  'punctuation:no_comma': {
    template: 'In your entire response, refrain from the use of any commas.',
    slots: {},
  },
};

/** One English sentence asking for the instruction, in IFEval's wording where it is unambiguous. */
export function describeInstruction(instruction: Instruction): string {
  const phrasing = PHRASINGS[instruction.id];
  const kwargs = instruction.kwargs as Record<string, KwargValue>;
  return phrasing.template.replace(/\{(\w+)\}/g, (_whole, name: string) => phrasing.slots[name]!.write(kwargs[name]!));
}

interface CompiledPhrasing {
  id: InstructionId;
  phrasing: Phrasing;
  regex: RegExp;
  /** Slot names in the order of the regex's capturing groups. */
  groups: string[];
}

function compile(id: InstructionId, phrasing: Phrasing): CompiledPhrasing {
  // Literal text and slot names, alternating (literal first).
  const parts = phrasing.template.split(/\{(\w+)\}/);
  const groups: string[] = [];
  let source = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      source += escapeRegExp(part);
      return;
    }
    // A slot used twice in a template (the section splitter) must read the same both times.
    if (groups.includes(part)) {
      source += `\\${groups.indexOf(part) + 1}`;
      return;
    }
    groups.push(part);
    source += phrasing.slots[part]!.pattern;
  });
  return { id, phrasing, regex: new RegExp(source, 'g'), groups };
}

const COMPILED = (Object.keys(PHRASINGS) as InstructionId[]).map((id) => compile(id, PHRASINGS[id]));

/**
 * A prompt read back: the request (the text before the first instruction) and every
 * instruction described in it, in order of appearance. The exact inverse of
 * `describeInstruction` over the prompts the generator writes; implied kwargs (the
 * prompt to repeat) are read from the request.
 */
export function readPrompt(text: string): { request: string; instructions: Instruction[] } {
  const found: { compiled: CompiledPhrasing; match: RegExpExecArray }[] = [];
  for (const compiled of COMPILED) {
    for (const match of text.matchAll(compiled.regex)) found.push({ compiled, match });
  }
  found.sort((a, b) => a.match.index - b.match.index);
  const request = text.slice(0, found[0]?.match.index ?? text.length).trim();
  const instructions = found.map(({ compiled, match }) => {
    const kwargs: Record<string, KwargValue> = {};
    compiled.groups.forEach((name, g) => {
      kwargs[name] = compiled.phrasing.slots[name]!.read(match[g + 1]!);
    });
    Object.assign(kwargs, compiled.phrasing.implied?.(request));
    return { id: compiled.id, kwargs } as Instruction;
  });
  return { request, instructions };
}

/** Every instruction described in a text, in order of appearance (see `readPrompt`). */
export function readInstructions(text: string): Instruction[] {
  return readPrompt(text).instructions;
}
