import { Fragment } from 'react';

/** A date, a time or a figure: kept on one line wherever the text around it wraps. */
const WHOLE = /\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日|(?:[A-Z]{0,3}[¥$€£])?\d[\d,.:]*\d(?:\s?%)?/g;

/** Text whose dates and figures never break across lines (the words between them wrap as usual). */
export function Unbroken({ text }: { text: string }) {
  const parts: (string | { whole: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(WHOLE)) {
    if (m.index! > at) parts.push(text.slice(at, m.index));
    parts.push({ whole: m[0] });
    at = m.index! + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((p, i) => (typeof p === 'string' ? <Fragment key={i}>{p}</Fragment> : <span key={i} className="nowrap">{p.whole}</span>))}
    </>
  );
}
