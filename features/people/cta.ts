import type { Account } from '../../data/model/account';
import { CTA_ACT_DAYS, draftCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import { PersonSchema, type Handover, type HealthSnapshot } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import type { MessageKey, Translator } from '../../shared/i18n';
import { peopleOf, personKey } from './people';
import { peopleActivity } from './quiet';

export interface PeopleCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  /** The account's handovers, where its key people are kept; without them no people CTAs are raised. */
  handovers?: readonly Handover[];
  /** The account's health readings: the team server's usage rollup names the key people's last active day. */
  snapshots?: readonly Pick<HealthSnapshot, 'accountId' | 'asOf' | 'deleted' | 'usage'>[];
  /** Days without use of the product after which a key person has gone quiet (the service settings' keyPersonQuietDays). */
  keyPersonQuietDays?: number;
  today: IsoDate;
}

const ROLES = PersonSchema.shape.role.options;
const roleWord = (role: unknown, tr: Translator): string => {
  const r = String(role ?? 'other');
  return (ROLES as readonly string[]).includes(r) ? tr.t(`people.role.${r}` as MessageKey) : r;
};
const leftPrefix = (accountId: string) => `people:left:${accountId}:`;
const quietPrefix = (accountId: string) => `people:quiet:${accountId}:`;

/**
 * people:left:<accountId>:<person>: a key person marked as having left the
 * customer, due a week after the day they left, for the account's CSM. A
 * departure is a risk to the renewal (the relationship that decides it goes
 * with them), so it is raised once and stays until someone acts; it closes by
 * itself only when the person is marked as still there (a mistaken mark).
 */
export const peopleCtaRule: CtaRule<PeopleCtaInput> = {
  evaluate({ account, handovers, snapshots, today, keyPersonQuietDays }) {
    const people = handovers?.length ? peopleOf(handovers.filter((h) => h.accountId === account.id)) : [];
    // No key people (most accounts of a book): nothing to raise, and a quiet CTA names someone no longer key.
    if (!people.length) {
      return {
        create: [],
        resolve(c: { cause: string }) {
          return c.cause.startsWith(quietPrefix(account.id)) ? 'person_not_key' : undefined;
        },
      };
    }
    const prefix = leftPrefix(account.id);
    const create: CtaDraft[] = people.flatMap((p) =>
      p.leftAt
        ? [draftCta(account, 'people', `${prefix}${personKey(p)}`, { code: 'person_left', params: { name: p.name, role: p.role } }, plusDays(p.leftAt, CTA_ACT_DAYS))]
        : [],
    );
    // people:quiet:<accountId>:<person>: a key person still there who has not used the product for a while.
    const quiet = quietPrefix(account.id);
    const activity = peopleActivity(people, (snapshots ?? []).filter((s) => s.accountId === account.id), today, keyPersonQuietDays);
    for (const a of activity ?? []) {
      if (!a.quiet) continue;
      const params = { name: a.person.name, role: a.person.role, days: a.daysQuiet!, since: a.lastActiveOn! };
      create.push(draftCta(account, 'people', `${quiet}${personKey(a.person)}`, { code: 'person_quiet', params }, plusDays(today, CTA_ACT_DAYS)));
    }
    const byKey = new Map(people.map((p) => [personKey(p), p]));
    // Not quiet now, by their last active day: used the product since the CTA was raised, or the team's threshold moved.
    const notQuiet = new Map((activity ?? []).filter((a) => a.lastActiveOn && !a.quiet).map((a) => [personKey(a.person), a.lastActiveOn!]));
    return {
      create,
      resolve(c: { cause: string; createdAt: string }) {
        if (c.cause.startsWith(quiet)) {
          const key = c.cause.slice(quiet.length);
          const p = byKey.get(key);
          if (!p || p.leftAt) return 'person_not_key';
          const lastActive = notQuiet.get(key);
          if (lastActive === undefined) return undefined;
          return lastActive >= c.createdAt.slice(0, 10) ? 'person_active' : 'person_threshold';
        }
        if (!c.cause.startsWith(prefix)) return undefined;
        const p = byKey.get(c.cause.slice(prefix.length));
        return p && !p.leftAt ? 'person_back' : undefined;
      },
    };
  },
  titles: {
    person_left: (p, tr) => {
      return tr.t('cta.person_left', { name: String(p.name ?? ''), role: roleWord(p.role, tr) });
    },
    person_quiet: (p, tr) => tr.t('cta.person_quiet', { name: String(p.name ?? ''), role: roleWord(p.role, tr), days: Number(p.days ?? 0) }),
  },
  closedNotes: { person_back: 'cta.closed.person_back', person_active: 'cta.closed.person_active', person_threshold: 'cta.closed.person_threshold', person_not_key: 'cta.closed.person_not_key' },
  plays: {
    person_left: {
      causePrefix: 'people:left:',
      name: 'play.person_left.name',
      steps: ['play.person_left.1', 'play.person_left.2', 'play.person_left.3', 'play.person_left.4'],
    },
    person_quiet: {
      causePrefix: 'people:quiet:',
      name: 'play.person_quiet.name',
      steps: ['play.person_quiet.1', 'play.person_quiet.2', 'play.person_quiet.3'],
    },
  },
};
