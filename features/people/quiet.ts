import { latestUsageReading, type HealthSnapshot, type KeyPersonActivity, type Person } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { dayIndex } from '../../shared/dates/week';
import { personKey } from './people';

/** A key person with no use of the product for this many days has gone quiet: a risk to act on before it is a departure. */
export const KEY_PERSON_QUIET_DAYS = 21;

export interface PersonActivity {
  person: Person;
  /** Seen among the product's end users: the rollup matched the e-mail in their contact. */
  known: boolean;
  lastActiveOn?: IsoDate;
  /** Whole days from the last active day to today. */
  daysQuiet?: number;
  quiet: boolean;
}

/**
 * Each key person still at the customer, with what the latest usage reading
 * says of them: unknown to the product (no match), known but never seen
 * active, or their last active day and whether that is KEY_PERSON_QUIET_DAYS
 * or more ago. Undefined when no reading names key people (no usage data).
 */
export function peopleActivity(people: readonly Person[], snapshots: readonly Pick<HealthSnapshot, 'asOf' | 'deleted' | 'usage'>[], today: IsoDate, quietDays = KEY_PERSON_QUIET_DAYS): PersonActivity[] | undefined {
  // The latest reading that names the key people the product knows: the only one that speaks about them.
  const reading = latestUsageReading(snapshots, today, (u) => u.keyPeople !== undefined);
  if (!reading) return undefined;
  const byKey = new Map<string, KeyPersonActivity>(reading.usage!.keyPeople!.map((k) => [k.person, k]));
  return people
    .filter((p) => !p.leftAt)
    .map((person) => {
      const seen = byKey.get(personKey(person));
      if (!seen) return { person, known: false, quiet: false };
      if (!seen.lastActiveOn) return { person, known: true, quiet: false };
      const daysQuiet = Math.max(0, dayIndex(today) - dayIndex(seen.lastActiveOn));
      return { person, known: true, lastActiveOn: seen.lastActiveOn, daysQuiet, quiet: daysQuiet >= quietDays };
    });
}
