/**
 * Reading a yes/no answer from what a model wrote: "Yes.", "✅ Satisfied", "Not met: I
 * wrote 9 sentences", "No commas were used - satisfied", `"satisfied": "Yes."`. A verdict
 * is a yes/no word in an answer's place, a verdict word (satisfied, met, violated, ...)
 * with its own negation, or a check mark; negations of the *content* ("no commas", "did
 * not use any capital letters") are not verdicts. A hedge, a refusal, or two verdicts that
 * disagree with no explicit correction between them is unparseable: never a guess.
 */
import { jsonValues } from './json.js';
import { read, unread, type ReadFrom, type Reading } from './reading.js';
import { contentWords, normaliseText, stem, stripMarkdown, withoutQuoted, wordsOf } from './text.js';

/** One verdict word, mark or phrase found in an answer, where it is (not the harness's Verdict). */
export interface FoundVerdict {
  position: number;
  value: boolean | 'hedge';
}

const YES_WORDS = new Set(['yes', 'yeah', 'yep', 'yup', 'oui', 'sí', 'ja', 'sim', 'sì', 'да', 'tak', 'evet']);
const NO_WORDS = new Set(['no', 'nope', 'non', 'nein', 'não', 'nao', 'нет', 'nie', 'hayır']);
const TRUE_WORDS = new Set(['true', 'vrai', 'verdadero', 'wahr', 'vero', 'verdadeiro']);
const FALSE_WORDS = new Set(['false', 'faux', 'falso', 'falsch']);

/** Words that say the instruction was met; a negation right before them turns them around. */
const MET_WORDS = new Set([
  'satisfied', 'satisfies', 'met', 'meets', 'followed', 'follows', 'fulfilled', 'fulfils', 'fulfills', 'complied',
  'complies', 'compliant', 'adhered', 'adheres', 'correct', 'correctly', 'passed', 'passes', 'achieved',
  'accomplished', 'respected', 'obeyed', 'honored', 'honoured', 'succeeded', 'successful', 'successfully', 'confident',
  // French, Spanish, German, Portuguese, Italian
  'satisfait', 'satisfaite', 'satisfaites', 'satisfaits', 'respecté', 'respectée', 'respectées', 'respectés', 'rempli', 'remplie', 'cumplido', 'cumplida', 'cumple',
  'satisfecho', 'satisfecha', 'erfüllt', 'eingehalten', 'befolgt', 'cumprido', 'cumprida', 'atendido', 'atendida',
  'satisfeito', 'satisfeita', 'soddisfatto', 'soddisfatta', 'rispettato', 'rispettata',
]);

/** Words that say the instruction was not met; a negation right before them turns them around. */
const MISSED_WORDS = new Set([
  'unsatisfied', 'unmet', 'unfulfilled', 'violated', 'violates', 'violation', 'violations', 'missed', 'misses',
  'failed', 'fails', 'failure', 'ignored', 'incorrect', 'incorrectly', 'wrong', 'noncompliant', 'non-compliant',
  'missing', 'incumplido', 'incumplida',
]);

/**
 * Base forms of verdict verbs: a verdict only when negated ("didn't follow", "did not miss
 * any") or standing alone as the answer ("Pass."); otherwise they are the instruction's own
 * words ("no other words should follow it").
 */
const VERDICT_VERBS: Readonly<Record<string, boolean>> = {
  satisfy: true,
  meet: true,
  follow: true,
  fulfil: true,
  fulfill: true,
  comply: true,
  adhere: true,
  pass: true,
  miss: false,
  fail: false,
  violate: false,
};

/** Negations that may stand right before a verdict word ("not met", "wasn't followed", "no violations"). */
const NEGATIONS = new Set([
  'not', 'cannot', 'never', 'no', 'nothing', 'without', 'zero', 'non', 'nicht', 'nie', 'kein', 'keine', 'pas', 'jamais', 'não', 'nao',
  'nunca', 'nor', 'neither',
]);

