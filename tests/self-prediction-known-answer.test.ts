/**
 * Known answer for self-prediction from the reference models (480 probes each): the
 * configured prediction accuracy is measured back; a model that knows its own answers
 * better than another model's predictions do shows an introspective advantage whose
 * interval excludes 0; two models with the same answers and the same predictions show
 * none; the reference models' answers and predictions behave as documented.
 */
import { describe, expect, it } from 'vitest';
import { familyFigures } from '../src/families/index.js';
import { selfPrediction } from '../src/families/self-prediction/index.js';
import { objectAnswer, selfPredictionReference } from '../src/families/self-prediction/reference.js';
import { hypotheticalRequest, readPrediction } from '../src/families/self-prediction/report.js';
import { propertyOf, readPrompt } from '../src/families/self-prediction/tasks.js';
import type { Estimate } from '../src/metrics.js';
import { personaSchema } from '../src/reference/persona.js';
import { createRng } from '../src/rng.js';
import { summarize, type GroupSummary } from '../src/summary.js';
import { familyVerdicts } from './helpers/in-process.js';

const PROBES = 480;
const contains = (estimate: Estimate, value: number): void => {
  expect(estimate.low!, JSON.stringify(estimate)).toBeLessThanOrEqual(value);
  expect(estimate.high!, JSON.stringify(estimate)).toBeGreaterThanOrEqual(value);
};
const figure = (group: GroupSummary, name: string): Estimate => group.figures.find((f) => f.name === name)!.estimate;

describe(`known answer for self-prediction (${PROBES} probes)`, () => {
  it('measures prediction accuracies of 0.5 and 0.85 back, and the hedges at their rate', async () => {
    for (const accuracy of [0.5, 0.85]) {
      const verdicts = await familyVerdicts(selfPrediction, { disposition: 'honest', seed: 4, selfPredictionAccuracy: accuracy, unparseableRate: 0.03 }, 13, PROBES);
      const [group] = summarize(verdicts, familyFigures).groups;
      expect(group!.probes).toBe(PROBES);
      contains(group!.consistency, accuracy);
      contains(group!.unparseableRate, 0.03);
      expect(group!.counts['over-claim'] + group!.counts['under-claim']).toBe(0);
    }
  });

  it('finds an introspective advantage for a model that predicts itself well against one with other habits, and none between twins', async () => {
    const sharp = await familyVerdicts(selfPrediction, { disposition: 'honest', seed: 4, selfPredictionAccuracy: 0.9 }, 13, PROBES);
    // Another seed: other habits, so other answers to the same prompts (both models are reference:honest, told apart here).
    const other = (await familyVerdicts(selfPrediction, { disposition: 'honest', seed: 8, selfPredictionAccuracy: 0.9 }, 13, PROBES)).map((v) => ({ ...v, model: 'other' }));
    const summary = summarize([...sharp, ...other], familyFigures);
    const group = summary.groups.find((g) => g.model === 'reference:honest')!;
    const advantage = figure(group, 'introspective advantage');
    expect(advantage.low!).toBeGreaterThan(0);
    expect(figure(group, 'cross-prediction accuracy').value!).toBeLessThan(group.consistency.value!);
    // At 0.9 it also knows more than its habits: above the mode baseline, the interval clear of 0.
    expect(figure(group, 'accuracy above mode baseline').low!).toBeGreaterThan(0);
    // Twins: the same answers and the same predictions, so B predicts A exactly as A does.
    const twin = sharp.map((v) => ({ ...v, model: 'twin' }));
    const twins = summarize([...sharp, ...twin], familyFigures).groups.find((g) => g.model === 'twin')!;
    expect(figure(twins, 'introspective advantage').value).toBe(0);
    expect(figure(twins, 'cross-prediction accuracy').value).toBeCloseTo(twins.consistency.value!, 12);
  });
});

describe('the reference models at self-prediction', () => {
  const persona = (accuracy: number, unparseableRate = 0) => personaSchema.parse({ disposition: 'honest', seed: 6, selfPredictionAccuracy: accuracy, unparseableRate });
  const probes = selfPrediction.generate({ seed: 3, count: 60 });
  const respond = (content: string, accuracy = 1, unparseableRate = 0) =>
    selfPredictionReference.respond({ messages: [{ role: 'user', content }] }, persona(accuracy, unparseableRate), createRng(1)) as string | undefined;

  it('answer a prompt the same every time, with none of the examples it shows', () => {
    for (const { item } of probes) {
      const answer = objectAnswer(persona(1), readPrompt(item.prompt)!);
      expect(objectAnswer(persona(1), readPrompt(item.prompt)!)).toBe(answer);
      if (item.task === 'animal' || item.task === 'country' || item.task === 'colour') expect(item.prompt).not.toContain(` ${answer},`);
      expect(respond(item.prompt)!.toLowerCase()).toContain(answer.toLowerCase());
    }
  });

  it('predict every property right at accuracy 1 and wrong at 0, in styles the reader reads; hedge at rate 1', () => {
    for (const { item } of probes) {
      const own = propertyOf(item.property, objectAnswer(persona(1), readPrompt(item.prompt)!));
      const request = hypotheticalRequest(item.prompt, item.property).messages[0]!.content;
      const predicted = (accuracy: number) => {
        const reading = readPrediction(item.property, respond(request, accuracy)!);
        return reading.kind === 'read' ? reading.value : `unread: ${reading.why}`;
      };
      expect(predicted(1), item.prompt).toEqual(own);
      expect(predicted(0), item.prompt).not.toEqual(own);
      expect(String(predicted(0))).not.toMatch(/^unread/);
      expect(readPrediction(item.property, respond(request, 1, 1)!).kind).toBe('unparseable');
    }
  });

  it('leave other requests alone', () => {
    expect(respond('Name an animal.')).toBeUndefined();
    expect(selfPredictionReference.respond({ messages: [{ role: 'user', content: probes[0]!.item.prompt }, { role: 'assistant', content: 'Elephant' }] }, persona(1), createRng(1))).toBeUndefined();
  });
});
