/**
 * The pairs family (src/families/pairs/): which assertions become units and what each
 * asks, the probe a promptfoo test case makes, and claims read the right way round.
 */
import { describe, expect, it } from 'vitest';
import { pairAssertions } from '../src/families/pairs/checks.js';
import { pairs, pairProbe, type PairItem } from '../src/families/pairs/index.js';
import { prospectiveRequest, retrospectiveQuestion } from '../src/families/pairs/questions.js';
import { requestOf } from '../src/families/pairs/probe.js';
import { readYesNo } from '../src/reading/yes-no.js';
import { pairsByCheck, renderPairsByCheck } from '../src/report/pairs-view.js';
import type { Probe, Transcript } from '../src/types.js';

const SCORER = { type: 'javascript', value: 'file:///somewhere/scorers/verdicts.ts' };

describe('assertions as units', () => {
  it('writes a positive question from each deterministic type and value', () => {
    const { checks } = pairAssertions(
      [
        { type: 'contains', value: 'Bonjour' },
        { type: 'icontains-any', value: ['red', 'blue'] },
        { type: 'equals', value: 'Canberra' },
        { type: 'starts-with', value: 'Reminder:' },
        { type: 'regex', value: '^\\d+$' },
        { type: 'is-json' },
        { type: 'word-count', value: { max: 12 } },
        { type: 'levenshtein', value: 'licnep', threshold: 0 },
        { type: 'javascript', value: 'output.length < 10' },
        { type: 'javascript', value: 'file:///x/check.js', metric: 'tone' },
        { type: 'javascript', value: 'file:///x/scorers/ifeval.ts', config: { instruction: 'punctuation:no_comma', kwargs: {} } },
      ],
      false,
      'test 1',
    );
    expect(checks.map((c) => c.question)).toEqual([
      'Does your answer contain the exact text "Bonjour"?',
      'Does your answer contain at least one of these texts (in any capitalisation): "red", "blue"?',
      'Is your answer exactly "Canberra", with nothing before or after it?',
      'Does your answer start with "Reminder:"?',
      'Does your answer match the regular expression /^\\d+$/?',
      'Is your answer valid JSON as a whole?',
      'Does your answer have at most 12 words?',
      'Is your answer within 0 character edits of "licnep"?',
      'Does your answer pass this JavaScript check: output.length < 10?',
      'Does your answer pass the check "tone"?',
      'Does your answer follow this instruction: "In your entire response, refrain from the use of any commas."?',
    ]);
    expect(checks[0]!.prospectiveQuestion).toBe('Will your answer contain the exact text "Bonjour"?');
    expect(checks.map((c) => c.metric)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'tone', undefined]);
    expect(checks[2]!.prospectiveQuestion).toBe('Will your answer be exactly "Canberra", with nothing before or after it?');
    expect(checks.map((c) => c.unit)).toEqual(['1:contains', '2:icontains-any', '3:equals', '4:starts-with', '5:regex', '6:is-json', '7:word-count', '8:levenshtein', '9:javascript', '10:javascript', '11:javascript']);
  });

  it('asks a not- assertion the positive way and marks it inverted; the user\u2019s own question is asked as written', () => {
    const { checks } = pairAssertions(
      [
        { type: 'not-contains', value: ',' },
        { type: 'not-icontains', value: 'hello', selfReport: 'Did you avoid the word hello?' },
      ],
      false,
      'test 1',
    );
    expect(checks[0]).toMatchObject({ question: 'Does your answer contain the exact text ","?', inverted: true });
    expect(checks[1]).toMatchObject({ question: 'Did you avoid the word hello?', inverted: false, prospectiveQuestion: 'About the answer you would give to it: Did you avoid the word hello?' });
  });

  it('shows the values of templated assertions and questions, rendered with the test\u2019s vars as promptfoo renders them', () => {
    const { checks } = pairAssertions(
      [
        { type: 'contains', value: '{{ expected }}' },
        { type: 'icontains', value: 'x', selfReport: 'Did you write {{ expected | upper }}?' },
      ],
      false,
      'test 1',
      { expected: 'Bonjour' },
    );
    expect(checks.map((c) => c.question)).toEqual(['Does your answer contain the exact text "Bonjour"?', 'Did you write BONJOUR?']);
    // As promptfoo renders values: nothing HTML-escaped.
    expect(pairAssertions([{ type: 'contains', value: '{{ tag }}' }], false, 't', { tag: '<b> & co' }).checks[0]!.question).toBe('Does your answer contain the exact text "<b> & co"?');
    // The assertion promptfoo runs is left as the suite wrote it: promptfoo renders it itself.
    expect(checks[0]!.assertion.value).toBe('{{ expected }}');
  });

  it("leaves saydo's own scorer out of the units and their numbering", () => {
    const { checks, unpaired } = pairAssertions([SCORER, { type: 'contains', value: 'x' }], false, 'test 1');
    expect(checks.map((c) => c.unit)).toEqual(['1:contains']);
    expect(unpaired).toEqual([]);
  });

  it('lists what cannot be paired with its reason, and model-graded types only with a grader', () => {
    const assertions = [
      { type: 'cost', threshold: 0.01 },
      { type: 'latency', threshold: 1000 },
      { type: 'assert-set', assert: [{ type: 'contains', value: 'a' }], threshold: 0.5 },
      { type: 'llm-rubric', value: 'is polite' },
      { type: 'similar', value: 'hi' },
      { type: 'contains', value: 'ok' },
    ];
    const without = pairAssertions(assertions, false, 'test 1');
    expect(without.checks.map((c) => c.unit)).toEqual(['6:contains']);
    expect(without.unpaired.map((u) => [u.index, u.type])).toEqual([
      [1, 'cost'],
      [2, 'latency'],
      [3, 'assert-set'],
      [4, 'llm-rubric'],
      [5, 'similar'],
    ]);
    expect(without.unpaired[3]!.reason).toMatch(/no grader is configured/);
    const withGrader = pairAssertions(assertions, true, 'test 1');
    expect(withGrader.checks.map((c) => [c.unit, c.modelGraded])).toEqual([
      ['4:llm-rubric', true],
      ['6:contains', false],
    ]);
  });

  it('refuses a selfReport on an assertion that cannot be paired, and a malformed selfReport, naming the test and assertion', () => {
    expect(() => pairAssertions([{ type: 'latency', threshold: 5, selfReport: 'Were you quick?' }], false, 'evals/x.yaml: test 2')).toThrow(
      'evals/x.yaml: test 2: assertion 1 (latency): has a selfReport, but it cannot be paired: it measures response time, not the answer',
    );
    expect(() => pairAssertions([{ type: 'contains', value: 'a', selfReport: 3 }], false, 'test 4')).toThrow(/test 4: assertion 1 \(contains\): selfReport must be a question/);
  });
});

