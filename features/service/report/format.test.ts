import fc from 'fast-check';
import { cleanBody, draftFormats, escapeMarkdown, headingsOf, monthlyReport, parsePlain, renderMarkdown, renderPlain, WORDING, type Block } from './index';
import { input, promise, visit } from './test-fixtures';

describe('Markdown escaping', () => {
  it('leaves names with dots and parentheses as typed', () => {
    expect(escapeMarkdown('Dr. Alice Park (COO)')).toBe('Dr. Alice Park (COO)');
    const { markdown } = monthlyReport(input({ bossName: 'Dr. Alice Park (COO)', account: { name: 'Acme Co. (Shanghai) Ltd.', contractEnd: '2027-03-31' } }));
    expect(markdown.startsWith('Dear Dr. Alice Park (COO),')).toBe(true);
    expect(markdown).toContain('Acme Co. (Shanghai) Ltd.');
    expect(markdown).not.toContain('\\.');
    expect(markdown).not.toContain('\\(');
  });

  it('escapes only what Markdown reads as syntax: emphasis, code, links, HTML, strikethrough, entities', () => {
    expect(escapeMarkdown('*Acme* [click](http://evil) <img src=x onerror=alert(1)>')).toBe('\\*Acme\\* \\[click\\](http://evil) \\<img src=x onerror=alert(1)>');
    expect(escapeMarkdown('snake_case `code` ~~gone~~ a\\b &amp; & co')).toBe('snake\\_case \\`code\\` \\~\\~gone\\~\\~ a\\\\b \\&amp; & co');
  });

  it('escapes what would open a block at the start of a line, and nothing else there', () => {
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('#hashtag')).toBe('#hashtag');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('2026. A year')).toBe('2026\\. A year');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('3.5 days - roughly')).toBe('3.5 days - roughly');
  });

  it('writes headings, bullets and the sign-off as Markdown, with user values escaped', () => {
    const r = monthlyReport(input({ visits: [visit('a', '2026-11-05', { bossMet: true, notes: '# not a heading [a](b)' })], promises: [promise('p', '_under_ <i>x</i>')] }));
    expect(r.markdown).toContain('## What we did together this month');
    expect(r.markdown).toMatch(/^- 5 Nov 2026 · 60 min/m);
    expect(r.markdown).toContain('  - Notes: # not a heading \\[a\\](b)');
    expect(r.markdown).toContain('- \\_under\\_ \\<i>x\\</i>: in progress');
    expect(r.markdown.trimEnd().endsWith('Best regards,  \nLi Na')).toBe(true);
    expect(monthlyReport(input({ language: 'zh-CN' })).markdown).toContain('## 本月我们一起做了什么');
  });
});

describe('plain text', () => {
  it('has no Markdown at all: no heading marks, no emphasis, no escapes, bullets as •', () => {
    const r = monthlyReport(input({ bossName: 'Dr. Alice Park (COO)', visits: [visit('a', '2026-11-05', { notes: 'a_b *c*' })] }));
    expect(r.text).not.toMatch(/^#|\*\*|\\|^- /m);
    expect(r.text).toContain('Dear Dr. Alice Park (COO),');
    expect(r.text).toContain('• 5 Nov 2026');
    expect(r.text).toContain('Notes: a_b *c*');
  });

  it('drops control characters, NUL bytes among them, and keeps each value on one line', () => {
    const r = monthlyReport(
      input({
        account: { name: 'Acme\u0007 Ltd\u0000', csm: 'Li\rNa', contractEnd: '2027-03-31' },
        bossName: 'Wang\nFang',
        visits: [visit('a', '2026-11-05', { attendees: ['Li\u001b[31mLei'], notes: 'line\u0000 one\r\nline two\u202e' })],
      }),
    );
    for (const out of [r.text, r.markdown, r.subject]) expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.subject).toBe('Acme Ltd · Monthly service report, November 2026');
    expect(r.text).toContain('Dear Wang Fang,');
    expect(r.text).toContain('Notes: line one line two');
    expect(r.text).toContain('with Li[31mLei');
    expect(r.text.trimEnd().endsWith('Best regards,\nLi Na')).toBe(true);
  });

  it('cleans an edited draft for storing: NUL and other controls and lone surrogates gone, lines kept', () => {
    expect(cleanBody('  Dear\u0000 Wang,\r\n\r\nline\u0007 two \ud800\n\n')).toBe('Dear Wang,\n\nline two');
  });
});

describe('the edited draft read back', () => {
  const headings = headingsOf(WORDING.en);

  it('gives the same Markdown as the report it came from', () => {
    const r = monthlyReport(input({ visits: [visit('a', '2026-11-05', { notes: 'n', followUps: [{ text: 'f', dueDate: '2026-12-01' }] })], promises: [promise('p', 'x')] }));
    expect(renderMarkdown(parsePlain(r.text, headings))).toBe(r.markdown);
    expect(draftFormats({ body: r.text, language: 'en', subject: r.subject }).markdown).toBe(r.markdown);
  });

  it('round-trips any document of headings, paragraphs and lists (property)', () => {
    const line = fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\n\r\u2028\u2029]/g, ' ').trim()).filter((s) => s.length > 0 && !/^[•◦]/.test(s) && !headings.has(s));
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.constantFrom(...headings).map((text) => ({ kind: 'heading' as const, text })),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => ({ kind: 'para' as const, lines })),
      fc.array(fc.record({ text: line, sub: fc.array(line, { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'list' as const, items })),
    );
    // Two lists or two paragraphs in a row are one once written out: the generator keeps kinds apart.
    const doc = fc.array(block, { maxLength: 8 }).map((bs) => bs.filter((b, i) => i === 0 || b.kind === 'heading' || b.kind !== bs[i - 1]!.kind));
    fc.assert(fc.property(doc, (blocks) => {
      const normal = blocks.map((b) => (b.kind === 'list' ? { ...b, items: b.items.map((i) => (i.sub?.length ? i : { text: i.text })) } : b));
      expect(parsePlain(renderPlain(blocks), headings)).toEqual(normal);
    }));
  });

  it('keeps what the CSM added: a paragraph, a bullet, a new line under a heading', () => {
    const edited = 'Dear Wang,\n\nThanks for the visit.\n• Extra point\n\nNext month\nWe meet on the 18th.';
    expect(renderMarkdown(parsePlain(edited, headings))).toBe('Dear Wang,\n\nThanks for the visit.\n\n- Extra point\n\n## Next month\n\nWe meet on the 18th.');
  });
});
