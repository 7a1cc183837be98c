/**
 * A check run by promptfoo's own assertion engine (`assertions.runAssertion`), so an
 * observation is what plain `promptfoo eval` reports for the same assertion on the same
 * answer. The test's `options.transform` is applied first, as promptfoo applies it.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Check } from './checks.js';
import type { PairItem } from './probe.js';

type TransformFunction = (output: unknown, context: { vars: Record<string, unknown>; prompt: { raw: string } }) => unknown;

/**
 * A test-level transform as promptfoo reads one: `file://path.js[:function]`, or inline
 * JavaScript (an expression, or a function body with `return`) of `output` and
 * `context`. It is the suite author's code from their own config, never model text.
 */
async function transformFunction(code: string): Promise<TransformFunction> {
  if (code.startsWith('file://')) {
    const [path, name] = code.slice('file://'.length).split(':');
    const module = (await import(pathToFileURL(resolve(path!)).href)) as Record<string, unknown>;
    const fn = name ? module[name] : (module.default ?? module);
    if (typeof fn !== 'function') throw new Error(`transform ${code}: no function${name ? ` named ${name}` : ''} exported`);
    return fn as TransformFunction;
  }
  const body = /\breturn\b/.test(code) ? code : `return (${code.trim()});`;
  return new Function('output', 'context', body) as TransformFunction;
}

/** The answer as the test's assertions see it: transformed as promptfoo would (`JSON.parse(output)` gives them an object). */
export async function gradedOutput(item: PairItem, answer: string): Promise<unknown> {
  if (!item.transform) return answer;
  return (await transformFunction(item.transform))(answer, { vars: item.vars, prompt: { raw: item.prompt } });
}

/** Whether the answer passes the check, by promptfoo's assertion engine. Throws when the engine cannot run it. */
export async function checkPasses(item: PairItem, check: Check, output: unknown): Promise<boolean> {
  const { assertions } = await import('promptfoo');
  const result = await assertions.runAssertion({
    prompt: item.prompt,
    assertion: check.assertion as Parameters<typeof assertions.runAssertion>[0]['assertion'],
    // The test's grader goes with it: without it, promptfoo would grade model-graded checks with its default (OpenAI) grader.
    test: { vars: item.vars as Record<string, string>, assert: [], ...(item.grader !== undefined ? { options: { provider: item.grader as string } } : {}) },
    providerResponse: { output: output as string | object },
  });
  return result.pass;
}
