import type { IsoDate } from '../../../shared/dates/local-date';
import type { Band } from '../../../data/model/common';
import type { HealthInputs, KeyActionReading, PromiseRecord, ReportLanguage, ServiceVisit } from '../../../data/model/records';
import type { Block } from './format';
import type { SectionChoice } from './sections';

/** What the monthly service report is written from, and what comes out. */

/** One reading of the customer's usage (a health snapshot's inputs and key action). */
export interface UsageReading {
  asOf: IsoDate;
  inputs: HealthInputs;
  keyAction?: KeyActionReading;
}

/** A point of the month chart: a month (YYYY-MM) and its value in percent. */
export interface ChartPoint {
  month: string;
  value: number;
}

export interface ReportInput {
  language: ReportLanguage;
  /** The month reported on, YYYY-MM. */
  month: string;
  account: { name: string; csm?: string; contractEnd: IsoDate };
  /** The customer's boss, for the greeting. */
  bossName?: string;
  /** The account's choice of sections (the service plan's `reportSections`); absent: the defaults. */
  sections?: SectionChoice;
  /** All of the account's visits: the report uses those dated in `month`. */
  visits: readonly ServiceVisit[];
  /** The outcomes agreed at handover. */
  outcomes?: readonly string[];
  /** The latest usage reading up to the month's end, and the one a month before it. */
  usage?: { now?: UsageReading; before?: UsageReading };
  /** previousScore: the score a month earlier, for the trend. Internal: only with the health section on. */
  health?: { score: number; band: Band; previousScore?: number };
  /** Internal: only with the renewal section on. */
  renewal?: { daysLeft: number; nextTouchpoint?: { offset: number; due: IsoDate } };
  /** All of the account's promises. */
  promises: readonly PromiseRecord[];
  /** Follow-ups of earlier visits the customer asked for that are still open. */
  openRequests: readonly { title: string; dueDate: IsoDate }[];
  nextServiceDay?: IsoDate;
  /**
   * Checklist items worded in the report's language, by item id: the topics
   * of a visit. Items without a label here (e.g. the CSM's own preparation)
   * are not listed.
   */
  checklistLabels?: Readonly<Record<string, string>>;
  today: IsoDate;
}

export interface MonthlyReportText {
  subject: string;
  blocks: Block[];
  /** Plain text: no Markdown at all (chats, e-mail bodies); the draft the CSM edits. */
  text: string;
  markdown: string;
  /** Visits took place this month and the boss joined none of them. */
  bossAbsent: boolean;
}
