/**
 * Python 3 string and `re` semantics that IFEval's checkers depend on, for JavaScript.
 *
 * JavaScript's `\s`, `\w`, `\b`, `\d`, `.`, `^`/`$` and `trim()` differ from Python's
 * on non-ASCII text and around line breaks, and those differences change verdicts
 * (word counts of Hindi text, a stray U+0085, a `\r` before `$`). The ported checkers
 * build their patterns from the pieces here instead of JavaScript's shorthands.
 */

/** The characters of Python's `str.isspace()`, which `str.strip()`, `str.split()` and `re`'s `\s` use. */
const SPACE_CHARS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python `re` `\s` (Unicode): one whitespace character. */
export const PY_SPACE = `[${SPACE_CHARS}]`;

/** Python `re` `\S`. */
export const PY_NON_SPACE = `[^${SPACE_CHARS}]`;

/** Python `re` `\w` (Unicode): letters, numbers and underscore, but not combining marks. */
export const PY_WORD = '[\\p{L}\\p{N}_]';

/** Python `re` `\d` (Unicode): decimal digits of any script. */
export const PY_DIGIT = '\\p{Nd}';

/** Python `re` `\b`: a boundary between a `\w` and a non-`\w` character (or the text's edge). */
export const PY_BOUNDARY = `(?:(?<=${PY_WORD})(?!${PY_WORD})|(?<!${PY_WORD})(?=${PY_WORD}))`;

/** Python `re.MULTILINE` `^`: the start of the text or of a line (only `\n` ends lines). */
export const PY_LINE_START = '(?<![^\\n])';

/** Python `re.MULTILINE` `$`: the end of the text or of a line (only `\n` ends lines). */
export const PY_LINE_END = '(?![^\\n])';

/** Python `re` `$` without MULTILINE: the end of the text, or just before a final `\n`. */
export const PY_TEXT_END = '(?=\\n?$)';

const LEADING_SPACE = new RegExp(`^${PY_SPACE}+`, 'u');
const TRAILING_SPACE = new RegExp(`${PY_SPACE}+$`, 'u');
const SPACE_RUN = new RegExp(`${PY_SPACE}+`, 'u');

/** Python `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  return pyRstrip(text).replace(LEADING_SPACE, '');
}

/** Python `str.rstrip()` with no argument. */
export function pyRstrip(text: string): string {
  return text.replace(TRAILING_SPACE, '');
}

/** Python `str.strip(chars)`: removes any of `chars` from both ends. */
export function pyStripChars(text: string, chars: string): string {
  return pyRstripChars(pyLstripChars(text, chars), chars);
}

/** Python `str.lstrip(chars)`. */
export function pyLstripChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return text.slice(start);
}

/** Python `str.rstrip(chars)`. */
function pyRstripChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Python `str.split()` with no argument: runs of whitespace separate, empty pieces dropped. */
export function pySplitWhitespace(text: string): string[] {
  return pyStrip(text).split(SPACE_RUN).filter((piece) => piece !== '');
}

// Python's case predicates look at the Unicode Lowercase/Uppercase properties and at
// titlecase letters (Lt); a character with none of them is uncased.
const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const UPPER_OR_TITLE = /[\p{Uppercase}\p{Lt}]/u;
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;

/** Python `str.isupper()`: at least one cased character, and no lowercase or titlecase one. */
export function pyIsUpper(text: string): boolean {
  return UPPER.test(text) && !LOWER_OR_TITLE.test(text);
}

/** Python `str.islower()`: at least one cased character, and no uppercase or titlecase one. */
export function pyIsLower(text: string): boolean {
  return LOWER.test(text) && !UPPER_OR_TITLE.test(text);
}

/** Escapes text for literal use inside a `u`-flag regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
