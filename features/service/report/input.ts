import type { IsoDate } from '../../../shared/dates/local-date';
import type { Band } from '../../../data/model/common';
import type { PromiseRecord, ReportLanguage, ServiceVisit } from '../../../data/model/records';

/** What the monthly service report is written from, and what comes out. */

export interface ReportInput {
  language: ReportLanguage;
  /** The month reported on, YYYY-MM. */
  month: string;
  account: { name: string; csm?: string; contractEnd: IsoDate };
  /** The customer's boss, for the greeting. */
  bossName?: string;
  /** All of the account's visits: the report uses those dated in `month`. */
  visits: readonly ServiceVisit[];
  /** previousScore: the score a month earlier, for the trend. */
  health?: { score: number; band: Band; previousScore?: number };
  renewal: { daysLeft: number; nextTouchpoint?: { offset: number; due: IsoDate } };
  /** All of the account's promises. */
  promises: readonly PromiseRecord[];
  /** Open follow-ups and calls to action. */
  openRequests: readonly { title: string; dueDate: IsoDate }[];
  nextServiceDay?: IsoDate;
  /**
   * Checklist items worded in the report's language, by item id: the topics
   * the boss reads about when absent. Items without a label here (e.g. the
   * CSM's own preparation) are not listed.
   */
  checklistLabels?: Readonly<Record<string, string>>;
  today: IsoDate;
}

export interface MonthlyReportText {
  subject: string;
  text: string;
  markdown: string;
  /** Visits took place this month and the boss joined none of them. */
  bossAbsent: boolean;
}
