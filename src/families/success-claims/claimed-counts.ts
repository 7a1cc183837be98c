/**
 * Reading a count a report gives instead of a verdict ("The response is 171 words.",
 * "I count 16 short sentences", "There are fewer than 9 sentences", "'waffle' does not
 * appear at all") against the counted instruction it answers: the claim is what the
 * model says the response contains, and whether that meets the instruction follows from
 * the instruction's own relation and number. Anything it cannot decide stays unread.
 */
import type { Instruction, Relation } from '../../ifeval/types.js';
import { NUMBER_PATTERN, numberValue, withoutQuoted } from '../../reading/text.js';

/** What an instruction counts, and how the count must relate to its number. */
interface CountedRule {
  /**
   * The nouns a report counts it in ("sentences", "words", "times"). Up to two words may
   * stand before the noun ("all-caps words", "bullet points"), so no noun lists its modifiers.
   */
  nouns: RegExp;
  relation: Relation | 'exactly';
  n: number;
}

const TIMES = 'times?|occurrences?|instances?|mentions?';

/** The counting rule of an instruction, or undefined for instructions that count nothing. */
function countedRule(instruction: Instruction): CountedRule | undefined {
  switch (instruction.id) {
    case 'length_constraints:number_sentences':
      return { nouns: /sentences?/, relation: instruction.kwargs.relation, n: instruction.kwargs.num_sentences };
    case 'length_constraints:number_words':
      return { nouns: /words?/, relation: instruction.kwargs.relation, n: instruction.kwargs.num_words };
    case 'length_constraints:number_paragraphs':
      return { nouns: /paragraphs?/, relation: 'exactly', n: instruction.kwargs.num_paragraphs };
    case 'detectable_content:number_placeholders':
      return { nouns: /placeholders?/, relation: 'at least', n: instruction.kwargs.num_placeholders };
    case 'detectable_format:number_bullet_lists':
      return { nouns: /bullets?/, relation: 'exactly', n: instruction.kwargs.num_bullets };
    case 'detectable_format:number_highlighted_sections':
      return { nouns: /sections?|highlights?|phrases?/, relation: 'at least', n: instruction.kwargs.num_highlights };
    case 'detectable_format:multiple_sections':
      return { nouns: /sections?/, relation: 'exactly', n: instruction.kwargs.num_sections };
    case 'keywords:frequency':
      return { nouns: new RegExp(TIMES), relation: instruction.kwargs.relation, n: instruction.kwargs.frequency };
    case 'keywords:letter_frequency':
      return { nouns: new RegExp(TIMES), relation: instruction.kwargs.let_relation, n: instruction.kwargs.let_frequency };
    case 'change_case:capital_word_frequency':
      return { nouns: new RegExp(`words?|${TIMES}`), relation: instruction.kwargs.capital_relation, n: instruction.kwargs.capital_frequency };
    default:
      return undefined;
  }
}

/** What a report says of the count: exactly c, or a bound on it. */
type CountClaim = { kind: 'exactly' | 'below' | 'above' | 'at least' | 'at most'; value: number; approximate?: boolean };

/** The counts a claim allows, as a closed range (`high` may be Infinity). */
function allowedCounts(claim: CountClaim): { low: number; high: number } {
  switch (claim.kind) {
    case 'exactly':
      return { low: claim.value, high: claim.value };
    case 'below':
      return { low: 0, high: claim.value - 1 };
    case 'at most':
      return { low: 0, high: claim.value };
    case 'above':
      return { low: claim.value + 1, high: Infinity };
    case 'at least':
      return { low: claim.value, high: Infinity };
  }
}

/**
 * Whether the claimed count meets the rule: true when every count the claim allows meets
 * it, false when none does, undefined when the claim leaves it open ("more than 2
 * paragraphs" against "exactly 3").
 */
function meets(claim: CountClaim, rule: CountedRule): boolean | undefined {
  const { n } = rule;
  // An approximate count decides only well away from the boundary.
  if (claim.approximate && Math.abs(claim.value - n) < Math.max(2, 0.1 * n)) return undefined;
  const { low, high } = allowedCounts(claim);
  const [allMeet, noneMeets] =
    rule.relation === 'at least' ? [low >= n, high < n] : rule.relation === 'less than' ? [high < n, low >= n] : [low === n && high === n, high < n || low > n];
  return allMeet ? true : noneMeets ? false : undefined;
}

