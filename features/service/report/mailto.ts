/** mailto: links that open the user's mail client with the report. */

/** Longest mailto: link produced; longer links are cut by some mail clients and browsers. */
export const MAILTO_MAX_CHARS = 1900;
/** Appended to a body cut to fit a mailto: link: the full report goes by the clipboard. */
export const TRUNCATION_MARK = '…\n[…]';
/** Subjects are short; an absurdly long one is cut so the body keeps most of the link. */
const SUBJECT_MAX_ENCODED = 600;
const ADDRESS_MAX_ENCODED = 600;

/** Lone surrogate halves (from a cut string) would make encodeURIComponent throw: they become U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Characters that would break out of the address part of the link, or add recipients. */
const NOT_IN_ADDRESS = /[\s\u0000-\u001f\u007f?&#%,;:<>"'()[\]\\/]/;

/** The address as it goes in the link, or '' when it is not plausibly one e-mail address. */
function mailAddress(to: string | undefined): string {
  if (typeof to !== 'string') return '';
  const address = wellFormed(to.trim());
  if (address.length > 254 || NOT_IN_ADDRESS.test(address)) return '';
  const parts = address.split('@');
  if (parts.length !== 2) return '';
  const [local, domain] = parts as [string, string];
  if (!local || !/^[^.]+(\.[^.]+)+$/.test(domain)) return '';
  const encoded = `${encodeURIComponent(local)}@${encodeURIComponent(domain)}`;
  // Far longer than any real address once encoded: leave the room to the report.
  return encoded.length > ADDRESS_MAX_ENCODED ? '' : encoded;
}

/** The longest start of `s`, in whole code points, whose encoded form fits in `budget` characters (stops reading there). */
function fitEncoded(s: string, budget: number): string {
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const cost = encodeURIComponent(ch).length;
    if (used + cost > budget) break;
    used += cost;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** The body cut at a line boundary so its encoded form fits in `budget`, ending with the truncation mark. */
function cutBody(body: string, budget: number): string {
  const markCost = encodeURIComponent(`\n${TRUNCATION_MARK}`).length;
  const room = budget - markCost;
  let used = 0;
  let end = -1; // end of the kept lines in `body`; -1: none kept yet
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const stop = nl < 0 ? body.length : nl;
    const sep = end < 0 ? 0 : 3; // %0A
    // A line longer than the room left cannot fit, whatever it encodes to: skip encoding it.
    if (stop - pos > room - used) break;
    const cost = sep + encodeURIComponent(body.slice(pos, stop)).length;
    if (used + cost > room) break;
    used += cost;
    end = stop;
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (end >= 0) return `${body.slice(0, end)}\n${TRUNCATION_MARK}`;
  // Not even the first line fits: keep what does of it.
  const start = fitEncoded(body, room);
  return start ? `${start}\n${TRUNCATION_MARK}` : TRUNCATION_MARK;
}

/**
 * A mailto: link opening the user's mail client with the report. The body is
 * cut at a line boundary when the link would be too long; the full report is
 * then pasted from the clipboard.
 */
export function mailtoHref(to: string | undefined, subject: string, body: string): string {
  try {
    const address = mailAddress(to);
    const s = wellFormed(String(subject ?? ''));
    let encodedSubject = encodeURIComponent(s);
    if (encodedSubject.length > SUBJECT_MAX_ENCODED) {
      encodedSubject = encodeURIComponent(`${fitEncoded(s, SUBJECT_MAX_ENCODED - 3)}…`);
    }
    const head = `mailto:${address}?subject=${encodedSubject}&body=`;
    const b = wellFormed(String(body ?? ''));
    const budget = MAILTO_MAX_CHARS - head.length;
    // Encoding never shortens text, so a body longer than the budget needs no trial encoding.
    if (b.length <= budget) {
      const encoded = encodeURIComponent(b);
      if (encoded.length <= budget) return head + encoded;
    }
    return head + encodeURIComponent(cutBody(b, budget));
  } catch {
    return 'mailto:';
  }
}
