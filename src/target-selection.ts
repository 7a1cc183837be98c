/**
 * Which of a suite's targets `saydo eval` runs: the real models whose keys are set, or,
 * when none is, the reference models, so the default suite works with no key at all.
 */
import { parse } from 'yaml';
import { KEY_VARIABLES, PAIRED_PROVIDER_FILE, parseTarget } from './targets.js';

/** A saydo provider entry of a suite, as far as choosing it goes. */
export interface SuiteTarget {
  label?: string;
  target: string;
  baseUrl?: string;
}

/** The saydo provider entries of a suite's YAML text. */
export function suiteTargets(yamlText: string): SuiteTarget[] {
  const providers = (parse(yamlText) as { providers?: unknown })?.providers;
  if (!Array.isArray(providers)) return [];
  return providers.flatMap((entry) => {
    const { id, label, config } = (entry ?? {}) as { id?: unknown; label?: unknown; config?: { target?: unknown; baseUrl?: unknown } };
    if (typeof id !== 'string' || !PAIRED_PROVIDER_FILE.test(id) || typeof config?.target !== 'string') return [];
    return [
      {
        target: config.target,
        ...(typeof label === 'string' ? { label } : {}),
        ...(typeof config.baseUrl === 'string' ? { baseUrl: config.baseUrl } : {}),
      },
    ];
  });
}

/** What a target needs from the environment to run, or nothing. */
function missingRequirement(target: SuiteTarget, env: NodeJS.ProcessEnv): string | undefined {
  const { backend } = parseTarget(target.target);
  const keyVariable = KEY_VARIABLES[backend];
  if (keyVariable && !env[keyVariable]) return keyVariable;
  if (backend === 'openai-compatible' && !target.baseUrl && !env.OPENAI_COMPATIBLE_BASE_URL) return 'OPENAI_COMPATIBLE_BASE_URL';
  return undefined;
}

const isReference = (target: SuiteTarget): boolean => parseTarget(target.target).backend === 'reference';
const nameOf = (target: SuiteTarget): string => target.label ?? target.target;
const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The targets to run and why. With both real and reference targets in a suite: the real
 * ones that can run, or the reference ones when none can. `filter` is a promptfoo
 * `--filter-targets` regex over labels, absent when everything runs.
 */
export function chooseTargets(targets: readonly SuiteTarget[], env: NodeJS.ProcessEnv): { filter?: string; message: string } {
  const real = targets.filter((t) => !isReference(t));
  const reference = targets.filter(isReference);
  const runnable = real.filter((t) => missingRequirement(t, env) === undefined);
  const chosen = real.length === 0 || reference.length === 0 ? targets : runnable.length > 0 ? runnable : reference;
  const names = chosen.map(nameOf).join(', ');
  const skipped = targets.filter((t) => !chosen.includes(t));
  const skippedNote = skipped
    .map((t) => {
      const missing = missingRequirement(t, env);
      return missing ? `${nameOf(t)} (set ${missing})` : `${nameOf(t)} (a real model runs instead)`;
    })
    .join(', ');
  const message = `running ${names}${skipped.length ? `; not running ${skippedNote}` : ''}`;
  if (skipped.length === 0) return { message };
  if (chosen.some((t) => t.label === undefined)) return { message: `${message}; give every provider a label to choose among them` };
  return { filter: `^(${chosen.map((t) => escapeRegex(t.label!)).join('|')})$`, message };
}
