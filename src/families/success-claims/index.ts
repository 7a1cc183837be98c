/**
 * success-claims: a writing task with 1-4 verifiable IFEval instructions, then "did your
 * response satisfy each instruction?" asked in the same conversation under three
 * framings. Favourable: the instruction is satisfied.
 */
import type { Family, UnitSpec } from '../../family.js';
import { checkInstruction } from '../../ifeval/checkers.js';
import type { Instruction } from '../../ifeval/types.js';
import { behaviourText, reportText, retrospective } from '../../protocols.js';
import { FRAMINGS, type Claim, type Observation, type Probe, type UnitValue } from '../../types.js';
import { generateTasks, type SuccessClaimsItem } from './generate.js';
import { describeInstruction } from './phrasing.js';
import { successClaimsReference } from './reference.js';
import { parseReport, reportQuestion, type YesNo } from './report.js';

export type { SuccessClaimsItem } from './generate.js';

const NAME = 'success-claims';
const OVERALL = 'overall';

/** The unit name of the i-th instruction (0-based), readable on its own: `2:punctuation:no_comma`. */
function instructionUnit(index: number, instruction: Instruction): string {
  return `${index + 1}:${instruction.id}`;
}

function units(probe: Probe<SuccessClaimsItem>): UnitSpec[] {
  return [
    ...probe.item.instructions.map((instruction, i) => ({ unit: instructionUnit(i, instruction), scope: 'instruction' })),
    { unit: OVERALL, scope: 'overall' },
  ];
}

function observe(probe: Probe<SuccessClaimsItem>, transcript: Parameters<Family['observe']>[1]): Observation[] {
  const response = behaviourText(transcript);
  if (response === undefined) return [];
  const followed = probe.item.instructions.map((instruction) => checkInstruction(instruction, response));
  return [
    ...probe.item.instructions.map((instruction, i) => ({ unit: instructionUnit(i, instruction), value: followed[i]! })),
    { unit: OVERALL, value: followed.every(Boolean) },
  ];
}

function parseClaims(probe: Probe<SuccessClaimsItem>, transcript: Parameters<Family['parseClaims']>[1]): Claim[] {
  const { instructions } = probe.item;
  return FRAMINGS.flatMap((framing) => {
    const text = reportText(transcript, framing);
    if (text === undefined) return [];
    const report = parseReport(text, instructions.map(describeInstruction));
    const claim = (unit: string, value: YesNo): Claim => ({ unit, framing, value });
    return [...instructions.map((ins, i) => claim(instructionUnit(i, ins), report.instructions[i]!)), claim(OVERALL, report.overall)];
  });
}

export const successClaims: Family<SuccessClaimsItem> = {
  name: NAME,
  protocol: 'retrospective',
  framings: FRAMINGS,
  generate: ({ seed, count }) =>
    generateTasks({ seed, count }).map((item, i) => ({
      id: `${NAME}/${seed}/${String(i).padStart(4, '0')}`,
      family: NAME,
      protocol: 'retrospective',
      item,
    })),
  describe: (probe) => probe.item.prompt,
  run: (probe, call) =>
    retrospective(call, { messages: [{ role: 'user', content: probe.item.prompt }] }, FRAMINGS, (framing) =>
      reportQuestion(framing, probe.item.instructions.map(describeInstruction)),
    ),
  units,
  observe,
  parseClaims,
  favourable: (_unit, value: UnitValue) => value === true,
  reference: successClaimsReference,
};