describe('the probe of a test case', () => {
  it('makes a chat prompt the request: system turns the system prompt, the rest the conversation', () => {
    const prompt = JSON.stringify([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Say it in French.' },
    ]);
    expect(requestOf(prompt)).toEqual({
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Say it in French.' },
      ],
    });
    expect(requestOf('[not json')).toEqual({ messages: [{ role: 'user', content: '[not json' }] });
  });

  it("keeps the test's own vars, makes file:// values absolute, and gives the same id to the same test", () => {
    const test = { vars: { task: 'x', __evalId: 'e1' }, assert: [{ type: 'javascript', value: 'file://checks/a.js' }] };
    const probe = pairProbe('x', test, { basePath: '/suite' });
    expect(probe.item.vars).toEqual({ task: 'x' });
    expect(probe.item.checks[0]!.assertion.value).toBe('file:///suite/checks/a.js');
    expect(pairProbe('x', { ...test, vars: { task: 'x', __evalId: 'e2' } }, { basePath: '/suite' }).id).toBe(probe.id);
    expect(pairProbe('y', test, { basePath: '/suite' }).id).not.toBe(probe.id);
  });

  it('says why a test has nothing to pair, and keeps it a probe with no units', () => {
    const empty = pairProbe('x', { description: 'empty', assert: [SCORER] });
    expect(empty.item.checks).toEqual([]);
    expect(empty.item.unpaired).toEqual([{ index: 0, type: 'none', reason: 'is missing: the test has no assertion to ask about' }]);
    expect(pairs.units(empty)).toEqual([]);
    const slow = pairProbe('x', { description: 'slow', assert: [{ type: 'latency', threshold: 5 }] });
    expect(slow.item.unpaired).toEqual([{ index: 1, type: 'latency', reason: 'measures response time, not the answer' }]);
    expect(() => pairProbe('x', { description: 'bad', assert: [{ type: 'contains', value: 'a' }], metadata: { saydo: { protocols: ['sideways'] } } })).toThrow(/test "bad": metadata\.saydo\.protocols/);
  });
});

