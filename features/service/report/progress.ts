import type { HealthSnapshot } from '../../../data/model/records';
import { addMonths, lastDay } from '../../../shared/dates/calendar';
import type { Block, ListItem } from './format';
import { showDate, user } from './format';
import type { ChartPoint, ReportInput, UsageReading } from './input';
import type { UsageMeasure, Wording } from './wording';

/**
 * Progress the customer can see: the outcomes agreed at handover with how far
 * they are reached, and their team's usage, each compared with a month before.
 */

export const USAGE_MEASURES: readonly UsageMeasure[] = ['activeUserRate', 'coreFeatureAdoption', 'moduleBreadth', 'trainingRate'];

const round = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.round(n) : undefined);
const label = (text: string, w: Wording): Block => ({ kind: 'para', lines: [`${text}${w.colon.trimEnd()}`] });

export function outcomeBlocks(input: ReportInput, w: Wording): Block[] {
  const outcomes = [...new Set((input.outcomes ?? []).map(user).filter(Boolean))];
  const reached = round(input.usage?.now?.inputs.outcomeAttainment);
  if (outcomes.length === 0 && reached === undefined) return [];
  const blocks: Block[] = [{ kind: 'heading', text: w.headings.outcomes }];
  if (outcomes.length > 0) blocks.push(label(w.outcomesIntro, w), { kind: 'list', items: outcomes.map((text) => ({ text })) });
  if (reached !== undefined) blocks.push({ kind: 'para', lines: [w.attainment(reached, round(input.usage?.before?.inputs.outcomeAttainment))] });
  return blocks;
}

export function usageBlocks(input: ReportInput, w: Wording): Block[] {
  const now = input.usage?.now;
  if (!now) return [];
  const before = input.usage?.before;
  const items: ListItem[] = USAGE_MEASURES.flatMap((m) => {
    const value = round(now.inputs[m]);
    return value === undefined ? [] : [{ text: `${w.measure[m]}${w.colon}${w.rate(value, round(before?.inputs[m]))}` }];
  });
  const k = now.keyAction;
  if (k && user(k.event)) items.push({ text: w.keyAction(user(k.event), k.weeksDone, k.weeks) });
  if (items.length === 0) return [];
  return [{ kind: 'heading', text: w.headings.usage }, label(w.usageIntro(showDate(now.asOf, w)), w), { kind: 'list', items }];
}

/** The latest live reading dated on or before `date`. */
export function readingAt(snapshots: readonly HealthSnapshot[], date: string): UsageReading | undefined {
  let best: HealthSnapshot | undefined;
  for (const s of snapshots) if (!s.deleted && s.asOf <= date && (!best || s.asOf > best.asOf)) best = s;
  return best ? { asOf: best.asOf, inputs: best.inputs, ...(best.usage?.keyAction ? { keyAction: best.usage.keyAction } : {}) } : undefined;
}

export type ChartMeasure = UsageMeasure | 'outcomeAttainment';

/**
 * The month chart: the first of `measures` with readings, read at the end of
 * each of the `months` months up to `month` (`asOf` for the month itself);
 * months without a reading of their own are left out. Undefined: nothing to chart.
 */
export function chartSeries(
  snapshots: readonly HealthSnapshot[], month: string, asOf: string, measures: readonly ChartMeasure[], months = 6,
): { measure: ChartMeasure; points: ChartPoint[] } | undefined {
  const ends = Array.from({ length: months }, (_, i) => addMonths(month, i - months + 1)).map((m) => ({ m, at: m === month ? asOf : lastDay(m) }));
  for (const measure of measures) {
    const points = ends.flatMap(({ m, at }) => {
      const r = readingAt(snapshots, at);
      // A reading from an earlier month does not stand for this one.
      const v = r && r.asOf.slice(0, 7) === m ? round(r.inputs[measure]) : undefined;
      return v === undefined ? [] : [{ month: m, value: v }];
    });
    if (points.length > 0) return { measure, points };
  }
  return undefined;
}
