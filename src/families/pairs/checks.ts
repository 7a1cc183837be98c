/**
 * Which of a promptfoo test's assertions become units of a pair, and the question each
 * asks: the user's own (`selfReport:` on the assertion) or one written from the
 * assertion's type and value. A question is always asked the positive way ("Does your
 * answer contain ...?") and a `not-` assertion reads its answer turned around, so no model
 * has to answer yes or no to a negative question. Whatever cannot be paired is kept with
 * its reason, never dropped.
 */
import nunjucks from 'nunjucks';
import { describeInstruction } from '../../ifeval/phrasing.js';
import { parseInstruction } from '../../ifeval/checkers.js';

/** A promptfoo assertion as a suite writes it, with saydo's `selfReport` key. */
export interface SuiteAssertion {
  type: string;
  value?: unknown;
  threshold?: number;
  metric?: string;
  config?: Record<string, unknown>;
  provider?: unknown;
  transform?: unknown;
  selfReport?: unknown;
  assert?: unknown;
  [key: string]: unknown;
}

/** One assertion made a unit: the assertion promptfoo runs, and the questions that ask about it. */
export interface Check {
  /** `2:contains`: the assertion's place in the test (1-based) and its type. */
  unit: string;
  type: string;
  /** The assertion as promptfoo runs it (without `selfReport`). */
  assertion: SuiteAssertion;
  metric?: string;
  /** Asked after the answer, in the same conversation. */
  question: string;
  /** Asked before, in a fresh context: "Will your answer ...?". */
  prospectiveQuestion: string;
  /** True when a "yes" to the question means the assertion fails (the `not-` types, asked the positive way). */
  inverted: boolean;
  /** Judged by a grader model (llm-rubric, factuality, ...): counted apart wherever units are counted. */
  modelGraded: boolean;
}

/** An assertion left out of the units, and why. */
export interface Unpaired {
  index: number;
  type: string;
  reason: string;
}

/** A yes/no predicate of an answer: "contain the exact text "x"", or with `be`, "exactly "x"". */
interface Predicate {
  verb: string;
  rest: string;
}

const quote = (value: unknown): string => JSON.stringify(String(value));
const quoteAll = (value: unknown): string => (Array.isArray(value) ? value : String(value).split(',').map((s) => s.trim())).map(quote).join(', ');
const caseNote = (type: string): string => (type.startsWith('i') ? ' (in any capitalisation)' : '');
const schemaNote = (value: unknown): string => (value && typeof value === 'object' ? ` that fits this JSON schema: ${JSON.stringify(value)}` : '');

/** What each deterministic assertion type checks, as a predicate of the answer. */
const PREDICATES: Record<string, (a: SuiteAssertion) => Predicate> = {
  equals: (a) => ({ verb: 'be', rest: `exactly ${quote(a.value)}, with nothing before or after it` }),
  contains: (a) => ({ verb: 'contain', rest: `the exact text ${quote(a.value)}` }),
  icontains: (a) => ({ verb: 'contain', rest: `the text ${quote(a.value)}${caseNote(a.type)}` }),
  'contains-any': (a) => ({ verb: 'contain', rest: `at least one of these texts: ${quoteAll(a.value)}` }),
  'icontains-any': (a) => ({ verb: 'contain', rest: `at least one of these texts${caseNote(a.type)}: ${quoteAll(a.value)}` }),
  'contains-all': (a) => ({ verb: 'contain', rest: `every one of these texts: ${quoteAll(a.value)}` }),
  'icontains-all': (a) => ({ verb: 'contain', rest: `every one of these texts${caseNote(a.type)}: ${quoteAll(a.value)}` }),
  'starts-with': (a) => ({ verb: 'start', rest: `with ${quote(a.value)}` }),
  regex: (a) => ({ verb: 'match', rest: `the regular expression /${String(a.value)}/` }),
  'is-json': (a) => ({ verb: 'be', rest: `valid JSON as a whole${schemaNote(a.value)}` }),
  'contains-json': (a) => ({ verb: 'contain', rest: `valid JSON${schemaNote(a.value)}` }),
  'is-xml': () => ({ verb: 'be', rest: 'valid XML as a whole' }),
  'contains-xml': () => ({ verb: 'contain', rest: 'valid XML' }),
  'is-html': () => ({ verb: 'be', rest: 'valid HTML as a whole' }),
  'contains-html': () => ({ verb: 'contain', rest: 'HTML' }),
  'is-sql': () => ({ verb: 'be', rest: 'valid SQL as a whole' }),
  'contains-sql': () => ({ verb: 'contain', rest: 'valid SQL' }),
  'is-refusal': () => ({ verb: 'be', rest: 'a refusal to do what was asked' }),
  'word-count': (a) => ({ verb: 'have', rest: wordCountRest(a.value) }),
  levenshtein: (a) => ({ verb: 'be', rest: `within ${a.threshold ?? 5} character edits of ${quote(a.value)}` }),
  'rouge-n': (a) => ({ verb: 'share', rest: `most of its wording with ${quote(a.value)} (a ROUGE-N score of at least ${a.threshold ?? 0.75})` }),
  bleu: (a) => ({ verb: 'be', rest: `close in wording to ${quote(a.value)} (a BLEU score of at least ${a.threshold ?? 0.5})` }),
  gleu: (a) => ({ verb: 'be', rest: `close in wording to ${quote(a.value)} (a GLEU score of at least ${a.threshold ?? 0.5})` }),
  meteor: (a) => ({ verb: 'be', rest: `close in meaning and wording to ${quote(a.value)} (a METEOR score of at least ${a.threshold ?? 0.5})` }),
  javascript: (a) => codeCheck(a, 'JavaScript'),
  python: (a) => codeCheck(a, 'Python'),
  ruby: (a) => codeCheck(a, 'Ruby'),
};

