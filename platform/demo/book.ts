import { daysBetween, localDate, type IsoDate } from '../../shared/dates/local-date';
import type { Account } from '../../data/model/account';
import type { HealthSnapshot, Milestone, RenewalOutcome } from '../../data/model/records';
import { milestonesFor } from '../../features/onboarding';
import { withDemoPeople } from './people';
import { demoAccounts, demoSnapshots } from './accounts';
import { demoServiceRecords, type DemoServiceRecords } from './service';
import { demoOutcomes } from './outcomes';

/** Every record of the demo book, as loaded into the database. */
export interface DemoBook extends DemoServiceRecords {
  accounts: Account[];
  snapshots: HealthSnapshot[];
  milestones: Milestone[];
  outcomes: RenewalOutcome[];
}

/**
 * The demo book for the user's `today` (the local calendar date of `now`).
 * Pure: the same instant gives the same records, so the story the demo tells
 * (see scenarios.ts) can be checked for every day of the year.
 */
export function demoBook(now: Date): DemoBook {
  const today = localDate(now);
  const stamp = now.toISOString();
  return demoBookOn(today, stamp);
}

export function demoBookOn(today: IsoDate, stamp = `${today}T00:00:00.000Z`): DemoBook {
  const accounts = demoAccounts(today, stamp);
  // Accounts signed in the last 90 days get their onboarding milestones.
  const milestones = accounts
    .filter((a) => a.signedAt && daysBetween(a.signedAt, today) >= 0 && daysBetween(a.signedAt, today) < 90)
    .flatMap((a) => milestonesFor(a.id, a.signedAt!, undefined, a.csm).map((m) => ({ ...m, createdAt: stamp, updatedAt: stamp })));
  const service = demoServiceRecords(accounts, today, stamp);
  const snapshots = demoSnapshots(accounts, today, stamp);
  return {
    accounts,
    milestones,
    outcomes: demoOutcomes(accounts, today, stamp),
    ...service,
    ...withDemoPeople({ accounts, handovers: service.handovers, snapshots }, today, stamp),
  };
}