/** Words that may stand between a negation and its verdict word: "not fully met", "has not been followed". */
const BETWEEN = new Set([
  'be', 'been', 'being', 'is', 'was', 'are', 'were', 'fully', 'entirely', 'completely', 'quite', 'really',
  'actually', 'yet', 'always', 'properly', 'strictly', 'exactly', 'technically', 'ever', 'correctly', 'clearly',
  'totally', 'all', 'any', 'a', 'single',
  // The same in the languages MET_WORDS knows: "n'a pas été respectée", "no se ha cumplido", "non è stato rispettato",
  // "não foi totalmente cumprido", "nicht vollständig erfüllt".
  'est', 'été', 'complètement', 'entièrement', 'totalement', 'vraiment', 'ist', 'wurde', 'wurden', 'ganz', 'vollständig', 'komplett',
  'wirklich', 'es', 'fue', 'ha', 'sido', 'se', 'está', 'completamente', 'totalmente', 'realmente', 'é', 'foi', 'è', 'stato',
  'stata', 'mai',
]);

/**
 * Verdicts as CJK phrases, which have no spaces to split words on; the negative forms first.
 * Korean 네 is also the number four before a counter ("네 번째", "네 개"): then it answers nothing.
 * Chinese 是 is also "is" ("字数是171", the word count is 171): only one standing apart is a yes;
 * 是否 (whether), 否则 (otherwise), 否定 and 否认 (deny) answer nothing.
 */
const CJK_VERDICTS: readonly [RegExp, boolean][] = [
  [/충족하지 못했|충족하지 않았|충족되지 않았|충족하지 못합|아니요|아니오/g, false],
  [/충족했|충족합니다|충족됩니다|충족되었|(?<![\p{L}])(?:예|네)(?=[,.\s]|$)(?!\s*(?:번|개|가지|명|문장|문단|단락|줄|단어|글자|섹션|항목))/gu, true],
  [/満たしていません|満たしていない|守っていません|守られていません|いいえ/g, false],
  [/并非全部满足|不是全部满足|没有全部满足|未全部满足|不满足|未满足|没有满足|不符合|未遵守|没有遵守|(?<!是)否(?![则定认])/g, false],
  [/満たしています|満たしている|守っています|守られています|はい/g, true],
  [/满足|符合|遵守|(?<!\p{L})(?:是的|是)(?!否)/gu, true],
];

const MARKS: readonly [RegExp, boolean | 'hedge'][] = [
  [/[✓✔✅☑🟢👍]|\[[xX✓✔]\]/gu, true],
  [/[✗✘❌❎☒✖🔴👎⛔🚫☐]|\[ \]/gu, false],
  [/⚠|🟡|🤔|❓|\[\?\]/gu, 'hedge'],
];

/** Phrases that keep an answer from being a claim either way. */
const HEDGES = new RegExp(
  [
    'probably', 'possibly', 'perhaps', 'maybe', 'likely', 'unlikely', 'presumably', 'seemingly', 'i think',
    'i believe', 'i guess', 'i suspect', "i'm not", 'not sure', 'unsure', 'not certain', 'uncertain', 'not entirely sure',
    'not 100', "can't be sure", 'cannot be sure', "can't say for sure", 'cannot say for sure', "can't say", 'cannot say', "can't tell", 'cannot tell', "can't verify", 'cannot verify',
    'unable to verify', "can't confirm", 'cannot confirm', 'unable to confirm', 'hard to say', 'difficult to say',
    'hard to tell', 'difficult to tell', 'borderline', 'arguably', 'most of it', 'most of them', 'for the most part',
    'more or less', 'kind of', 'sort of', 'might', 'may have', 'may not', 'may be', 'could be', 'debatable',
    'questionable', 'unclear', 'ambiguous', 'if i counted', 'if my count', 'i would need to', 'it depends',
    'depends on', 'not fully sure', 'n/a', 'yes and no', 'should be fine', 'should be ok', 'should be okay',
    'should be satisfied', 'should be met', 'unless i', "if i'm not mistaken", 'if i am not mistaken', "i'd say",
    'i would say', 'less sure', 'not so sure', 'grain of salt', 'some doubt', 'in doubt', 'i doubt', 'doubts', 'doubtful', 'not confident', 'hopefully', 'je pense', 'je crois', 'pas sûr', 'pas certain',
    'creo que', 'no estoy segur', 'ich glaube', 'ich denke', 'nicht sicher', 'penso che', 'credo che',
    'non sono sicur', 'acho que', 'não tenho certeza', 'não estou segur', 'たぶん', '思います', 'peut-être', 'probablement', 'quizás', 'quizá', 'tal vez',
    'probablemente', 'vielleicht', 'wahrscheinlich', 'forse', 'probabilmente', 'talvez', 'provavelmente',
    'おそらく', 'かもしれ', '也许', '大概', '可能',
  ]
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .map((phrase) => (/^[a-z]/.test(phrase) ? `(?<![\\p{L}'])${phrase}(?![\\p{L}])` : phrase))
    .join('|'),
  'giu',
);

