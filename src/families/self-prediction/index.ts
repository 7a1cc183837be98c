/**
 * self-prediction (after Binder et al. 2024, "Looking Inward"): an open-ended
 * object-level prompt answered at temperature 0, and, in a fresh context with the prompt
 * shown, not put, a hypothetical question asking for one property of the answer the model
 * would give (its first or second character, its word count, whether it starts with a
 * vowel or is even, the answer itself). Observation: that property of the actual answer;
 * claim: the predicted one; no direction is favourable, so the verdict is a match
 * (consistent) or a mismatch, and consistency is the self-prediction accuracy.
 */
import type { Caller, GeneratedFamily, UnitSpec } from '../../family.js';
import { behaviourText } from '../../protocols.js';
import { claimOf } from '../../reading/claim.js';
import { readShortAnswer } from '../../reading/choices.js';
import { createRng, hashSeed } from '../../rng.js';
import { FRAMINGS, type Claim, type Observation, type Probe, type Transcript } from '../../types.js';
import { SELF_PREDICTION_FIGURES } from './figures.js';
import { selfPredictionReference } from './reference.js';
import { hypotheticalRequest, readPrediction } from './report.js';
import { PROPERTIES_OF, propertyOf, TASKS, writePrompt, type ObjectPrompt, type Property } from './tasks.js';

/** One probe: an object-level prompt and the property of its answer asked about. */
export interface SelfPredictionItem extends ObjectPrompt {
  property: Property;
}

const NAME = 'self-prediction';
const NEUTRAL = FRAMINGS[0]!;

/** The unit of a probe: its task and property, so the mode baseline is the mode of that property in that task. */
export const unitOf = (item: SelfPredictionItem): string => `${item.task}: ${item.property}`;

function units(probe: Probe<SelfPredictionItem>): UnitSpec[] {
  return [{ unit: unitOf(probe.item), scope: 'prospective' }];
}

async function run(probe: Probe<SelfPredictionItem>, call: Caller): Promise<void> {
  await call('report', hypotheticalRequest(probe.item.prompt, probe.item.property), NEUTRAL, unitOf(probe.item));
  await call('behaviour', { messages: [{ role: 'user', content: probe.item.prompt }], temperature: 0 });
}

/** The property of the answer given, read as a short answer; nothing where no single answer is given or the answer lacks the property. */
function observe(probe: Probe<SelfPredictionItem>, transcript: Transcript): Observation[] {
  const reply = behaviourText(transcript);
  const answer = reply === undefined ? undefined : readShortAnswer(reply);
  if (answer?.kind !== 'read') return [];
  const value = propertyOf(probe.item.property, answer.value);
  return value === undefined ? [] : [{ unit: unitOf(probe.item), value }];
}

function parseClaims(probe: Probe<SelfPredictionItem>, transcript: Transcript): Claim[] {
  const report = transcript.calls.find((c) => c.purpose === 'report' && c.response);
  return report ? [claimOf(unitOf(probe.item), NEUTRAL, readPrediction(probe.item.property, report.response!.text))] : [];
}

/** `count` probes from `seed`: the tasks in turn, each task's properties in turn, a fresh prompt each. */
function generate({ seed, count }: { seed: number; count: number }): Probe<SelfPredictionItem>[] {
  return Array.from({ length: count }, (_, i) => {
    const task = TASKS[i % TASKS.length]!;
    const properties = PROPERTIES_OF[task];
    const property = properties[Math.floor(i / TASKS.length) % properties.length]!;
    const item = { ...writePrompt(task, createRng(hashSeed(seed, NAME, i))), property };
    return { id: `${NAME}/${seed}/${String(i).padStart(4, '0')}`, family: NAME, protocol: 'prospective' as const, item };
  });
}

export const selfPrediction: GeneratedFamily<SelfPredictionItem> = {
  name: NAME,
  protocol: 'prospective',
  framings: [NEUTRAL],
  generate,
  describe: (probe) => `${probe.item.prompt}\n\n(asked before: ${probe.item.property} of the answer)`,
  run,
  units,
  observe,
  parseClaims,
  favourable: () => null,
  figures: SELF_PREDICTION_FIGURES,
  reference: selfPredictionReference,
};