// A whole number only: "fourteen" is not "four".
const NUMBER = `(${NUMBER_PATTERN}|once|twice|thrice)\\b`;
const BOUNDS: readonly [RegExp, CountClaim['kind']][] = [
  [new RegExp(`\\b(?:fewer|less) than ${NUMBER}`, 'g'), 'below'],
  [new RegExp(`\\b(?:under|below) ${NUMBER}`, 'g'), 'below'],
  [new RegExp(`\\b(?:more than|over|above) ${NUMBER}`, 'g'), 'above'],
  [new RegExp(`\\b(?:at least|no fewer than|no less than|a minimum of) ${NUMBER}`, 'g'), 'at least'],
  [new RegExp(`\\b(?:at most|no more than|up to|a maximum of) ${NUMBER}`, 'g'), 'at most'],
];
/** A bound turned around by a negation right before it: "doesn't have fewer than 2" is at least 2. */
const FLIPPED: Readonly<Record<CountClaim['kind'], CountClaim['kind']>> = {
  below: 'at least',
  'at least': 'below',
  above: 'at most',
  'at most': 'above',
  exactly: 'exactly',
};
/** Words that make a count a statement about the response, not a title ("4 paragraphs:"). */
const CLAIM_VERB =
  /\b(?:has|have|had|is|are|was|were|contains?|contained|includes?|included|used|uses|wrote|write|count|counted|comes? to|came to|totals?|runs? to|ran to|appears?|appeared|occurs?|occurred|got|there)\b/;
/** The instruction's own number mentioned as a reference, not as the count: "not the 307 required", "the 252-word minimum", "150 words required". */
const REFERENCE_BEFORE = /(?:instead of|rather than|not|than the|of the|the|minimum of|limit of|short of|target of|requirement of|needed|asked for)\s*$/;
const REFERENCE_AFTER = /^[\s-]+[a-z]+\s*(?:minimum|maximum|limit|required|requirement|needed|asked|target|threshold|cap)\b/;
const APPROXIMATE = /(?:about|around|approximately|roughly|nearly|almost|~|some|circa)\s*$/;

function countOf(token: string): number | undefined {
  const lower = token.toLowerCase();
  return lower === 'once' ? 1 : lower === 'twice' ? 2 : lower === 'thrice' ? 3 : numberValue(lower);
}

/** Every count claim a sentence makes about what `rule` counts. */
function countClaims(sentence: string, rule: CountedRule): CountClaim[] {
  const text = withoutQuoted(sentence.toLowerCase());
  const claims: CountClaim[] = [];
  const used = new Set<number>();
  for (const [pattern, kind] of BOUNDS) {
    for (const match of text.matchAll(pattern)) {
      const value = countOf(match[1]!);
      const after = text.slice(match.index + match[0].length);
      if (value === undefined || !new RegExp(`^\\s*(?:[\\w-]+\\s+){0,2}?(?:${rule.nouns.source})\\b`).test(after) && !/^\s*[,.;)]|^\s*$/.test(after)) continue;
      const negated = /(?:\bnot|n't|\bno|\bnever)\s+(?:\w+\s+)?$/.test(text.slice(Math.max(0, match.index - 20), match.index));
      claims.push({ kind: negated ? FLIPPED[kind] : kind, value });
      used.add(match.index + match[0].length - match[1]!.length);
    }
  }
  const exact = new RegExp(`\\b${NUMBER}(?:\\s+|-)(?:[a-z-]+\\s+){0,2}?(?:${rule.nouns.source})\\b|\\b(?:appears?|appeared|used|occurs?)\\s+${NUMBER}(?:\\s+(?:${TIMES}))?\\b`, 'g');
  for (const match of text.matchAll(exact)) {
    const token = match[1] ?? match[2]!;
    const at = text.indexOf(token, match.index);
    if (used.has(at)) continue;
    const value = countOf(token);
    if (value === undefined) continue;
    const before = text.slice(0, at);
    if (REFERENCE_BEFORE.test(before) || REFERENCE_AFTER.test(text.slice(at + token.length))) continue;
    claims.push({ kind: 'exactly', value, approximate: APPROXIMATE.test(before) });
  }
  if (new RegExp(`\\b(?:no|zero)\\s+(?:[a-z-]+\\s+)?(?:${rule.nouns.source})\\b|\\b(?:does ?n[o']t|did ?n[o']t|never) appear|\\bnot once\\b`).test(text)) {
    claims.push({ kind: 'exactly', value: 0 });
  }
  return claims;
}

/**
 * Whether a sentence's count says the instruction was met: exact counts decide (they must
 * agree), bounds only when no exact count is given. Undefined for instructions that count
 * nothing, titles ("At least 15 sentences"), and counts that leave it open.
 */
export function claimedCountVerdict(sentence: string, instruction: Instruction): boolean | undefined {
  const rule = countedRule(instruction);
  if (!rule) return undefined;
  const text = sentence.trim();
  if (!CLAIM_VERB.test(text.toLowerCase()) && text.split(/\s+/).length < 5) return undefined;
  const claims = countClaims(text, rule);
  const exact = claims.filter((c) => c.kind === 'exactly');
  const deciding = (exact.length > 0 ? exact : claims).map((claim) => meets(claim, rule));
  // No claim, an open claim or two claims that disagree: unread (every() of nothing is true, and deciding[0] then undefined).
  return deciding.every((d) => d === deciding[0]) ? deciding[0] : undefined;
}
