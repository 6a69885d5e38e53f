import type { ServiceVisit } from '../../data/model/records';

/**
 * Builders of records for unit tests: what a test does not name takes a
 * plain default, so each test states only what it is about.
 */

/** A service visit: one hour, the boss not met, nothing ticked, no follow-ups, unless said otherwise. */
export const fakeVisit = (v: Pick<ServiceVisit, 'id' | 'accountId' | 'createdAt' | 'updatedAt' | 'date'> & Partial<ServiceVisit>): ServiceVisit => ({
  durationMin: 60,
  attendees: [],
  bossMet: false,
  checklistDone: [],
  followUps: [],
  ...v,
});
