import type { Account } from '../../data/model/account';
import { CTA_ACT_DAYS, draftCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import { PersonSchema, type Handover } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import type { MessageKey } from '../../shared/i18n';
import { peopleOf, personKey } from './people';

export interface PeopleCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  /** The account's handovers, where its key people are kept; without them no people CTAs are raised. */
  handovers?: readonly Handover[];
  today: IsoDate;
}

const ROLES = PersonSchema.shape.role.options;
const leftPrefix = (accountId: string) => `people:left:${accountId}:`;

/**
 * people:left:<accountId>:<person>: a key person marked as having left the
 * customer, due a week after the day they left, for the account's CSM. A
 * departure is a risk to the renewal (the relationship that decides it goes
 * with them), so it is raised once and stays until someone acts; it closes by
 * itself only when the person is marked as still there (a mistaken mark).
 */
export const peopleCtaRule: CtaRule<PeopleCtaInput> = {
  evaluate({ account, handovers }) {
    const people = peopleOf((handovers ?? []).filter((h) => h.accountId === account.id));
    const prefix = leftPrefix(account.id);
    const create: CtaDraft[] = people.flatMap((p) =>
      p.leftAt
        ? [draftCta(account, 'people', `${prefix}${personKey(p)}`, { code: 'person_left', params: { name: p.name, role: p.role } }, plusDays(p.leftAt, CTA_ACT_DAYS))]
        : [],
    );
    const byKey = new Map(people.map((p) => [personKey(p), p]));
    const resolve = (c: { cause: string }) => {
      if (!c.cause.startsWith(prefix)) return undefined;
      const p = byKey.get(c.cause.slice(prefix.length));
      return p && !p.leftAt ? 'person_back' : undefined;
    };
    return { create, resolve };
  },
  titles: {
    person_left: (p, tr) => {
      const role = String(p.role ?? 'other');
      const worded = (ROLES as readonly string[]).includes(role) ? tr.t(`people.role.${role}` as MessageKey) : role;
      return tr.t('cta.person_left', { name: String(p.name ?? ''), role: worded });
    },
  },
  closedNotes: { person_back: 'cta.closed.person_back' },
  plays: {
    person_left: {
      causePrefix: 'people:left:',
      name: 'play.person_left.name',
      steps: ['play.person_left.1', 'play.person_left.2', 'play.person_left.3', 'play.person_left.4'],
    },
  },
};
