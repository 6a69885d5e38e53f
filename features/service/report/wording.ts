import type { Band } from '../../../data/model/common';
import type { ReportLanguage } from '../../../data/model/records';
import type { ReportSection } from './sections';
import { EN } from './wording-en';
import { ZH } from './wording-zh';

/**
 * The report is written in the account's language (not the UI language), so
 * the wording of both languages lives here: English in wording-en.ts, Chinese
 * in wording-zh.ts.
 */

/** The usage measures the report quotes, from the health inputs: rates in percent. */
export type UsageMeasure = 'activeUserRate' | 'coreFeatureAdoption' | 'moduleBreadth' | 'trainingRate';

export interface Wording {
  monthName(year: number, month: number): string;
  date(year: number, month: number, day: number): string;
  subject(account: string, month: string): string;
  greeting(name: string | undefined): string;
  intro(account: string, month: string): string;
  /** Between a label and its value. */
  colon: string;
  /** Between items of an inline list. */
  comma: string;
  semicolon: string;
  /** Between two clauses of one item. */
  clause: string;
  /** Between two sentences. */
  sentenceGap: string;
  headings: Record<ReportSection, string> & { summary: string };
  // together
  noVisit: string;
  visitTotals(visits: number, minutes: number): string;
  minutes(n: number): string;
  attendees: string;
  topics: string;
  bossJoined: string;
  bossNotJoined: string;
  notes: string;
  yourFollowUps: string;
  summaryIntro: string;
  discussedOn(date: string): string;
  nextSteps: string;
  noNextSteps: string;
  summaryOutro: string;
  withDue(item: string, date: string | undefined): string;
  // outcomes
  outcomesIntro: string;
  attainment(percent: number, previous: number | undefined): string;
  // usage
  usageIntro(date: string): string;
  measure: Record<UsageMeasure, string>;
  rate(percent: number, previous: number | undefined): string;
  keyAction(event: string, done: number, weeks: number): string;
  chartTitle(measure: string): string;
  attainmentMeasure: string;
  shortMonth(year: number, month: number): string;
  /** On the printable page, on screen only. */
  printHint: string;
  // requests
  inProgress: string;
  plannedFor(date: string): string;
  delivered: string;
  adjustedOn(date: string): string;
  notDeliveredAsPlanned: string;
  noRequests: string;
  // next month
  nextMonthIntro(month: string): string;
  nextMonthNothing: string;
  nextServiceDay: string;
  // internal signals (off unless switched on)
  healthScore: string;
  healthValue(score: number, band: string): string;
  bands: Record<Band, string>;
  trendUp(points: number, previous: number): string;
  trendDown(points: number, previous: number): string;
  trendSteady(previous: number): string;
  contractEnds(date: string, daysLeft: number): string;
  contractEndsOn(date: string): string;
  nextTouchpoint: string;
  touchpoint(date: string, offset: number): string;
  /** Follows an item already written, with the risk marker and its reasons. */
  atRisk(reasons: string[]): string;
  overdue: string;
  notDeliverable: string;
  signOff: string;
  team: string;
}

export const WORDING: Record<ReportLanguage, Wording> = { en: EN, 'zh-CN': ZH };
export { EN, ZH };

/** Every heading the report can have in a language: how the edited text's headings are found again. */
export const headingsOf = (w: Wording): Set<string> => new Set(Object.values(w.headings));