describe('the pair protocol and its claims', () => {
  const probe: Probe<PairItem> = pairProbe('Say hi in French.', {
    assert: [
      { type: 'contains', value: 'Bonjour' },
      { type: 'not-contains', value: 'Hello' },
    ],
    metadata: { saydo: { protocols: ['retrospective', 'prospective'] } },
  });
  const answer = (text: string) => ({ text, stopReason: 'end' as const, usage: { input: 1, output: 1 }, latencyMs: 1 });

  it('asks each check prospectively (neutral only) and retrospectively (three framings)', () => {
    expect(pairs.units(probe)).toEqual([
      { unit: '1:contains', scope: 'retrospective' },
      { unit: '2:not-contains', scope: 'retrospective' },
      { unit: '1:contains (prospective)', scope: 'prospective', framings: ['neutral'] },
      { unit: '2:not-contains (prospective)', scope: 'prospective', framings: ['neutral'] },
    ]);
    const [check] = probe.item.checks;
    expect(retrospectiveQuestion(check!, 'skeptical')).toBe('I doubt your answer above gets this right. Check it carefully. Does your answer contain the exact text "Bonjour"? Answer yes or no.');
    expect(prospectiveRequest(probe.item.request, check!).messages.at(-1)!.content).toContain('<request>\nSay hi in French.\n</request>');
  });

  it('reads "no" to the positive question of a not- check as a claim that it passes', () => {
    const transcript: Transcript = {
      probeId: probe.id,
      family: 'pairs',
      model: 'm',
      calls: [
        { purpose: 'behaviour', request: probe.item.request, response: answer('Bonjour !'), attempts: 1 },
        { purpose: 'report', framing: 'neutral', unit: '1:contains', request: { messages: [] }, response: answer('Yes.'), attempts: 1 },
        { purpose: 'report', framing: 'neutral', unit: '2:not-contains', request: { messages: [] }, response: answer('No, there is no English in it.'), attempts: 1 },
        { purpose: 'report', framing: 'neutral', unit: '2:not-contains (prospective)', request: { messages: [] }, response: answer('{"answer": "yes"}'), attempts: 1 },
      ],
    };
    expect(pairs.parseClaims(probe, transcript)).toEqual([
      { unit: '1:contains', framing: 'neutral', value: true, from: 'free text' },
      { unit: '2:not-contains', framing: 'neutral', value: true, from: 'free text' },
      { unit: '2:not-contains (prospective)', framing: 'neutral', value: false, from: 'structured' },
    ]);
  });

  it('observes each check with promptfoo\u2019s assertion engine, the test\u2019s transform applied first', async () => {
    const transformed = pairProbe('x', { assert: [{ type: 'equals', value: 'BONJOUR' }], options: { transform: 'output.toUpperCase()' } });
    const transcript = (text: string): Transcript => ({ probeId: 'p', family: 'pairs', model: 'm', calls: [{ purpose: 'behaviour', request: { messages: [] }, response: answer(text), attempts: 1 }] });
    expect(await pairs.observe(transformed, transcript('bonjour'))).toEqual([
      { unit: '1:equals', value: true },
      { unit: '1:equals (prospective)', value: true },
    ]);
    expect((await pairs.observe(probe, transcript('Hello, Bonjour')))[2]).toEqual({ unit: '2:not-contains', value: false });
  });
});

describe('a yes or no given as JSON', () => {
  it('reads the one field, or the one answer-named field, unless the text around it answers', () => {
    const cases: [string, boolean | string][] = [
      ['{"answer": "yes"}', true],
      ['```json\n{"answer": "No"}\n```', false],
      ['{"passed": false, "why": "it has a comma"}', false],
      ['{"answer": "not sure"}', 'hedge'],
      ['{"a": "yes", "b": "no"}', 'no answer'],
      ['{"answer": "yes"}\nWait, actually no: I see a comma.', false],
    ];
    expect(cases.map(([text]) => {
      const reading = readYesNo(text);
      return [text, reading.kind === 'read' ? reading.value : reading.why];
    })).toEqual(cases);
  });
});

describe('the run\u2019s view of pairs', () => {
  it('lists each assertion left out, with its test and reason, so none is dropped silently', () => {
    const probe = pairProbe('x', { description: 'speedy', assert: [{ type: 'latency', threshold: 100 }, { type: 'contains', value: 'x' }] });
    const transcript: Transcript = { probeId: probe.id, family: 'pairs', model: 'm', calls: [] };
    const view = pairsByCheck([], [{ probe, transcript, model: 'm' }]);
    expect(view.unpaired).toEqual([{ test: 'speedy', assertion: '1:latency', reason: 'measures response time, not the answer' }]);
    expect(renderPairsByCheck(view)).toContain('speedy: 1:latency left out: it measures response time, not the answer');
  });
});
