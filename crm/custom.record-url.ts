import { compileCustomRule } from './custom';
import { HOST, enc, type RecordUrlBuilder } from './record-url';

/**
 * The record URL a custom rule's pattern describes, when the pattern is simple
 * enough to be read backwards. A rule stores no sample URL or template, only a
 * host and a regular expression, so the rebuild is deliberately narrow:
 *
 * - the host must be exact; for "*.example.com" the record may live on any
 *   subdomain, so there is no single host to open;
 * - the pattern must be anchored (^) and start with "/", and apart from its
 *   one capture group (the record id) consist only of literal characters,
 *   escaped punctuation and optional parts ("/?", "(?:/overview)?"), which
 *   are left out.
 *
 * Anything else (character classes, alternatives, wildcards, lookarounds,
 * a second group) yields null. The result is checked by the rule's own
 * matcher, so a URL is only returned when it opens the same record.
 */
function templateOf(source: string): { before: string; after: string } | null {
  // NUL marks the id's place below, so the source itself may not hold one.
  if (!source.startsWith('^') || source.includes('\u0000')) return null;
  let i = 1;
  let hasId = false;

  /** Literal text up to the end or the ")" closing a non-capturing group. */
  function literal(inGroup: boolean): string | null {
    let out = '';
    let last = -1; // where the last atom starts in `out`, for a following "?"
    let lastIsGroup = false;
    while (i < source.length) {
      const c = source[i]!;
      if (c === ')') {
        if (!inGroup) return null;
        return out;
      }
      if (c === '?') {
        // Optional atom: leave it out. A group containing the id cannot be dropped.
        if (last < 0 || lastIsGroup) return null;
        out = out.slice(0, last);
        last = -1;
        i++;
        continue;
      }
      if (c === '$') {
        if (inGroup || i !== source.length - 1) return null;
        i++;
        return out;
      }
      if (c === '\\') {
        const next = source[i + 1];
        // \d, \w, \b, \u… are classes or escapes, not literal characters.
        if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
        last = out.length;
        lastIsGroup = false;
        out += next;
        i += 2;
        continue;
      }
      if (c === '(') {
        if (source.startsWith('(?:', i)) {
          i += 3;
          const inner = literal(true);
          if (inner === null || source[i] !== ')') return null;
          i++;
          last = out.length;
          lastIsGroup = inner.includes('\u0000');
          out += inner;
          continue;
        }
        // The capture group: (…) or (?<name>…); lookarounds and back-references are not.
        if (source.startsWith('(?', i) && !/^\(\?<[A-Za-z_$][\w$]*>/.test(source.slice(i))) return null;
        if (hasId) return null;
        const end = groupEnd(source, i);
        if (end < 0) return null;
        hasId = true;
        i = end;
        last = out.length;
        lastIsGroup = true;
        out += '\u0000';
        // The id may not be optional or repeated.
        if (/^[?*+{]/.test(source.slice(i))) return null;
        continue;
      }
      if ('.[]{}|*+^'.includes(c)) return null;
      last = out.length;
      lastIsGroup = false;
      out += c;
      i++;
    }
    return inGroup ? null : out;
  }

  const shape = literal(false);
  if (shape === null || i !== source.length || !hasId || !shape.startsWith('/')) return null;
  const at = shape.indexOf('\u0000');
  return { before: shape.slice(0, at), after: shape.slice(at + 1) };
}

/** Index just past the ")" closing the group opened at `start`, or -1. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A user's own CRM: the rule named by the org key, read backwards (see templateOf). */
export const customUrl: RecordUrlBuilder = (ref, options) => {
  const rule = options.customRules?.find((r) => r.id === ref.orgKey);
  if (!rule) return null;
  const host = rule.hostPattern.trim().toLowerCase();
  if (!HOST.test(host)) return null;
  const shape = templateOf(rule.urlPattern);
  if (!shape) return null;
  return {
    url: `https://${host}${shape.before}${enc(ref.recordId)}${shape.after}`,
    adapter: compileCustomRule(rule),
    expect: { recordId: ref.recordId, orgKey: rule.id },
  };
};
