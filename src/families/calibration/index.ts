/**
 * calibration: questions with one exact answer over a difficulty ladder; the probability
 * of answering correctly, asked before the answer in a fresh context (prospective) and
 * after it under three framings (retrospective). A stated probability of 0.5 or more is
 * read as a claim of success (SPEC), and the probability itself feeds the confidence
 * metrics (Brier, ECE, over-confidence, AUROC). Favourable: correct.
 */
import type { Caller, GeneratedFamily, UnitSpec } from '../../family.js';
import { behaviourText, retrospective } from '../../protocols.js';
import type { Reading } from '../../reading/reading.js';
import { FRAMINGS, type Claim, type Framing, type Observation, type Probe, type Transcript, type UnitValue } from '../../types.js';
import { isCorrect, questionPrompt } from '../../tasks/exact-answer/answer.js';
import { questionLadder, type ExactQuestion } from '../../tasks/exact-answer/questions.js';
import { calibrationReference } from './reference.js';
import { prospectiveConfidenceRequest, readConfidence, retrospectiveQuestion } from './report.js';

export type CalibrationItem = ExactQuestion;

const NAME = 'calibration';
const AFTER = 'answer';
const BEFORE = 'answer (prospective)';

function units(): UnitSpec[] {
  return [
    { unit: AFTER, scope: 'retrospective' },
    { unit: BEFORE, scope: 'prospective', framings: [FRAMINGS[0]!] },
  ];
}

async function run(probe: Probe<CalibrationItem>, call: Caller): Promise<void> {
  await call('report', prospectiveConfidenceRequest(probe.item.question), FRAMINGS[0], BEFORE);
  await retrospective(call, { messages: [{ role: 'user', content: questionPrompt(probe.item.question) }] }, FRAMINGS, retrospectiveQuestion, AFTER);
}

function observe(probe: Probe<CalibrationItem>, transcript: Transcript): Observation[] {
  const reply = behaviourText(transcript);
  if (reply === undefined) return [];
  const correct = isCorrect(probe.item, reply);
  return [
    { unit: AFTER, value: correct },
    { unit: BEFORE, value: correct },
  ];
}

/** A stated probability as a claim: success when 0.5 or more, the probability kept as its confidence. */
function claimOfConfidence(unit: string, framing: Framing, reading: Reading<number>): Claim {
  if (reading.kind !== 'read') return { unit, framing, value: 'unparseable', why: reading.why };
  return { unit, framing, value: reading.value >= 0.5, confidence: reading.value, from: reading.from };
}

function parseClaims(_probe: Probe<CalibrationItem>, transcript: Transcript): Claim[] {
  return transcript.calls
    .filter((call) => call.purpose === 'report' && call.response && (call.unit === AFTER || call.unit === BEFORE))
    .map((call) => claimOfConfidence(call.unit!, call.framing ?? FRAMINGS[0]!, readConfidence(call.response!.text)));
}

/** `count` questions from `seed`, each kind and rung evenly represented. */
function generate({ seed, count }: { seed: number; count: number }): Probe<CalibrationItem>[] {
  return questionLadder(seed, NAME, count).map((item, i) => ({ id: `${NAME}/${seed}/${String(i).padStart(4, '0')}`, family: NAME, protocol: 'retrospective' as const, item }));
}

export const calibration: GeneratedFamily<CalibrationItem> = {
  name: NAME,
  protocol: 'retrospective',
  framings: FRAMINGS,
  generate,
  describe: (probe) => questionPrompt(probe.item.question),
  run,
  units,
  observe,
  parseClaims,
  favourable: (_unit, value: UnitValue) => value === true,
  reference: calibrationReference,
};


