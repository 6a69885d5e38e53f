import type { ReportLanguage } from '../../../data/model/records';
import { parsePlain, renderMarkdown } from './format';
import { reportHtml, type Chart } from './html';
import type { ChartPoint } from './input';
import { cleanBody } from './text';
import { EN, WORDING, headingsOf } from './wording';
import type { ChartMeasure } from './progress';

/**
 * What goes out, from the draft as the CSM edited it (plain text): the same
 * text cleaned, its Markdown, and its printable page. The headings the report
 * writes are recognised again, so an edited draft keeps its structure.
 */

export interface DraftFormats {
  text: string;
  markdown: string;
  html: string;
}

export function draftFormats(opts: {
  body: string;
  language: ReportLanguage;
  subject: string;
  series?: { measure: ChartMeasure; points: readonly ChartPoint[] } | undefined;
}): DraftFormats {
  const w = WORDING[opts.language] ?? EN;
  const text = cleanBody(opts.body);
  const blocks = parsePlain(text, headingsOf(w));
  const s = opts.series;
  const chart: Chart | undefined =
    s && s.points.length > 0 ? { title: w.chartTitle(s.measure === 'outcomeAttainment' ? w.attainmentMeasure : w.measure[s.measure]), points: s.points } : undefined;
  const chartAfter = s?.measure === 'outcomeAttainment' ? [w.headings.outcomes] : [w.headings.usage, w.headings.outcomes];
  return {
    text,
    markdown: renderMarkdown(blocks),
    html: reportHtml({ language: opts.language, subject: opts.subject, blocks, ...(chart ? { chart } : {}), chartAfter }),
  };
}
