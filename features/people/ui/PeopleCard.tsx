import { useState, type FormEvent } from 'react';
import type { Account } from '../../../data/model/account';
import { STANCES, type Person, type Stance } from '../../../data/model/records';
import { useRecords, putRecordVia } from '../../../platform/panel/data-client';
import { localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { FormMessage, saveFailed, type FormNote } from '../../../shared/ui/FormMessage';
import { editedPeople, peopleRecord, personKey, type PeopleEdit } from '../people';
import { peopleActivity, type PersonActivity } from '../quiet';
import { handoverId } from '../../../data/model/handover';

const ROLES: readonly Person['role'][] = ['boss', 'champion', 'user', 'other'];

/**
 * The account's key people, kept up after the handover: each one's stance
 * (decision-maker, supporter, opponent) and whether they are still at the
 * customer. Marking one as left raises a call to action for the CSM.
 * `quietDays` is the team's threshold for a key person gone quiet, the same
 * one the book's evaluation raises its call to action at.
 */
export function PeopleCard({ account, now, quietDays }: { account: Account; now: Date; quietDays: number }) {
  const tr = useTr();
  const { t } = tr;
  const handovers = useRecords('handovers', account.id);
  const snapshots = useRecords('snapshots', account.id);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [role, setRole] = useState<Person['role']>('boss');
  const [message, setMessage] = useState<FormNote>(null);
  if (!handovers) return null;
  const record = peopleRecord(handovers);
  const people = record?.keyPeople ?? [];

  const apply = async (edit: PeopleEdit): Promise<boolean> => {
    const next = editedPeople(record?.keyPeople ?? [], edit);
    if (!next.ok) {
      setMessage({ ok: false, text: t(`people.problem.${next.problem}` as MessageKey) });
      return false;
    }
    try {
      // An account without a handover gets a draft one holding only the people.
      await putRecordVia('handovers', record ?? { id: handoverId(account.id), accountId: account.id }, { keyPeople: next.people, ...(record ? {} : { status: 'draft' as const }) });
      setMessage({ ok: true, text: t('people.saved') });
      return true;
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
      return false;
    }
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await apply({ kind: 'add', person: { id: crypto.randomUUID(), role, name, contact } })) {
      setName('');
      setContact('');
    }
  };
  const present = people.filter((p) => !p.leftAt);
  // What the team server's usage data says of each one still there; undefined without such data.
  const activity = snapshots ? peopleActivity(people, snapshots, localDate(now), quietDays) : undefined;
  const activityOf = new Map((activity ?? []).map((a) => [personKey(a.person), a]));

  return (
    <section className="card" aria-labelledby="people-title" data-testid="people-card">
      <h2 id="people-title">{t('people.title')}</h2>
      {people.length === 0 ? (
        <p className="muted">{t('people.none')}</p>
      ) : (
        <ul className="people">
          {people.map((p) => {
            const key = personKey(p);
            return (
              <li key={key} className={p.leftAt ? 'left' : ''}>
                <span>{p.name}</span> <span className="muted">· {t(`people.role.${p.role}` as MessageKey)}{p.contact ? ` · ${p.contact}` : ''}</span>{' '}
                {p.leftAt ? (
                  <>
                    <span className="badge band-red">{t('people.leftOn', { date: formatDate(p.leftAt, tr.locale) })}</span>{' '}
                    <button type="button" className="link" aria-label={t('people.markBackLabel', { name: p.name })} onClick={() => void apply({ kind: 'back', key })}>
                      {t('people.markBack')}
                    </button>
                  </>
                ) : (
                  <>
                    <select aria-label={t('people.stance', { name: p.name })} value={p.stance ?? ''}
                      onChange={(e) => void apply({ kind: 'stance', key, stance: (e.target.value || undefined) as Stance | undefined })}>
                      <option value="">{t('people.stance.none')}</option>
                      {STANCES.map((s) => <option key={s} value={s}>{t(`people.stance.${s}` as MessageKey)}</option>)}
                    </select>{' '}
                    <button type="button" className="link" aria-label={t('people.markLeftLabel', { name: p.name })}
                      onClick={() => void apply({ kind: 'left', key, on: localDate(now) })}>
                      {t('people.markLeft')}
                    </button>
                  </>
                )}{' '}
                <button type="button" className="link" aria-label={t('people.removeLabel', { name: p.name })} onClick={() => void apply({ kind: 'remove', key })}>
                  {t('people.remove')}
                </button>
                {activityOf.has(key) && <Activity a={activityOf.get(key)!} />}
              </li>
            );
          })}
        </ul>
      )}
      {!present.some((p) => p.role === 'boss') && <p className="warn small">{t('people.noBoss')}</p>}
      {present.length > 0 && !present.some((p) => p.stance === 'decision_maker') && <p className="muted small">{t('people.noDecider')}</p>}
      <form aria-label={t('people.add')} onSubmit={(e) => void add(e)}>
        <label htmlFor="people-name">{t('people.name')}</label>
        <input id="people-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="people-contact">{t('people.contact')}</label>
        <input id="people-contact" value={contact} onChange={(e) => setContact(e.target.value)} />
        <label htmlFor="people-role">{t('people.role')}</label>
        <select id="people-role" value={role} onChange={(e) => setRole(e.target.value as Person['role'])}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`people.role.${r}` as MessageKey)}</option>)}
        </select>
        <button type="submit">{t('people.add')}</button>
      </form>
      {present.length > 0 && !activity && <p className="muted small">{t('people.quietUnseen')}</p>}
      <FormMessage message={message} />
    </section>
  );
}

/** One key person's use of the product, as the latest usage reading has it. */
function Activity({ a }: { a: PersonActivity }) {
  const tr = useTr();
  const { t } = tr;
  let text: string;
  if (!a.known) text = t('people.activity.unknown');
  else if (!a.lastActiveOn) text = t('people.activity.neverActive');
  else if (a.quiet) text = t('people.activity.quiet', { date: formatDate(a.lastActiveOn, tr.locale), days: a.daysQuiet ?? 0 });
  else text = t('people.activity.active', { date: formatDate(a.lastActiveOn, tr.locale) });
  return <div className={`small ${a.quiet ? 'warn' : 'muted'}`} data-testid="person-activity">{text}</div>;
}