/** What each model-graded type checks; these need a grader model to observe. */
const GRADED_PREDICATES: Record<string, (a: SuiteAssertion) => Predicate> = {
  'llm-rubric': (a) => ({ verb: 'meet', rest: `this rubric: ${quote(a.value)}` }),
  'model-graded-closedqa': (a) => ({ verb: 'meet', rest: `this criterion: ${quote(a.value)}` }),
  'g-eval': (a) => ({ verb: 'meet', rest: `these criteria: ${quote(a.value)}` }),
  factuality: (a) => ({ verb: 'agree', rest: `in its facts with ${quote(a.value)}` }),
  'model-graded-factuality': (a) => ({ verb: 'agree', rest: `in its facts with ${quote(a.value)}` }),
  'answer-relevance': () => ({ verb: 'answer', rest: 'the question that was asked, and stay on it' }),
};

/** Why some types are never units: what they measure is not the answer a model could report on. */
const NEVER_PAIRED: Record<string, string> = {
  cost: 'measures the API bill, not the answer',
  latency: 'measures response time, not the answer',
  'finish-reason': "measures the API's stop reason, not the answer",
  perplexity: "measures the model's token probabilities, not the answer",
  'perplexity-score': "measures the model's token probabilities, not the answer",
  'select-best': 'compares the answers of several providers, not one answer',
  'max-score': 'compares the answers of several providers, not one answer',
  human: 'is graded by a person after the run',
  'assert-set': 'is a set of assertions with its own threshold; pair its members one by one instead',
};

function wordCountRest(value: unknown): string {
  if (value && typeof value === 'object') {
    const { min, max } = value as { min?: number; max?: number };
    if (min !== undefined && max !== undefined) return `between ${min} and ${max} words`;
    if (min !== undefined) return `at least ${min} words`;
    if (max !== undefined) return `at most ${max} words`;
  }
  return `exactly ${String(value)} words`;
}

/** saydo's IFEval check, as a javascript assertion: `value: file://.../scorers/ifeval.ts, config: {instruction, kwargs}`. */
const IFEVAL_SCORER = /scorers\/ifeval\.(?:ts|js)$/;
/** saydo's own scorer. */
const SAYDO_SCORER = /scorers\/verdicts\.(?:ts|js)$/;

/** promptfoo's template engine, as promptfoo configures it for values: no HTML escaping. */
const templates = new nunjucks.Environment(null, { autoescape: false });

/**
 * An assertion's values as promptfoo renders them with the test's vars (`value: '{{expected}}'`),
 * so a question shows what is checked, not the template. promptfoo renders the assertion
 * itself when it runs it; this copy is only for the question.
 */
function rendered<T>(value: T, vars: Record<string, unknown>): T {
  if (typeof value === 'string') return (value.includes('{{') || value.includes('{%') ? templates.renderString(value, vars) : value) as T;
  if (Array.isArray(value)) return value.map((item) => rendered(item, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rendered(item, vars)])) as T;
  return value;
}