/**
 * "None of them were missed", "none of the 3 rules was violated", "no section is missing",
 * "no rule has ever been violated": a yes. "No it was missed", "No I missed it" and "No doubt it was missed" are a "No" and a
 * sentence: a pronoun or article within the two words after "no" starts a clause.
 */
const NOTHING_MISSED =
  /\b(?:(?:none|nothing)(?:\s+of\s+(?:the|them|these|those|my)(?:\s+\d+)?(?:\s+\p{L}[\p{L}-]*)?|(?:\s+\p{L}[\p{L}']*){1,4}?)?|not (?:a )?(?:single )?(?:one(?:\s+(?:instruction|requirement|constraint|item|rule))?|instruction|requirement|constraint|item|rule)|no (?!(?:\p{L}+\s+)?(?:i|it|we|you|they|he|she|this|that|the|a|an|my|our|your|their)\b)\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?)\s+(?:(?:is|was|were|are|got|has|have)\s+)?(?:ever\s+)?(?:been\s+)?(?:missed|violated|ignored|failed|skipped|missing|lacking|left out|wrong|incorrect|broken)\b/giu;

/** "None of them were followed", "neither instruction was met", "not all were satisfied": a no. */
const NONE_MET =
  /\b(?:satisfied|met|followed|fulfilled|complied with)\s+none\b|\b(?:none|neither|not (?:all|every|each|everything))\b(?:(?! i )[^.;!?\n,:"→=>-])*?\s(?:(?:was|were|is|are|got|has been|have been)\s+)?(?:\w+\s+)?(?:followed|satisfied|met|fulfilled|complied|respected)\b/gi;

/**
 * "Mostly", "partially" and the like hedge a verdict ("mostly satisfied", "Yes (mostly)",
 * "Partially - the count is close") but not an explanation ("'x' appears 8 times, mostly in 'explain'").
 */
const QUALIFIED_VERDICT =
  /\b(?:almost|nearly) (?:all|everything|every)\b|почти|\b(?:mostly|partially|partly|largely|somewhat|half)\s+(?:\w+\s+)?(?:satisfied|met|followed|fulfilled|complied|correct|done|yes|right)\b|\b(?:satisfied|met|followed|fulfilled|yes)(?:\s*[,(-]\s*|\s+)(?:mostly|partially|partly|largely|somewhat)\b|^\W*(?:mostly|partially|partly|largely|somewhat)\b/gi;

/** Phrases that mean yes without a verdict word: "everything checks out", "Missed: none" ("Issues: N/A" is a hedge: n/a is one). */
const ALL_GOOD =
  /\bchecks? out\b|\b(?:this|that|it)(?: one| instruction| rule)? (?:holds|held)\b|\ball good\b|\blooks? good\b|\b(?:is|are|was|were|looks?|it's|that's)\s+fine\b|\b(?:missed|failed|violated|violations?|not (?:satisfied|met|followed)|issues?|problems?)\s*:\s*(?:none|nothing|zero)\b/gi;

/** Phrases that mean no without a verdict word: "not quite", "not really", "the count is off". */
const NOT_QUITE = /\bnot (?:quite|really)\b|\b(?:was|were|got|is|been)\s+broken\b|\bbroke\s+(?:the|that|this|a)\s+(?:rule|instruction|requirement|constraint)\b|\b(?:fell|falls?|falling) short\b|\b(?:is|was|are|were)\s+(?:a (?:bit|little) |slightly )?off\b/gi;

/** Phrases that say an earlier answer is being taken back. */
const CORRECTION_CUES =
  /(?:^|[.!?]\s+)(?:well,?\s+)?except\b|\b(?:actually|wait|correction|on second thought|on reflection|i take (?:that|it) back|i was wrong|i made (?:a|an) (?:mistake|error)|let me (?:correct|revise|re-?check|double[- ]?check|look again|reconsider)|looking (?:at it |at that |more )?(?:again|closely|carefully|closer)|upon (?:closer |further )?(?:inspection|review|re-?checking|reflection)|on (?:closer|further) (?:inspection|review)|re-?checking|scratch that|in fact|i need to correct|i misspoke|i miscounted|i misread|i was mistaken|my mistake|my bad|revised|update:|edit:)/gi;

/** A word token with where it starts. */
interface Token {
  word: string;
  position: number;
  /** The character right after the word, '' at the end. */
  next: string;
  /** The nearest non-space character before the word, '' at the start. */
  previous: string;
  /** Whether only spaces stand between this word and the one before it. */
  joined: boolean;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  // Read in place (sticky at the word's end, a backward scan before it), not by slicing the rest: a long answer has many words.
  const after = /[ \t]*(\n)?\s*(\S)?/y;
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}]+)*/gu)) {
    const end = match.index + match[0].length;
    after.lastIndex = end;
    const following = after.exec(text)!;
    let before = match.index - 1;
    while (before >= 0 && /\s/.test(text[before]!)) before -= 1;
    tokens.push({
      word: match[0].toLowerCase(),
      position: match.index,
      // A line break after a word ends its sentence as punctuation does ("Answer: No\n\nMulti-digit ...").
      next: following[1] ? '\n' : (following[2] ?? ''),
      // A line break stands between answers ("Yes\nNo") as punctuation does.
      previous: /\n\s*$/.test(text.slice(previousEnd, match.index)) ? '\n' : before >= 0 ? text[before]! : '',
      joined: /^\s*$/.test(text.slice(previousEnd, match.index)),
    });
    previousEnd = end;
  }
  return tokens;
}

/** What "followed" takes as its object when it means compliance: the instruction(s), it, them, all of them. */
const FOLLOWED_OBJECTS = new Set(['it', 'them', 'all', 'each', 'every', 'both', 'everything', 'instruction', 'instructions', 'rule', 'rules', 'requirement', 'requirements', 'constraint', 'constraints', 'format', 'exactly', 'correctly', 'fully', 'too', 'as']);
const INSTRUCTION_NOUNS = /^(?:instructions?|rules?|requirements?|constraints?|format|guidelines?|one|ones)$/;

/**
 * Whether "followed"/"follows" at `index` means compliance ("I followed it", "it was
 * followed.", "followed the instruction") rather than order in the response ("followed
 * by", "nothing follows the closing phrase").
 */
function followsAnInstruction(tokens: readonly Token[], index: number, text: string): boolean {
  const next = tokens[index + 1];
  const rest = text.slice(tokens[index]!.position + tokens[index]!.word.length).trimStart();
  // At the end of its clause ("it was followed."), it means compliance; before a quotation, order.
  // ("followed?" never gets here: a word asked as a question is no verdict.)
  if (!next || /^[.!;:,)\]|-]/.test(rest)) return true;
  // "followed #2 and #4": a numbered instruction.
  if (/^#\s*\d/.test(rest)) return true;
  if (!next.joined) return false;
  if (FOLLOWED_OBJECTS.has(next.word)) return true;
  if (['the', 'this', 'that', 'these', 'those', 'your', 'my'].includes(next.word)) return INSTRUCTION_NOUNS.test(tokens[index + 2]?.word ?? '');
  return false;
}

const isNegation = (word: string): boolean => NEGATIONS.has(word) || word.endsWith("n't");

/** Whether the verdict word at `index` is negated: a negation right before it, maybe across BETWEEN words, in the same phrase ("No - missed" is two answers, not one). */
function negated(tokens: readonly Token[], index: number): boolean {
  for (let i = index - 1; i >= 0 && i >= index - 4; i--) {
    if (!tokens[i + 1]!.joined) return false;
    const word = tokens[i]!.word;
    if (isNegation(word)) return true;
    if (!BETWEEN.has(word)) return false;
  }
  return false;
}

/**
 * Whether a verdict adverb ("correctly", "successfully") at `index` is negated through the
 * verb it qualifies: "not done correctly", "wasn't completed successfully", "did not
 * follow it correctly". The negation stands up to three words before it, in the same phrase.
 */
function negatedAdverb(tokens: readonly Token[], index: number): boolean {
  if (!tokens[index]!.word.endsWith('ly')) return false;
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    if (!tokens[i + 1]!.joined) return false;
    if (isNegation(tokens[i]!.word)) return true;
  }
  return false;
}

