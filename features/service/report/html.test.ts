import { JSDOM } from 'jsdom';
import { chartSeries, draftFormats, monthlyReport, PAGE_POLICY, USAGE_MEASURES } from './index';
import { input, promise, visit } from './test-fixtures';
import type { HealthSnapshot } from '../../../data/model/records';

const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>"\' &amp;';
const snap = (asOf: string, activeUserRate: number): HealthSnapshot => ({
  id: `s${asOf}`, accountId: 'acc-1', createdAt: `${asOf}T09:00:00.000Z`, updatedAt: `${asOf}T09:00:00.000Z`, asOf, inputs: { activeUserRate },
});
const page = (html: string) => new JSDOM(html).window.document;

describe('the printable page', () => {
  const r = monthlyReport(
    input({
      account: { name: hostile, csm: hostile, contractEnd: '2027-03-31' },
      bossName: hostile,
      visits: [visit('a', '2026-11-05', { attendees: [hostile], notes: hostile })],
      promises: [promise('p', hostile)],
    }),
  );
  const { html } = draftFormats({ body: r.text, language: 'en', subject: r.subject });

  it('prints a hostile customer name, notes and requests as text: no element, no handler, no script', () => {
    const doc = page(html);
    expect(doc.querySelectorAll('img, script, iframe, object, embed, link').length).toBe(0);
    expect([...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect(doc.title).toContain(hostile.replace(/\s+/g, ' '));
    expect(doc.querySelector('h1')!.textContent).toBe(r.subject);
    expect(doc.body.textContent).toContain(`Dear ${hostile},`);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
  });

  it('carries a policy that allows no script, no network and no frame', () => {
    const meta = page(html).querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(meta.getAttribute('content')).toBe(PAGE_POLICY);
    expect(PAGE_POLICY).toContain("default-src 'none'");
    expect(PAGE_POLICY).not.toMatch(/script-src|unsafe-eval/);
  });

  it('writes the headings, paragraphs and lists of the edited text, in the report language', () => {
    const edited = `${r.text}\n\nA line the CSM added <b>.`;
    const doc = page(draftFormats({ body: edited, language: 'en', subject: r.subject }).html);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(["What we did together this month", 'Summary for you', 'Your requests', 'Next month']);
    expect(doc.querySelector('main')!.lastElementChild!.textContent).toBe('A line the CSM added <b>.');
    expect(doc.documentElement.lang).toBe('en');
    const zh = page(draftFormats({ body: monthlyReport(input({ language: 'zh-CN' })).text, language: 'zh-CN', subject: 's' }).html);
    expect(zh.documentElement.lang).toBe('zh-CN');
    expect(zh.querySelector('h2')!.textContent).toBe('本月我们一起做了什么');
  });
});

describe('the chart of the month', () => {
  const snapshots = [snap('2026-09-30', 40), snap('2026-10-15', 52), snap('2026-11-28', 64), snap('2026-12-02', 99)];

  it('reads each month at its end, up to the report day, leaving out months without a reading of their own', () => {
    expect(chartSeries(snapshots, '2026-11', '2026-11-30', USAGE_MEASURES)).toEqual({
      measure: 'activeUserRate',
      points: [{ month: '2026-09', value: 40 }, { month: '2026-10', value: 52 }, { month: '2026-11', value: 64 }],
    });
    expect(chartSeries(snapshots, '2026-11', '2026-11-30', ['outcomeAttainment'])).toBeUndefined();
    expect(chartSeries([], '2026-11', '2026-11-30', USAGE_MEASURES)).toBeUndefined();
  });

  it('is one small inline SVG in the usage section, with its values and a title', () => {
    const r = monthlyReport(input({ usage: { now: { asOf: '2026-11-28', inputs: { activeUserRate: 64 } } } }));
    const series = chartSeries(snapshots, '2026-11', '2026-11-30', USAGE_MEASURES);
    const doc = page(draftFormats({ body: r.text, language: 'en', subject: r.subject, series }).html);
    const svgs = doc.querySelectorAll('svg');
    expect(svgs.length).toBe(1);
    expect(svgs[0]!.querySelectorAll('rect').length).toBe(3);
    expect(svgs[0]!.textContent).toContain('64%');
    expect(svgs[0]!.textContent).toContain('Nov 26');
    expect(svgs[0]!.getAttribute('aria-label')).toBe('Active users by month (%)');
    // After the usage section's content, before the next heading.
    const figure = doc.querySelector('figure')!;
    expect(figure.previousElementSibling!.tagName).toBe('UL');
    expect(figure.nextElementSibling!.textContent).toBe('Your requests');
  });
});
