import { describe, expect, it } from 'vitest';
import { conflicting, generateTasks, readTask } from '../src/families/success-claims/generate.js';
import { describeInstruction, readInstructions } from '../src/ifeval/phrasing.js';
import { INSTRUCTION_IDS, parseInstruction } from '../src/ifeval/checkers.js';
import type { Instruction, InstructionId } from '../src/ifeval/types.js';

const TASKS = generateTasks({ seed: 2024, count: 2000 });

/** A sample of IFEval's INSTRUCTION_CONFLICTS (instructions_registry.py), written out by hand. */
const IFEVAL_CONFLICTING_PAIRS: [InstructionId, InstructionId][] = [
  ['language:response_language', 'keywords:existence'],
  ['language:response_language', 'startend:end_checker'],
  ['language:response_language', 'change_case:english_lowercase'],
  ['length_constraints:number_paragraphs', 'length_constraints:number_sentences'],
  ['length_constraints:number_paragraphs', 'length_constraints:nth_paragraph_first_word'],
  ['detectable_format:multiple_sections', 'detectable_format:number_highlighted_sections'],
  ['detectable_format:json_format', 'detectable_format:title'],
  ['detectable_format:json_format', 'punctuation:no_comma'],
  ['combination:two_responses', 'length_constraints:number_words'],
  ['combination:repeat_prompt', 'startend:quotation'],
  ['change_case:capital_word_frequency', 'change_case:english_capital'],
  ['change_case:english_lowercase', 'change_case:english_capital'],
  ['startend:quotation', 'detectable_format:title'],
  ['detectable_format:constrained_response', 'punctuation:no_comma'],
];

/** Pairs IFEval allows and the generator must allow too. */
const IFEVAL_COMPATIBLE_PAIRS: [InstructionId, InstructionId][] = [
  ['detectable_format:json_format', 'keywords:forbidden_words'],
  ['combination:two_responses', 'detectable_format:title'],
  ['combination:repeat_prompt', 'punctuation:no_comma'],
  ['language:response_language', 'change_case:capital_word_frequency'],
  ['length_constraints:number_words', 'length_constraints:number_sentences'],
  ['startend:quotation', 'startend:end_checker'],
];

/** IFEval's kwargs ranges (instructions.py), as predicates. */
function inIfevalRange(instruction: Instruction): boolean {
  const within = (n: number, lo: number, hi: number): boolean => Number.isInteger(n) && n >= lo && n <= hi;
  const { id, kwargs } = instruction;
  switch (id) {
    case 'keywords:existence':
      return kwargs.keywords.length >= 1 && kwargs.keywords.length <= 2;
    case 'keywords:frequency':
      return within(kwargs.frequency, 1, 3);
    case 'keywords:forbidden_words':
      return kwargs.forbidden_words.length === 2;
    case 'keywords:letter_frequency':
      return /^[a-z]$/.test(kwargs.letter) && within(kwargs.let_frequency, 1, 10);
    case 'length_constraints:number_sentences':
      return within(kwargs.num_sentences, 1, 20);
    case 'length_constraints:number_paragraphs':
      return within(kwargs.num_paragraphs, 1, 5);
    case 'length_constraints:number_words':
      return within(kwargs.num_words, 100, 500);
    case 'length_constraints:nth_paragraph_first_word':
      return within(kwargs.num_paragraphs, 1, 5) && within(kwargs.nth_paragraph, 1, kwargs.num_paragraphs);
    case 'detectable_content:number_placeholders':
      return within(kwargs.num_placeholders, 1, 4);
    case 'detectable_content:postscript':
      return ['P.S.', 'P.P.S'].includes(kwargs.postscript_marker);
    case 'detectable_format:number_bullet_lists':
      return within(kwargs.num_bullets, 1, 5);
    case 'detectable_format:number_highlighted_sections':
      return within(kwargs.num_highlights, 1, 4);
    case 'detectable_format:multiple_sections':
      return within(kwargs.num_sections, 1, 5) && ['Section', 'SECTION'].includes(kwargs.section_spliter);
    case 'change_case:capital_word_frequency':
      return within(kwargs.capital_frequency, 1, 20);
    default:
      return true;
  }
}

