/**
 * Where lines of Chinese may break in a brief. Chinese is written without
 * spaces, so a description or a name can be one "word" wider than its
 * table cell. textkit (react-pdf's layout) breaks lines at spaces and at
 * hyphenation points, and at a hyphenation point it appends a hyphen in the
 * font of the text before it: the Noto Sans SC subsets have none, so a box.
 * And a run of Chinese changes font inside itself (each Noto Sans SC subset
 * is a family of its own, fonts.ts): where no break was allowed, its
 * best-fit fallback broke at such a change, with the same box.
 *
 * So the hyphenation callback returns, between two characters a line may
 * break between, an empty syllable: textkit makes it glue of no width, a
 * break point that adds nothing (only a glue right after a word is one).
 * A line may break between two Han characters, after closing punctuation
 * or before an opening bracket — never before a comma or a closing bracket
 * nor after an opening one. Anything else stays one word, as before.
 */

const HAN = /\p{Script=Han}/u;
/** Chinese punctuation a line may end with but not start with. */
const CLOSING = /[，。、；：？！）」』】》〉〕”’…]/u;
/** Chinese brackets a line may start with but not end with. */
const OPENING = /[（「『【《〈〔“‘]/u;

/** Whether a line may break between the characters `a` and `b` (adjacent, no space between). */
export function mayBreakBetween(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return (HAN.test(a) || CLOSING.test(a)) && (HAN.test(b) || OPENING.test(b));
}

/**
 * A hyphenation callback for react-pdf (`Font.registerHyphenationCallback`), made anew for each render.
 * textkit calls it word by word, in order, for the runs of a paragraph (a run: text in one font), so a
 * break where a run of Chinese changes font is decided with the last character of the word before; the
 * first word of a paragraph may get an empty syllable in front, which is no break point (nothing before it).
 */
export function hanBreaks(): (word: string) => string[] {
  let before: string | undefined;
  return (word) => {
    const chars = [...word];
    const previous = before;
    before = chars.at(-1);
    if (!HAN.test(word)) return [word];
    const parts: string[] = mayBreakBetween(previous, chars[0]) ? [''] : [];
    let part = '';
    chars.forEach((ch, i) => {
      part += ch;
      if (mayBreakBetween(ch, chars[i + 1])) {
        parts.push(part, '');
        part = '';
      }
    });
    if (part) parts.push(part);
    return parts;
  };
}
