/** Cleaning and escaping of what users typed, before it goes in a report. */

/**
 * Control characters (NUL among them), plus the bidirectional overrides and
 * isolates: those render invisibly and can reorder what the reader sees.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;

/** A user value as one clean line: breaks become spaces, invisible characters go, runs of spaces collapse. */
export function inline(value: string): string {
  return String(value ?? '')
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A text the CSM edited, cleaned for storing and sending: line breaks kept
 * (as \n), other control characters and lone surrogate halves dropped, each
 * line's trailing spaces trimmed.
 */
export function cleanBody(value: string): string {
  return String(value ?? '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/** Cut to `max` characters (whole code points, so an emoji is never split), ending with an ellipsis. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Markdown escaping, only where Markdown would read a character as syntax
 * (CommonMark 0.31 and GitHub Flavored Markdown): emphasis and code (* _ `),
 * links and images ([ ]), raw HTML and autolinks (<), strikethrough (~),
 * entity references (&name;) and the backslash itself. Dots, parentheses,
 * colons and hyphens inside a line stay as typed: "Dr. Alice Park (COO)".
 */
const INLINE_SPECIAL = /[\\`*_[\]<~]|&(?=#?[A-Za-z0-9]+;)/g;

/**
 * What opens a block at the start of a line: ATX headings, block quotes,
 * bullets, ordered-list numbers, and lines of = or - (setext underlines and
 * thematic breaks).
 */
const LINE_START = /^(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|[=-]+\s*$)/;

export function escapeMarkdown(value: string): string {
  const escaped = value.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  const m = LINE_START.exec(escaped);
  if (!m) return escaped;
  // A number: escape the dot or parenthesis after it; anything else: its first character.
  return /^\d/.test(m[0]) ? `${m[0]}\\${escaped.slice(m[0].length)}` : `\\${escaped}`;
}

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML, in element content and quoted attributes alike. */
export function escapeHtml(value: string): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!);
}
