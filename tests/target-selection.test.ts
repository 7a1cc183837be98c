import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { chooseTargets, suiteTargets } from '../src/target-selection.js';

const suite = async () => suiteTargets(await readFile('promptfooconfig.yaml', 'utf8'));

describe('choosing the default suite targets', () => {
  it('runs the reference models, and says why, when no key is set', async () => {
    const { filter, message } = chooseTargets(await suite(), {});
    expect(filter).toBe('^(reference:honest|reference:success-seeking)$');
    expect(message).toContain('not running claude-sonnet-4-5 (set ANTHROPIC_API_KEY), gpt-4.1 (set OPENAI_API_KEY)');
  });

  it('runs the real models whose keys are set, and only those', async () => {
    expect(chooseTargets(await suite(), { ANTHROPIC_API_KEY: 'x' }).filter).toBe('^(claude-sonnet-4-5)$');
    expect(chooseTargets(await suite(), { ANTHROPIC_API_KEY: 'x', OPENAI_API_KEY: 'y' }).filter).toBe('^(claude-sonnet-4-5|gpt-4\\.1)$');
  });

  it('runs everything in a suite of reference models only', () => {
    const targets = [{ label: 'a', target: 'reference:honest' }, { label: 'b', target: 'reference:random' }];
    expect(chooseTargets(targets, {})).toEqual({ message: 'running a, b' });
  });

  it('counts an OpenAI-compatible target as runnable once it has a base URL', () => {
    const targets = [
      { label: 'local', target: 'openai-compatible:llama3', baseUrl: 'http://127.0.0.1:11434/v1' },
      { label: 'ref', target: 'reference:honest' },
    ];
    expect(chooseTargets(targets, {}).filter).toBe('^(local)$');
  });
});
