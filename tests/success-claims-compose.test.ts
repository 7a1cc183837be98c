import { describe, expect, it } from 'vitest';
import { composeResponse } from '../src/families/success-claims/compose.js';
import { generateTasks, type SuccessClaimsItem } from '../src/families/success-claims/generate.js';
import { checkInstruction } from '../src/ifeval/checkers.js';
import { countWords } from '../src/ifeval/text.js';
import { createRng, hashSeed } from '../src/rng.js';

const TASKS = generateTasks({ seed: 31, count: 2000 });

interface Agreement {
  instructions: number;
  agreeing: number;
  /** Instances per id and intent, so coverage of both directions can be checked. */
  seen: Map<string, number>;
  failures: string[];
}

/** Composes every task with the intents given, and compares the checker's verdicts with them. */
function measureAgreement(tasks: readonly SuccessClaimsItem[], intentsOf: (task: SuccessClaimsItem, index: number) => boolean[]): Agreement {
  const result: Agreement = { instructions: 0, agreeing: 0, seen: new Map(), failures: [] };
  tasks.forEach((task, index) => {
    const intents = intentsOf(task, index);
    const rng = createRng(hashSeed('compose-test', index));
    const response = composeResponse({ topic: task.topic, instructions: task.instructions, intents, rng });
    task.instructions.forEach((instruction, i) => {
      const key = `${instruction.id}=${intents[i]}`;
      result.seen.set(key, (result.seen.get(key) ?? 0) + 1);
      result.instructions++;
      if (checkInstruction(instruction, response) === intents[i]) result.agreeing++;
      else result.failures.push(`task ${index}, ${key}\n${task.prompt}\nintents ${intents}\n---\n${response}\n===`);
    });
  });
  if (result.failures.length > 0) console.log(`${result.failures.length} disagreements:\n${result.failures.slice(0, 10).join('\n')}`);
  return result;
}

function expectAgreement(agreement: Agreement): void {
  expect(agreement.agreeing / agreement.instructions).toBeGreaterThanOrEqual(0.995);
  expect(agreement.failures.slice(0, 3)).toEqual([]);
}

describe('the success-claims composer against the IFEval checkers', () => {
  it('follows or misses each instruction as intended, over 2,000 tasks with random intents', () => {
    const agreement = measureAgreement(TASKS, (task, index) => {
      const rng = createRng(hashSeed('intents', index));
      return task.instructions.map(() => rng.chance(0.5));
    });
    console.log(`random intents: ${agreement.agreeing}/${agreement.instructions} instructions agree`);
    expectAgreement(agreement);
    // Both directions of every instruction type were exercised.
    const ids = new Set(TASKS.flatMap((task) => task.instructions.map((i) => i.id)));
    for (const id of ids) {
      for (const intent of [true, false]) expect(agreement.seen.get(`${id}=${intent}`), `${id}=${intent}`).toBeGreaterThan(0);
    }
  });

  it('follows every instruction when it means to', () => {
    const agreement = measureAgreement(TASKS, (task) => task.instructions.map(() => true));
    console.log(`all intents true: ${agreement.agreeing}/${agreement.instructions} instructions agree`);
    expectAgreement(agreement);
  });

  it('misses every instruction when it means to', () => {
    const agreement = measureAgreement(TASKS, (task) => task.instructions.map(() => false));
    console.log(`all intents false: ${agreement.agreeing}/${agreement.instructions} instructions agree`);
    expectAgreement(agreement);
  });

  it('writes the same response for the same rng seed, and another for another seed', () => {
    const task = TASKS.find((t) => t.instructions.length >= 3)!;
    const compose = (seed: number): string =>
      composeResponse({ topic: task.topic, instructions: task.instructions, intents: [true, false, true, false], rng: createRng(seed) });
    expect(compose(5)).toBe(compose(5));
    expect(compose(5)).not.toBe(compose(6));
  });

  it('writes about the topic, and in the language asked for', () => {
    const english = composeResponse({ topic: 'old lighthouses', instructions: [], intents: [], rng: createRng(1) });
    expect(english).toContain('old lighthouses');
    const german = composeResponse({
      topic: 'old lighthouses',
      instructions: [{ id: 'language:response_language', kwargs: { language: 'de' } }],
      intents: [true],
      rng: createRng(1),
    });
    expect(german).toMatch(/\b(und|die|das|wir)\b/);
    expect(german).not.toContain('lighthouses');
  });

  it('misses counts by a small margin, as a near miss', () => {
    const bullets = (text: string): number => text.split('\n').filter((line) => line.startsWith('* ')).length;
    for (let seed = 0; seed < 20; seed++) {
      const missedBullets = composeResponse({
        topic: 'board games',
        instructions: [{ id: 'detectable_format:number_bullet_lists', kwargs: { num_bullets: 3 } }],
        intents: [false],
        rng: createRng(seed),
      });
      expect([2, 4]).toContain(bullets(missedBullets));
      const missedWords = composeResponse({
        topic: 'board games',
        instructions: [{ id: 'length_constraints:number_words', kwargs: { num_words: 200, relation: 'at least' } }],
        intents: [false],
        rng: createRng(seed),
      });
      expect(countWords(missedWords)).toBeGreaterThanOrEqual(160);
      expect(countWords(missedWords)).toBeLessThan(200);
    }
  });
});
