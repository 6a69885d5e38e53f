import type { PromiseRecord, ServiceVisit } from '../../../data/model/records';
import type { ReportInput } from './input';
import { fakeVisit } from '../../../tests/support/builders';

/** Builders of report inputs for the report's tests: an English November 2026 report on Acme Ltd. */

const written = (id: string, updatedAt = '2026-11-10T09:00:00.000Z') => ({
  id,
  accountId: 'acc-1',
  createdAt: '2026-10-01T09:00:00.000Z',
  updatedAt,
});

export const visit = (id: string, date: string, over: Partial<ServiceVisit> = {}): ServiceVisit => fakeVisit({ ...written(id), date, attendees: ['Li Lei'], ...over });

export const promise = (id: string, text: string, over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  ...written(id),
  text,
  deliverable: 'yes',
  status: 'open',
  ...over,
});

export const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  language: 'en',
  month: '2026-11',
  account: { name: 'Acme Ltd', csm: 'Li Na', contractEnd: '2027-03-31' },
  bossName: 'Wang Fang',
  visits: [],
  renewal: { daysLeft: 121 },
  promises: [],
  openRequests: [],
  today: '2026-11-30',
  ...over,
});

/** The first line of the text containing `needle`. */
export const lineWith = (text: string, needle: string) => text.split('\n').find((l) => l.includes(needle));