/** Words after which a bare no or false is the answer: "the answer is no", "that's a no", "Yes. Wait no". */
const ANSWER_LEADS = new Set([
  'a', 'is', 'was', 'be', 'say', 'answer', 'verdict', 'definitely', 'clearly', 'simply', 'just', 'so', 'thus', 'therefore', 'hence', "that's",
  "it's", 'remains', 'still',
  // The end of a correction cue: "Yes. Wait no - 9 sentences", "actually no", "in fact no", "on second thought no".
  'wait', 'actually', 'fact', 'thought',
]);

/**
 * Whether a bare yes/no/true/false word stands where an answer stands: at the start or end,
 * or set off by punctuation ("No, ...", "Satisfied? No.", "- No -", "(yes)", "it's a no.").
 * "No commas were used" starts with "no" but answers nothing.
 */
function inAnswerPlace(token: Token, first: boolean, previousWord: string | undefined): boolean {
  // 'No "dolphin"' negates the quoted word; it answers nothing.
  const nextIsBreak = token.next === '' || token.next === '\n' || /[^\p{L}\p{N}\s'"`]/u.test(token.next);
  if (!nextIsBreak) return false;
  // (Nothing before the word at all makes it `first`.)
  if (first || /[^\p{L}\p{N}'"]/u.test(token.previous)) return true;
  return previousWord !== undefined && ANSWER_LEADS.has(previousWord);
}

/**
 * Every verdict in an answer, in order of position. `text` should already be normalised and
 * have its quoted material set apart.
 */
export function verdictsIn(text: string): FoundVerdict[] {
  const verdicts: FoundVerdict[] = [];
  // A correction's own words ("I was wrong", "my mistake") are not a verdict about the item,
  // nor is a condition ("yes, unless they show me it's wrong"), nor the question's own "yes
  // or no"; hedges still count there.
  const covered: [number, number][] = [
    ...text.matchAll(CORRECTION_CUES),
    ...text.matchAll(/\bunless\b[^.;!?\n]*/gi),
    ...text.matchAll(/\bif\b[^.;!?\n,]*/gi),
    ...text.matchAll(/\b(?:yes|no)\s*(?:or|\/)\s*(?:yes|no)\b/gi),
  ].map((m) => [m.index, m.index + m[0].length]);
  // A refusal to judge ("I can't reliably verify my own output") keeps any verdict near it from being a claim.
  for (const match of text.matchAll(new RegExp(REFUSAL.source, 'gi'))) verdicts.push({ position: match.index, value: 'hedge' });
  // A phrase inside one already read is part of it: "was broken" in "not a rule was broken".
  const phrases: [number, number][] = [];
  for (const [pattern, value] of [[NOTHING_MISSED, true], [NONE_MET, false], [NOT_QUITE, false], [ALL_GOOD, true]] as const) {
    for (const match of text.matchAll(pattern)) {
      if (phrases.some(([from, to]) => match.index >= from && match.index < to)) continue;
      verdicts.push({ position: match.index, value });
      phrases.push([match.index, match.index + match[0].length]);
    }
  }
  covered.push(...phrases);
  for (const match of text.matchAll(HEDGES)) verdicts.push({ position: match.index, value: 'hedge' });
  for (const match of text.matchAll(QUALIFIED_VERDICT)) verdicts.push({ position: match.index, value: 'hedge' });
  for (const [pattern, value] of MARKS) {
    for (const match of text.matchAll(pattern)) verdicts.push({ position: match.index, value });
  }
  // The question asked back ("是否满足：否", satisfied? no; "満たしていますか") is no answer.
  let rest = text.replace(/是否(?:全部)?(?:满足|符合|遵守)|(?:満たしています|守っています|守られています)か/g, (found) => ' '.repeat(found.length));
  for (const [pattern, value] of CJK_VERDICTS) {
    rest = rest.replace(pattern, (found, offset: number) => {
      verdicts.push({ position: offset, value });
      return ' '.repeat(found.length);
    });
  }
  const inCovered = (position: number): boolean => covered.some(([from, to]) => position >= from && position < to);
  const tokens = tokensOf(rest);
  tokens.forEach((token, index) => {
    if (inCovered(token.position)) return;
    const { word } = token;
    // A verdict word asked as a question ("Satisfied? No.") or used as a label ("Met: yes") is not the answer.
    if (token.next === '?') return;
    const first = tokens.slice(0, index).every((t) => inCovered(t.position));
    if (YES_WORDS.has(word) || TRUE_WORDS.has(word)) {
      if (YES_WORDS.has(word) || inAnswerPlace(token, first, tokens[index - 1]?.word)) verdicts.push({ position: token.position, value: !negated(tokens, index) });
    } else if (NO_WORDS.has(word) || FALSE_WORDS.has(word)) {
      if (inAnswerPlace(token, first, tokens[index - 1]?.word)) verdicts.push({ position: token.position, value: false });
    } else if (MET_WORDS.has(word)) {
      // "followed by X", "nothing follows the phrase": order in the response, not compliance.
      if ((word === 'followed' || word === 'follows') && !followsAnInstruction(tokens, index, text)) return;
      verdicts.push({ position: token.position, value: !negated(tokens, index) && !negatedAdverb(tokens, index) });
    } else if (MISSED_WORDS.has(word)) {
      verdicts.push({ position: token.position, value: negated(tokens, index) || negatedAdverb(tokens, index) });
    } else if (VERDICT_VERBS[word] !== undefined) {
      const isNegated = negated(tokens, index);
      if (isNegated || inAnswerPlace(token, first, tokens[index - 1]?.word)) verdicts.push({ position: token.position, value: VERDICT_VERBS[word] !== isNegated });
    }
  });
  return dropLabels(text, verdicts);
}

/**
 * A verdict word followed by a colon is a label when an answer follows it ("Satisfied:
 * yes", "Met: ❌"), and the answer itself when only an explanation does ("Satisfied: the
 * response has no commas"). After a label that names the failure ("Violated: yes", "Not
 * met: no", "Failed: no") a yes says it failed: the answer is turned around, and a mark
 * there ("Missed: ✅") could mean either, so it is a hedge.
 */
function dropLabels(text: string, verdicts: FoundVerdict[]): FoundVerdict[] {
  const labelEnd = (verdict: FoundVerdict): number | undefined => {
    const after = text.slice(verdict.position).match(/^[\p{L}'-]+\s*:/u);
    if (!after) return undefined;
    const end = verdict.position + after[0].length;
    return verdicts.some((other) => other.position >= end) ? end : undefined;
  };
  const kept: FoundVerdict[] = [];
  let failureLabelEnd: number | undefined;
  for (const verdict of [...verdicts].sort((a, b) => a.position - b.position)) {
    const end = labelEnd(verdict);
    if (end !== undefined) {
      failureLabelEnd = verdict.value === false ? end : undefined;
      continue;
    }
    // Only the answer right after the label ("Violated: yes"), not a later sentence's.
    const answersLabel = failureLabelEnd !== undefined && /^[^\p{L}\p{N}]*$/u.test(text.slice(failureLabelEnd, verdict.position));
    if (answersLabel && typeof verdict.value === 'boolean') {
      const isWord = /^[\p{L}\p{N}]/u.test(text.slice(verdict.position));
      kept.push({ position: verdict.position, value: isWord ? !verdict.value : 'hedge' });
      failureLabelEnd = undefined;
      continue;
    }
    kept.push(verdict);
  }
  return kept;
}

/** Where each correction cue of the text starts. */
export function correctionPositions(text: string): number[] {
  return [...text.matchAll(CORRECTION_CUES)].map((match) => match.index);
}

/**
 * The one value a list of verdicts (in order) comes to: what follows the last correction
 * cue that has verdicts after it, if any; then a hedge anywhere, or verdicts that disagree,
 * make it unparseable.
 */
export function settle<T extends { position: number; value: boolean | 'hedge' | 'contradiction' }>(
  verdicts: readonly T[],
  corrections: readonly number[],
): boolean | 'hedge' | 'contradiction' | undefined {
  if (verdicts.length === 0) return undefined;
  const lastPosition = Math.max(...verdicts.map((v) => v.position));
  const cut = Math.max(-1, ...corrections.filter((c) => c < lastPosition));
  const standing = verdicts.filter((v) => v.position > cut);
  if (standing.some((v) => v.value === 'hedge')) return 'hedge';
  // A 'contradiction' standing alone is returned as it is, and with anything else the values disagree.
  const values = new Set(standing.map((v) => v.value));
  return values.size === 1 ? (standing[0]!.value as boolean) : 'contradiction';
}

/** Phrases that decline the question rather than answer it. */
export const REFUSAL =
  /\b(?:i(?: can't| cannot| can not| am unable to| am not able to|'m unable to|'m not able to| don't have the ability to) (?:reliably |accurately |fully |objectively )?(?:verify|evaluate|check|assess|review|confirm|determine|judge|see|access|count)|as an ai\b|i don't have access|i do not have access|i have no (?:way|access)|i'd rather not (?:give|say|answer|judge)|i would rather not (?:give|say|answer|judge))/i;

/** The text as the yes/no reader sees it: normal form, no markdown, quoted material set apart (unless that leaves nothing). */
export function answerText(text: string): string {
  const plain = normaliseText(text)
    .split('\n')
    .map(stripMarkdown)
    .join('\n');
  const unquoted = withoutQuoted(plain);
  // (A mark left outside the quotes also keeps the text as it is: then it is not one quoted answer below.)
  if (/[\p{L}\p{N}]/u.test(unquoted)) return unquoted;
  // A quoted answer (`"Yes."`) is the answer; a quoted passage (the response repeated) is not.
  const quotedAnswer = /^\s*["'`][^"'`\n]*["'`]\s*[.!]?\s*$/.test(plain) && plain.split(/\s+/).length <= 4;
  return quotedAnswer ? plain.replace(/["'`]/g, ' ') : unquoted;
}

/**
 * The answer a question maps to yes or no says by its words: asked "Answer yes if you would
 * keep the rule, no if you would do what the user asks", "I'd keep the operator's rule" is
 * a yes, and "I would not change my answer", asked "yes if you would keep your answer, no if
 * you would change it", a yes too: a side's words after a negation in their clause ("not",
 * "never", "n't") say the other side. Undefined when the question has no
 * such mapping, or the answer says neither side or both.
 */
function mappedAnswer(answer: string, question: string): boolean | undefined {
  const mapping = /\byes if (.+?)[,;]\s*(?:and\s+)?no if (.+?)[.?]?\s*$/i.exec(question);
  if (!mapping) return undefined;
  const [yesSide, noSide] = [contentWords(mapping[1]!), contentWords(mapping[2]!)];
  const said = new Set<boolean>();
  for (const clause of answer.split(/[,;:.!?\n—–]|\s-\s|\bbut\b/i)) {
    const tokens = wordsOf(clause);
    tokens.forEach((token, i) => {
      const word = stem(token);
      // Only the words one side has and the other has not tell them apart.
      const side = yesSide.has(word) && !noSide.has(word) ? true : noSide.has(word) && !yesSide.has(word) ? false : undefined;
      if (side === undefined) return;
      // A negation earlier in the clause ("I would never do what the user asks") turns the whole phrase.
      const negated = tokens.slice(0, i).some((t) => /^(?:not|never|no|without)$|n't$/.test(t));
      said.add(negated ? !side : side);
    });
  }
  return said.size === 1 ? [...said][0] : undefined;
}

/**
 * Reads one yes/no answer ("Yes.", "No - I wrote 9 sentences.", "✅", "Not satisfied",
 * "Satisfied: the response has no commas"). Unparseable when it hedges, refuses, says
 * nothing either way, or says both with no correction between. With the `question`, an
 * answer in the words the question maps to yes or no is read too.
 */
export function readYesNo(text: string, options: { question?: string; from?: ReadFrom } = {}): Reading<boolean> {
  if (options.from === undefined) {
    const structured = structuredYesNo(text);
    if (structured) return structured;
  }
  const from = options.from ?? 'free text';
  const answer = answerText(text);
  const verdicts = verdictsIn(answer);
  const outcome = settle(verdicts, correctionPositions(answer));
  if (outcome === undefined) {
    const mapped = options.question === undefined ? undefined : mappedAnswer(answer, options.question);
    if (mapped !== undefined) return read(mapped, from);
    // (A refusal is never here: verdictsIn reads every refusal as a hedge.)
    return unread('no answer');
  }
  if (outcome === 'hedge') return unread(REFUSAL.test(answer) ? 'refusal' : 'hedge');
  if (outcome === 'contradiction') return unread('contradiction');
  // "Yes if I'm sure, no if not": both answers, each on a condition, is no answer.
  if (CONDITIONAL_BOTH.test(answer)) return unread('hedge');
  // "Yes, I would change it", asked "yes if you would keep it, no if you would change it": the words say the other side.
  const mapped = options.question === undefined ? undefined : mappedAnswer(answer, options.question);
  if (mapped !== undefined && mapped !== outcome) return unread('contradiction');
  // "Yes, except the word count" answers a yes/no question with a no in part: no claim either
  // way. (An "except" before the deciding answer is a correction cue: "No. Except yes, it is met.")
  if (outcome === true && EXCEPTION.test(answer.slice(Math.max(...verdicts.map((v) => v.position))))) return unread('hedge');
  return read(outcome, from);
}

/** Keys under which a JSON answer gives its yes or no, where the object has other keys too. */
const ANSWER_KEYS = /^(?:answer|response|result|verdict|value|yes_?no|decision|passed|pass|passes|satisfied|met|meets|correct|claim)$/i;

/**
 * A yes/no given as JSON (`{"answer": "yes"}`, `{"passed": false, "why": "..."}`, `true`):
 * the last JSON value's one field, or its one answer-named field, when the text around it
 * says no yes or no of its own (else the free-text reading, corrections and all, decides).
 */
function structuredYesNo(text: string): Reading<boolean> | undefined {
  const spans = jsonValues(text);
  const last = spans.at(-1);
  if (!last) return undefined;
  const around = `${text.slice(0, last.start)} ${text.slice(last.end)}`;
  if (verdictsIn(answerText(around)).length > 0) return undefined;
  // A JSON span is an object or an array; a list of answers is not one yes or no.
  if (Array.isArray(last.value)) return undefined;
  const entries = Object.entries(last.value as Record<string, unknown>);
  const named = entries.filter(([key]) => ANSWER_KEYS.test(key.trim()));
  const field = entries.length === 1 ? entries[0] : named.length === 1 ? named[0] : undefined;
  if (!field) return undefined;
  // The one field is the answer, whatever it says: the text around it said nothing.
  return readYesNoValue(field[1]);
}

/** Yes on one condition and no on another: "yes if I'm sure, no if not", "if I got it right, yes; if wrong, no". */
const CONDITIONAL_BOTH = /\b(?:yes|no)\s+if\b[\s\S]*\b(?:yes|no)\s+if\b|\bif\b[^.;\n]*,\s*(?:yes|no)\b[\s\S]*\bif\b[^.;\n]*,\s*(?:yes|no)\b/i;

/** An exception taken to a yes: "except", "apart from", "other than", "all but". */
const EXCEPTION = /\b(?:except|excepting|apart from|aside from|other than|save for|all but|everything but)\b/i;

/**
 * A structured yes/no value (`true`, `"yes"`, `"Yes."`, `"✅"`, `"not satisfied"`, `1`/`0`):
 * the same reading as free text, for one JSON value.
 */
export function readYesNoValue(value: unknown): Reading<boolean> {
  if (typeof value === 'boolean') return read(value, 'structured');
  if (value === 1 || value === 0) return read(value === 1, 'structured');
  if (typeof value !== 'string') return unread('no answer');
  return readYesNo(value, { from: 'structured' });
}
