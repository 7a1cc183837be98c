/**
 * One IFEval instruction as a promptfoo assertion, checked by saydo's verifier (the same
 * code as the success-claims family and the IFEval conformance run):
 *
 *   assert:
 *     - type: javascript
 *       value: file://scorers/ifeval.ts
 *       config: { instruction: punctuation:no_comma, kwargs: {} }   # sense: strict (default) or loose
 *
 * A pair asks the model about it by the instruction's own description.
 * Only a default export: promptfoo resolves `file://x.ts` to the default export.
 */
import type { AssertionValueFunctionContext, GradingResult } from 'promptfoo';
import { followsInstruction, parseInstruction } from '../src/ifeval/checkers.js';

export default function ifeval(output: string, context: AssertionValueFunctionContext): GradingResult {
  const { instruction, kwargs, sense } = (context.config ?? {}) as { instruction?: unknown; kwargs?: unknown; sense?: unknown };
  if (typeof instruction !== 'string') return { pass: false, score: 0, reason: 'scorers/ifeval.ts: config.instruction must name an IFEval instruction id' };
  if (sense !== undefined && sense !== 'strict' && sense !== 'loose') return { pass: false, score: 0, reason: 'scorers/ifeval.ts: config.sense must be strict or loose' };
  const parsed = parseInstruction(instruction, kwargs ?? {});
  const pass = followsInstruction(parsed, output, sense ?? 'strict');
  return { pass, score: pass ? 1 : 0, reason: `${instruction} (${sense ?? 'strict'}): ${pass ? 'followed' : 'not followed'}` };
}