describe('success-claims task generator', () => {
  it('is deterministic for a seed, and item i does not depend on count', () => {
    const again = generateTasks({ seed: 2024, count: 2000 });
    expect(again).toEqual(TASKS);
    expect(generateTasks({ seed: 2024, count: 37 })).toEqual(TASKS.slice(0, 37));
    expect(generateTasks({ seed: 2025, count: 37 })).not.toEqual(TASKS.slice(0, 37));
  });

  it('gives every task 1 to 4 instructions, with the constrained response alone', () => {
    for (const task of TASKS) {
      expect(task.instructions.length).toBeGreaterThanOrEqual(1);
      expect(task.instructions.length).toBeLessThanOrEqual(4);
      if (task.instructions.some((i) => i.id === 'detectable_format:constrained_response')) {
        expect(task.instructions).toHaveLength(1);
      }
    }
    const sizes = new Set(TASKS.map((task) => task.instructions.length));
    expect([...sizes].sort()).toEqual([1, 2, 3, 4]);
  });

  it('uses every instruction type, with kwargs IFEval would accept and draw', () => {
    const seen = new Set(TASKS.flatMap((task) => task.instructions.map((i) => i.id)));
    expect([...seen].sort()).toEqual([...INSTRUCTION_IDS].sort());
    for (const instruction of TASKS.flatMap((task) => task.instructions)) {
      expect(() => parseInstruction(instruction.id, instruction.kwargs)).not.toThrow();
      expect(inIfevalRange(instruction), JSON.stringify(instruction)).toBe(true);
    }
  });

  it("never puts two conflicting instructions in one task, by IFEval's rules", () => {
    for (const [a, b] of IFEVAL_CONFLICTING_PAIRS) expect(conflicting(a, b) && conflicting(b, a), `${a} / ${b}`).toBe(true);
    for (const [a, b] of IFEVAL_COMPATIBLE_PAIRS) expect(conflicting(a, b), `${a} / ${b}`).toBe(false);
    for (const task of TASKS) {
      const ids = task.instructions.map((i) => i.id);
      expect(new Set(ids).size, task.prompt).toBe(ids.length);
      ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => expect(conflicting(a, b), `${a} / ${b}`).toBe(false)));
    }
  });

  it('makes about 30% of tasks hard, some with word and sentence counts pulling apart', () => {
    const hard = TASKS.filter((task) => task.hard);
    expect(hard.length / TASKS.length).toBeGreaterThan(0.26);
    expect(hard.length / TASKS.length).toBeLessThan(0.34);
    for (const task of hard) expect(task.instructions.length).toBeGreaterThanOrEqual(2);
    const pullingApart = hard.filter((task) => {
      const words = task.instructions.find((i) => i.id === 'length_constraints:number_words');
      const sentences = task.instructions.find((i) => i.id === 'length_constraints:number_sentences');
      return words && sentences && words.kwargs.relation !== sentences.kwargs.relation;
    });
    expect(pullingApart.length / hard.length).toBeGreaterThan(0.2);
  });

  it('sets prompt_to_repeat to the request, which opens the prompt', () => {
    const repeats = TASKS.flatMap((task) =>
      task.instructions.flatMap((i) => (i.id === 'combination:repeat_prompt' ? [{ task, request: i.kwargs.prompt_to_repeat }] : [])),
    );
    expect(repeats.length).toBeGreaterThan(0);
    for (const { task, request } of repeats) {
      expect(request).toMatch(/^Write .+\.$/);
      expect(task.prompt.startsWith(`${request} `)).toBe(true);
      expect(request).toContain(task.topic);
    }
  });
});

describe('reading a prompt back', () => {
  it('recovers every instruction, in order, from 2,000 generated prompts', () => {
    for (const task of TASKS) expect(readInstructions(task.prompt), task.prompt).toEqual(task.instructions);
  });

  it('recovers the topic and instructions with readTask', () => {
    for (const task of TASKS) expect(readTask(task.prompt)).toEqual({ topic: task.topic, instructions: task.instructions });
  });

  it('reads one sentence per instruction, and nothing from text that has none', () => {
    for (const instruction of TASKS.flatMap((task) => task.instructions)) {
      if (instruction.id === 'combination:repeat_prompt') continue;
      expect(readInstructions(describeInstruction(instruction))).toEqual([instruction]);
    }
    expect(readInstructions('Write a poem about the sea. Make it rhyme.')).toEqual([]);
    expect(readTask('What is the capital of France?')).toBeUndefined();
  });
});
