/**
 * Language identification as IFEval does it: a port of the Python `langdetect` package
 * (Nakatani's language-detection: character 1-3-gram profiles of 55 languages,
 * naive-Bayes updates on randomly drawn n-grams, seven trials).
 *
 * Python's `langdetect.detect` seeds its generator from the OS, so the same text can
 * get different answers on different runs. Here the generator is a Mersenne Twister
 * seeded with 0, drawing exactly as Python's `random.Random(0)` would: the result is
 * deterministic and equals Python `langdetect` run with `DetectorFactory.seed = 0`.
 *
 * The language profiles come from the npm `langdetect` package, whose files are the
 * Python package's profiles except that it lacks Catalan (`ca`) and Welsh (`cy`) and
 * has an older Korean profile; Korean text is still detected as `ko`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pyIsUpper } from './pystr.js';

const N_GRAM = 3;
const TRIALS = 7;
const ALPHA = 0.5;
const ALPHA_WIDTH = 0.05;
const ITERATION_LIMIT = 1000;
const PROB_THRESHOLD = 0.1;
const CONV_THRESHOLD = 0.99999;
const BASE_FREQ = 10000;
const MAX_TEXT_LENGTH = 10000;
const SEED = 0;

/** What `langdetect.detect` answers when no language clears the probability threshold. */
const UNKNOWN_LANGUAGE = 'unknown';

const URL = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;
/** Vietnamese vowels followed by a combining tone mark, which langdetect composes. */
const VIETNAMESE_DECOMPOSED = /([AEIOUYaeiouyÂÊÔâêôĂăƠơƯư])([\u0300\u0301\u0303\u0309\u0323])/g;

interface Profiles {
  languages: string[];
  /** For each n-gram, its probability in each language (same order as `languages`). */
  ngramProbabilities: Map<string, Float64Array>;
  /** CJK ideographs folded to one representative of their frequency class. */
  cjkRepresentative: Map<string, string>;
}

let profiles: Profiles | undefined;

interface ProfileFile {
  freq: Record<string, number>;
  n_words: number[];
}

function loadProfiles(): Profiles {
  const root = dirname(createRequire(import.meta.url).resolve('langdetect/package.json'));
  const files = readdirSync(join(root, 'profiles')).filter((file) => file.endsWith('.json')).sort();
  const languages = files.map((file) => file.slice(0, -'.json'.length));
  const ngramProbabilities = new Map<string, Float64Array>();
  files.forEach((file, index) => {
    const profile = JSON.parse(readFileSync(join(root, 'profiles', file), 'utf8')) as ProfileFile;
    for (const [ngram, count] of Object.entries(profile.freq)) {
      const length = [...ngram].length;
      if (length < 1 || length > N_GRAM) continue;
      let row = ngramProbabilities.get(ngram);
      if (!row) ngramProbabilities.set(ngram, (row = new Float64Array(files.length)));
      row[index] = count / profile.n_words[length - 1]!;
    }
  });
  const cjkClasses = JSON.parse(readFileSync(join(root, 'res', 'cjk.json'), 'utf8')) as Record<string, string>;
  const cjkRepresentative = new Map<string, string>();
  for (const members of Object.values(cjkClasses)) {
    const chars = [...members];
    for (const char of chars) cjkRepresentative.set(char, chars[0]!);
  }
  return { languages, ngramProbabilities, cjkRepresentative };
}

function getProfiles(): Profiles {
  return (profiles ??= loadProfiles());
}

/** langdetect's per-character normalisation, by Unicode block. */
function normalizeChar(char: string, cjk: Map<string, string>): string {
  const cp = char.codePointAt(0)!;
  if (cp <= 0x7f) return /[A-Za-z]/.test(char) ? char : ' ';
  if (cp <= 0xff) return '\u00a0\u00ab\u00b0\u00bb'.includes(char) ? ' ' : char;
  if (cp >= 0x180 && cp <= 0x24f) {
    // Romanian comma-below letters are folded to their cedilla forms.
    if (char === '\u0219') return '\u015f';
    if (char === '\u021b') return '\u0163';
    return char;
  }
  if (cp >= 0x600 && cp <= 0x6ff) return char === '\u06cc' ? '\u064a' : char;
  if (cp >= 0x1e00 && cp <= 0x1eff) return cp >= 0x1ea0 ? '\u1ec3' : char;
  if (cp >= 0x2000 && cp <= 0x206f) return ' ';
  if (cp >= 0x3040 && cp <= 0x309f) return '\u3042';
  if (cp >= 0x30a0 && cp <= 0x30ff) return '\u30a2';
  if ((cp >= 0x3100 && cp <= 0x312f) || (cp >= 0x31a0 && cp <= 0x31bf)) return '\u3105';
  if (cp >= 0x4e00 && cp <= 0x9fff) return cjk.get(char) ?? char;
  if (cp >= 0xac00 && cp <= 0xd7af) return '\uac00';
  return char;
}

/** The code points langdetect reads: URLs and e-mail addresses blanked, space runs squeezed, capped in length. */
function prepareText(text: string): string[] {
  const cleaned = text
    .replace(URL, ' ')
    .replace(MAIL, ' ')
    .replace(VIETNAMESE_DECOMPOSED, (pair) => pair.normalize('NFC'));
  const chars: string[] = [];
  let previous = '';
  for (const char of [...cleaned].slice(0, MAX_TEXT_LENGTH)) {
    if (char !== ' ' || previous !== ' ') chars.push(char);
    previous = char;
  }
  return dropLatinFromNonLatinText(chars);
}

