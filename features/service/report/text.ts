/** Cleaning and escaping of what users typed, before it goes in a report. */

/**
 * Control characters, plus the bidirectional overrides and isolates: those
 * render invisibly and can reorder what the reader sees.
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

/** Cut to `max` characters (whole code points, so an emoji is never split), ending with an ellipsis. */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Markdown punctuation, backslash-escaped wherever it appears in a user value:
 * emphasis, links, images, headings, lists, tables, code, raw HTML and
 * entities. The colon and the dot are included so bare URLs and "www." are not
 * turned into links by renderers that auto-link.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:$=]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}
