/**
 * Plain text for a chat message (WeChat, WeCom, DingTalk, Feishu, SMS): these
 * show Markdown as typed, so its marks are taken out, and a long message is
 * folded or cut by the app, so the text is bounded here where the cut can
 * fall at a line boundary.
 */

/** The default bound, in characters (Unicode code points, as a person counts them). */
export const CHAT_MAX_CHARS = 500;
/** Ends a text that was cut. */
export const CHAT_CUT_MARK = '…';

export type ChatBullet = '· ' | '- ';

export interface ChatTextOptions {
  /** Longest result in characters, the cut mark included; at least 1. */
  maxChars?: number;
  /** What starts a list item. */
  bullet?: ChatBullet;
}

/** Length as a person counts it: an emoji or a rare CJK character made of two UTF-16 units is one. */
export const chatLength = (s: string): number => [...s].length;

/** C0 and C1 controls, DEL, and direction overrides that would reorder the text around them. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** Characters Markdown lets a backslash escape. */
const ESCAPABLE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
/** Private-use code points that stand for escaped characters while the marks are taken out. */
const HOLD_BASE = 0xe000;
const HOLDS = /[\uE000-\uE07F]/g;

const hold = (s: string): string => s.replace(ESCAPABLE, (_, c: string) => String.fromCharCode(HOLD_BASE + c.charCodeAt(0)));
const release = (s: string): string => s.replace(HOLDS, (c) => String.fromCharCode(c.charCodeAt(0) - HOLD_BASE));

/** Emphasis, strike-through, code spans, links and images inside one line. */
function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/(`+)(.+?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/\*(?=[^\s*])(.+?)(?<=[^\s*])\*/g, '$1')
    // Underscores only around a whole word: snake_case names stay as written.
    .replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2');
}

const HEADING = /^#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const SETEXT = /^(?:=+|-+)$/;
const FENCE = /^(?:```|~~~)/;
const BULLET = /^[-*+•·]\s+(?:\[[ xX]\]\s+)?/;

/** One line of Markdown as chat text: null for a line that only carries markup (it goes, not leaving a blank). */
function plainLine(raw: string, previous: string, bullet: ChatBullet): string | null {
  // A backslash or two spaces at the end are a hard line break: the break is the line's end anyway.
  let line = raw.trim().replace(/\\$/, '').trimEnd();
  while (/^>\s?/.test(line)) line = line.replace(/^>\s?/, '').trim();
  if (FENCE.test(line)) return null;
  const heading = HEADING.exec(line);
  if (heading) return heading[1] ? inline(heading[1]).trim() : null;
  if (RULE.test(line)) return null;
  // "Title" over "===" or "---" is a heading: the underline goes.
  if (SETEXT.test(line) && previous !== '') return null;
  const item = BULLET.exec(line);
  if (item) {
    const rest = inline(line.slice(item[0].length)).trim();
    return rest === '' ? null : bullet + rest;
  }
  return inline(line).trim();
}

/**
 * Cuts a single line to `maxChars` characters, the cut mark included, at a
 * character boundary (never between the halves of an emoji).
 */
export function clipLine(s: string, maxChars: number): string {
  return chatLength(s) <= maxChars ? s : cut(s, maxChars);
}

/** The start of `s` and the cut mark, in `maxChars` characters. */
function cut(s: string, maxChars: number): string {
  const room = Math.max(0, Math.floor(maxChars) - chatLength(CHAT_CUT_MARK));
  return [...s].slice(0, room).join('').trimEnd() + CHAT_CUT_MARK;
}

/** Whole lines while they fit, then the cut mark on its own line; a first line too long alone is cut inside. */
function bound(lines: string[], maxChars: number): string {
  const all = lines.join('\n');
  if (chatLength(all) <= maxChars) return all;
  const markRoom = chatLength(CHAT_CUT_MARK) + 1;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = chatLength(line) + (kept.length > 0 ? 1 : 0);
    if (used + cost + markRoom > maxChars) break;
    kept.push(line);
    used += cost;
  }
  while (kept.length > 0 && kept.at(-1) === '') kept.pop();
  if (kept.length === 0) return cut(lines[0] ?? '', maxChars);
  return `${kept.join('\n')}\n${CHAT_CUT_MARK}`;
}

/**
 * A message (plain or Markdown) as chat text: headings, emphasis, code marks
 * and escapes taken out; quote marks and rules dropped; list items start with
 * `bullet`; blank lines collapse to one; control characters (NUL included)
 * removed; at most `maxChars` characters, cut at a line boundary with "…".
 */
export function chatText(message: string, options: ChatTextOptions = {}): string {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? CHAT_MAX_CHARS));
  const bullet = options.bullet ?? '· ';
  const source = typeof message === 'string' ? message : '';
  const text = hold(
    source
      .replace(HOLDS, '')
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\t/g, ' ')
      .replace(CONTROLS, ''),
  );
  const lines: string[] = [];
  let previous = '';
  for (const raw of text.split('\n')) {
    const plain = plainLine(raw, previous, bullet);
    if (plain === null) continue;
    const line = release(plain).replace(/\s+/g, ' ');
    previous = line;
    if (line === '' && (lines.length === 0 || lines.at(-1) === '')) continue;
    lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return bound(lines, maxChars);
}