/** Text mostly in a non-Latin script loses its Latin letters (and ASCII `[\]^_\``). */
function dropLatinFromNonLatinText(chars: string[]): string[] {
  const isLatin = (char: string): boolean => char >= 'A' && char <= 'z';
  let latin = 0;
  let nonLatin = 0;
  for (const char of chars) {
    const cp = char.codePointAt(0)!;
    if (isLatin(char)) latin++;
    else if (cp >= 0x300 && !(cp >= 0x1e00 && cp <= 0x1eff)) nonLatin++;
  }
  return latin * 2 < nonLatin ? chars.filter((char) => !isLatin(char)) : chars;
}

/** The known 1-, 2- and 3-grams of the text, skipping words written in capitals. */
function extractNgrams(chars: string[], data: Profiles): string[] {
  const ngrams: string[] = [];
  let grams = [' '];
  let capitalWord = false;
  for (const raw of chars) {
    const char = normalizeChar(raw, data.cjkRepresentative);
    const last = grams[grams.length - 1]!;
    if (last === ' ') {
      grams = [' '];
      capitalWord = false;
      if (char === ' ') continue;
    } else if (grams.length >= N_GRAM) {
      grams.shift();
    }
    grams.push(char);
    if (!pyIsUpper(char)) capitalWord = false;
    else if (pyIsUpper(last)) capitalWord = true;
    if (capitalWord) continue;
    for (let n = 1; n <= N_GRAM && n <= grams.length; n++) {
      const gram = grams.slice(-n).join('');
      if (gram !== ' ' && data.ngramProbabilities.has(gram)) ngrams.push(gram);
    }
  }
  return ngrams;
}

/**
 * The language of a text as an ISO 639-1 code (`zh-cn` and `zh-tw` for Chinese),
 * `unknown` when no language is likely enough, or null when the text has no
 * letters to go by (where Python raises LangDetectException).
 */
export function detectLanguage(text: string): string | null {
  const data = getProfiles();
  const ngrams = extractNgrams(prepareText(text), data);
  if (ngrams.length === 0) return null;
  const languageCount = data.languages.length;
  const average = new Float64Array(languageCount);
  const random = new PythonRandom(SEED);
  for (let trial = 0; trial < TRIALS; trial++) {
    const prob = new Float64Array(languageCount).fill(1 / languageCount);
    const weight = (ALPHA + random.gauss() * ALPHA_WIDTH) / BASE_FREQ;
    for (let i = 0; ; i++) {
      const row = data.ngramProbabilities.get(ngrams[random.below(ngrams.length)]!)!;
      for (let k = 0; k < languageCount; k++) prob[k]! *= weight + row[k]!;
      if (i % 5 === 0 && (normalize(prob) > CONV_THRESHOLD || i >= ITERATION_LIMIT)) break;
    }
    for (let k = 0; k < languageCount; k++) average[k]! += prob[k]! / TRIALS;
  }
  let best = UNKNOWN_LANGUAGE;
  let bestProb = PROB_THRESHOLD;
  // Strictly greater keeps the first of equal maxima, as Python's stable sort does.
  average.forEach((p, k) => {
    if (p > bestProb) [best, bestProb] = [data.languages[k]!, p];
  });
  return best;
}

/** Scales the probabilities to sum to 1 and returns the largest. */
function normalize(prob: Float64Array): number {
  let sum = 0;
  for (const p of prob) sum += p;
  let max = 0;
  for (let k = 0; k < prob.length; k++) {
    const p = prob[k]! / sum;
    if (max < p) max = p;
    prob[k] = p;
  }
  return max;
}

/**
 * The draws of CPython's `random.Random(seed)` that langdetect uses: MT19937 seeded
 * by `init_by_array`, `choice` by rejection sampling on `getrandbits`, and `gauss`.
 */
class PythonRandom {
  private readonly state = new Uint32Array(624);
  private index = 624;
  private nextGauss: number | undefined;

  constructor(seed: number) {
    this.seedByArray([seed >>> 0]);
  }

  private seedByArray(key: number[]): void {
    const mt = this.state;
    mt[0] = 19650218;
    for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1]! ^ (mt[i - 1]! >>> 30)) + i) >>> 0;
    let i = 1;
    let j = 0;
    for (let k = Math.max(624, key.length); k > 0; k--) {
      mt[i] = ((mt[i]! ^ Math.imul(mt[i - 1]! ^ (mt[i - 1]! >>> 30), 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= 624) [mt[0], i] = [mt[623]!, 1];
      if (j >= key.length) j = 0;
    }
    for (let k = 623; k > 0; k--) {
      mt[i] = ((mt[i]! ^ Math.imul(mt[i - 1]! ^ (mt[i - 1]! >>> 30), 1566083941)) - i) >>> 0;
      i++;
      if (i >= 624) [mt[0], i] = [mt[623]!, 1];
    }
    mt[0] = 0x80000000;
    this.index = 624;
  }

  private nextUint32(): number {
    const mt = this.state;
    if (this.index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % 624]! & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `random.random()`: 53 random bits in [0, 1). */
  private uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** `random._randbelow(n)`, which `random.choice` uses: an integer in [0, n). */
  below(n: number): number {
    const bits = 32 - Math.clz32(n);
    for (;;) {
      const r = this.nextUint32() >>> (32 - bits);
      if (r < n) return r;
    }
  }

  /** `random.gauss(0, 1)`, which draws values in pairs. */
  gauss(): number {
    const cached = this.nextGauss;
    this.nextGauss = undefined;
    if (cached !== undefined) return cached;
    const angle = this.uniform() * 2 * Math.PI;
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    this.nextGauss = Math.sin(angle) * radius;
    return Math.cos(angle) * radius;
  }
}