/** The predicate of a code assertion: the IFEval instruction it checks, its metric name, or its code. */
function codeCheck(assertion: SuiteAssertion, language: string): Predicate {
  const value = String(assertion.value ?? '');
  if (IFEVAL_SCORER.test(value)) {
    const { instruction, kwargs } = assertion.config as { instruction: string; kwargs?: Record<string, unknown> };
    return { verb: 'follow', rest: `this instruction: ${quote(describeInstruction(parseInstruction(instruction, kwargs ?? {})))}` };
  }
  if (assertion.metric) return { verb: 'pass', rest: `the check ${quote(assertion.metric)}` };
  if (value.startsWith('file://')) return { verb: 'pass', rest: `the ${language} check in ${value.slice('file://'.length)}` };
  return { verb: 'pass', rest: `this ${language} check: ${value}` };
}

/** "Does your answer contain ...?" / "Is your answer exactly ...?" */
function askAfter({ verb, rest }: Predicate): string {
  return verb === 'be' ? `Is your answer ${rest}?` : `Does your answer ${verb} ${rest}?`;
}

/** "Will your answer contain ...?" / "Will your answer be exactly ...?" */
function askBefore({ verb, rest }: Predicate): string {
  return `Will your answer ${verb} ${rest}?`;
}

/** The user's own questions: a string (asked after; before, about "the answer you would give"), or both forms. */
function ownQuestions(selfReport: unknown, where: string): { after: string; before: string } | undefined {
  if (selfReport === undefined) return undefined;
  if (typeof selfReport === 'string' && selfReport.trim()) {
    return { after: selfReport.trim(), before: `About the answer you would give to it: ${selfReport.trim()}` };
  }
  if (selfReport && typeof selfReport === 'object' && !Array.isArray(selfReport)) {
    const { retrospective, prospective } = selfReport as { retrospective?: unknown; prospective?: unknown };
    if (typeof retrospective === 'string' && retrospective.trim()) {
      return {
        after: retrospective.trim(),
        before: typeof prospective === 'string' && prospective.trim() ? prospective.trim() : `About the answer you would give to it: ${retrospective.trim()}`,
      };
    }
  }
  throw new Error(`${where}: selfReport must be a question, or {retrospective: question, prospective: question}`);
}

/**
 * The test's assertions split into checks (units) and the rest, each with its reason.
 * `hasGrader` says whether a grader model is configured for the test; `where` names the
 * test in errors ("evals/pairs.yaml: test 3"); `vars` fill the templates of values in questions.
 */
export function pairAssertions(
  assertions: readonly SuiteAssertion[],
  hasGrader: boolean,
  where: string,
  vars: Record<string, unknown> = {},
): { checks: Check[]; unpaired: Unpaired[] } {
  const checks: Check[] = [];
  const unpaired: Unpaired[] = [];
  // saydo's own scorer (from defaultTest) is the judge of the pairs, so it is neither a unit nor counted in their numbering.
  const own = assertions.filter((a) => !(a.type === 'javascript' && SAYDO_SCORER.test(String(a.value ?? ''))));
  own.forEach((raw, i) => {
    const index = i + 1;
    const { selfReport, ...assertion } = raw;
    const type = String(assertion.type ?? (Array.isArray(assertion.assert) ? 'assert-set' : ''));
    const at = `${where}: assertion ${index} (${type || 'no type'})`;
    const skip = (reason: string): void => {
      if (selfReport !== undefined) throw new Error(`${at}: has a selfReport, but it cannot be paired: it ${reason}`);
      unpaired.push({ index, type, reason });
    };
    const inverted = type.startsWith('not-');
    const baseType = inverted ? type.slice('not-'.length) : type;
    if (NEVER_PAIRED[baseType]) return skip(NEVER_PAIRED[baseType]!);
    const graded = GRADED_PREDICATES[baseType];
    const predicate = PREDICATES[baseType] ?? graded;
    if (!predicate) return skip(`is of a type saydo does not pair (${type}); give it a selfReport question once saydo supports it, or leave it to promptfoo`);
    if (graded && !hasGrader && assertion.provider === undefined) {
      return skip('is model-graded and no grader is configured (set `provider` on the assertion or `defaultTest.options.provider`)');
    }
    const asked = ownQuestions(rendered(selfReport, vars), at);
    const written = predicate(rendered(assertion, vars));
    checks.push({
      unit: `${index}:${type}`,
      type,
      assertion,
      ...(assertion.metric ? { metric: assertion.metric } : {}),
      question: asked?.after ?? askAfter(written),
      prospectiveQuestion: asked?.before ?? askBefore(written),
      // The user's own question is asked as they wrote it: their yes means the assertion passes.
      inverted: inverted && asked === undefined,
      modelGraded: graded !== undefined,
    });
  });
  return { checks, unpaired };
}
