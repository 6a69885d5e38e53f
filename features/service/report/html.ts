import type { ReportLanguage } from '../../../data/model/records';
import type { Block } from './format';
import type { ChartPoint } from './input';
import { escapeHtml as e } from './text';
import { EN, WORDING, type Wording } from './wording';

/**
 * The report as a printable HTML page (print to PDF), with one small inline
 * SVG chart of the month. Every value is escaped, and the page's own policy
 * (a CSP meta element, as in the CSP Level 3 spec) allows no script, no
 * network and no frames: only its inline style and its inline SVG.
 */

export interface Chart {
  /** Already worded in the report's language. */
  title: string;
  points: readonly ChartPoint[];
}

export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = [
  'body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;margin:0}',
  'main{max-width:720px;margin:32px auto;padding:0 24px}',
  'h1{font-size:22px;margin:0 0 16px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}',
  'p{margin:8px 0}ul{margin:8px 0;padding-left:22px}figure{margin:12px 0}figcaption{font-size:13px;color:#57606a}',
  '.hint{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;font-size:13px}',
  '@media print{.hint{display:none}main{margin:0 auto}h2{break-after:avoid}li{break-inside:avoid}}',
].join('');

const W = 360;
const H = 150;

/** Bars of the month's values in percent (0 to 100, or more when a value passes 100). */
export function chartSvg(chart: Chart, w: Wording): string {
  const n = chart.points.length;
  if (n === 0) return '';
  const max = Math.max(100, ...chart.points.map((p) => p.value));
  const slot = (W - 20) / n;
  const bar = Math.min(36, slot * 0.6);
  const plot = H - 40;
  const bars = chart.points.map((p, i) => {
    const h = Math.max(1, Math.round((Math.max(0, p.value) / max) * plot));
    const x = Math.round(10 + i * slot + (slot - bar) / 2);
    const y = 20 + plot - h;
    const [yy, mm] = p.month.split('-').map(Number) as [number, number];
    const cx = Math.round(x + bar / 2);
    return (
      `<rect x="${x}" y="${y}" width="${Math.round(bar)}" height="${h}" fill="#2f81f7"/>` +
      `<text x="${cx}" y="${y - 4}" text-anchor="middle" font-size="11">${e(String(p.value))}%</text>` +
      `<text x="${cx}" y="${H - 6}" text-anchor="middle" font-size="11">${e(w.shortMonth(yy, mm))}</text>`
    );
  });
  const title = e(chart.title);
  return (
    `<figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<title>${title}</title><line x1="10" y1="${20 + plot}" x2="${W - 10}" y2="${20 + plot}" stroke="#8c959f"/>${bars.join('')}</svg>` +
    `<figcaption>${title}</figcaption></figure>`
  );
}

function blockHtml(b: Block): string {
  if (b.kind === 'heading') return `<h2>${e(b.text)}</h2>`;
  if (b.kind === 'para') return `<p>${b.lines.map(e).join('<br>')}</p>`;
  const items = b.items.map((i) => `<li>${e(i.text)}${i.sub?.length ? `<ul>${i.sub.map((s) => `<li>${e(s)}</li>`).join('')}</ul>` : ''}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

/**
 * The page: the subject as its title, the blocks, and the chart after the
 * section of the first heading named in `chartAfter` (else after the opening paragraphs).
 */
export function reportHtml(opts: { language: ReportLanguage; subject: string; blocks: readonly Block[]; chart?: Chart; chartAfter?: readonly string[] }): string {
  const w = WORDING[opts.language] ?? EN;
  const svg = opts.chart ? chartSvg(opts.chart, w) : '';
  const parts = opts.blocks.map(blockHtml);
  if (svg) {
    const after = new Set(opts.chartAfter ?? []);
    const at = opts.blocks.findIndex((b) => b.kind === 'heading' && after.has(b.text));
    // At the end of that section (before the next heading), else after the opening paragraphs.
    const end = at < 0 ? -1 : opts.blocks.findIndex((b, i) => i > at && b.kind === 'heading');
    const pos = at < 0 ? Math.min(2, parts.length) : end < 0 ? Math.max(at + 1, parts.length - 1) : end;
    parts.splice(pos, 0, svg);
  }
  return [
    '<!doctype html>',
    `<html lang="${e(opts.language)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${e(PAGE_POLICY)}">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${e(opts.subject)}</title><style>${STYLE}</style></head>`,
    `<body><main><p class="hint">${e(w.printHint)}</p><h1>${e(opts.subject)}</h1>${parts.join('\n')}</main></body></html>`,
  ].join('\n');
}
