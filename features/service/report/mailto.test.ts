import { MAILTO_MAX_CHARS, mailtoHref, monthlyReport } from './index';
import { input, visit } from './test-fixtures';

describe('mailtoHref', () => {
  it('encodes the address, subject and body', () => {
    expect(mailtoHref('boss@acme.com', 'Report & more', 'Line 1\nLine 2? 100%')).toBe(
      'mailto:boss@acme.com?subject=Report%20%26%20more&body=Line%201%0ALine%202%3F%20100%25',
    );
    const zh = mailtoHref('boss@acme.com', '2026年11月服务报告', '您好');
    expect(decodeURIComponent(zh.slice(zh.indexOf('subject=') + 8, zh.indexOf('&body=')))).toBe('2026年11月服务报告');
  });

  it('leaves out an address that is not plausibly one e-mail address', () => {
    for (const bad of [undefined, '', 'boss', 'a@b@acme.com', 'boss @acme.com', 'boss@acme.com?cc=x@evil.com', 'a@acme.com&bcc=x', 'boss@localhost', 'a@x.com,b@y.com']) {
      expect(mailtoHref(bad, 'S', 'B')).toBe('mailto:?subject=S&body=B');
    }
    expect(mailtoHref('  boss@acme.com ', 'S', 'B')).toBe('mailto:boss@acme.com?subject=S&body=B');
  });

  it('caps the link length, cutting the body at a line boundary and marking the cut', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Line ${i} of the report`);
    const href = mailtoHref('boss@acme.com', 'Report', lines.join('\n'));
    expect(href.length).toBeLessThanOrEqual(MAILTO_MAX_CHARS);
    const body = decodeURIComponent(href.slice(href.indexOf('&body=') + 6));
    expect(body.endsWith('\n…\n[…]')).toBe(true);
    const kept = body.slice(0, -'\n…\n[…]'.length).split('\n');
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(lines.slice(0, kept.length));
  });

  it('keeps a body that fits untouched, including a full report', () => {
    const r = monthlyReport(input({ visits: [visit('a', '2026-11-05')] }));
    const href = mailtoHref('boss@acme.com', r.subject, r.text);
    expect(decodeURIComponent(href.slice(href.indexOf('&body=') + 6))).toBe(r.text);
  });

  it('never throws: huge bodies, one huge line, lone surrogates, long subjects', () => {
    const cases: [string | undefined, string, string][] = [
      ['boss@acme.com', 'S', 'x'.repeat(2_000_000)],
      ['boss@acme.com', 'S', '服务报告\n'.repeat(200_000)],
      ['boss@acme.com', 'S\ud800', 'bad \udc00 half\n'.repeat(1000)],
      ['boss@acme.com', '主题'.repeat(5000), 'body'],
      ['\ud800@acme.com', 'S', '😀'.repeat(5000)],
    ];
    for (const [to, subject, body] of cases) {
      let href = '';
      expect(() => (href = mailtoHref(to, subject, body))).not.toThrow();
      expect(href.startsWith('mailto:')).toBe(true);
      expect(href.length).toBeLessThanOrEqual(MAILTO_MAX_CHARS);
      expect(() => decodeURIComponent(href.slice(7))).not.toThrow();
    }
  });
});
