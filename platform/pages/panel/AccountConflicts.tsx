import type { Conflict } from '../../../data/model/common';
import type { WrittenKind } from '../../../data/model/records';
import type { Locale, MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { ConflictNotice } from '../../../shared/ui/ConflictNotice';
import { formatDate } from '../../../shared/ui/format';
import { useRecords } from '../../panel/data-client';

/**
 * The record kinds whose conflicts are shown here, at the top of the account:
 * promises and expectation notes show theirs where they are listed.
 */
export const CONFLICT_KINDS = ['visits', 'handovers', 'ctas', 'outcomes', 'contracts', 'milestones', 'plans', 'reports'] as const satisfies readonly WrittenKind[];
type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Field names shown in words; any other field is shown by its name. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  title: 'conflict.field.title', notes: 'conflict.field.notes', status: 'conflict.field.status', dueDate: 'conflict.field.dueDate',
  owner: 'conflict.field.owner', date: 'conflict.field.date', bossMet: 'conflict.field.bossMet', attendees: 'conflict.field.attendees',
  durationMin: 'conflict.field.durationMin', checklistDone: 'conflict.field.checklistDone', followUps: 'conflict.field.followUps',
  kind: 'conflict.field.outcome', end: 'conflict.field.end', start: 'conflict.field.start', value: 'conflict.field.value',
  planDone: 'conflict.field.planDone', bought: 'conflict.field.bought', keyPeople: 'conflict.field.keyPeople', promises: 'conflict.field.promises',
  outcomes: 'conflict.field.outcomes', snoozedUntil: 'conflict.field.snoozedUntil', sentAt: 'conflict.field.sentAt',
};

type Conflicted = { id: string; conflicts?: Conflict[] } & Record<string, unknown>;

/** What the record is, in words: "Visit of 12 Nov 2026", "Next step: Call the boss". */
function recordName(kind: ConflictKind, r: Conflicted, t: (k: MessageKey, v?: Record<string, string | number>) => string, locale: Locale): string {
  const date = (v: unknown) => (typeof v === 'string' && v ? formatDate(v.slice(0, 10), locale) : '?');
  const text = (v: unknown) => (typeof v === 'string' ? (v.length > 80 ? `${v.slice(0, 79)}…` : v) : '');
  switch (kind) {
    case 'visits': return t('conflict.record.visits', { date: date(r.date) });
    case 'handovers': return t('conflict.record.handovers');
    case 'ctas': return t('conflict.record.ctas', { title: text(r.title) });
    case 'outcomes': return t('conflict.record.outcomes', { date: date(r.date) });
    case 'contracts': return t('conflict.record.contracts', { end: date(r.end) });
    case 'milestones': return t('conflict.record.milestones', { title: text(r.title) });
    case 'plans': return t('conflict.record.plans');
    case 'reports': return t('conflict.record.reports', { month: text(r.month) });
  }
}

function KindConflicts({ kind, accountId }: { kind: ConflictKind; accountId: string }) {
  const { t, locale } = useTr();
  const rows = (useRecords(kind, accountId) ?? []) as unknown as Conflicted[];
  return (
    <>
      {rows
        .filter((r) => (r.conflicts ?? []).length > 0)
        .map((r) => (
          <div key={`${kind}:${r.id}`} data-testid={`conflicts-${kind}`}>
            <h3>{recordName(kind, r, t, locale)}</h3>
            <ConflictNotice kind={kind} record={r} labels={FIELD_LABELS} />
          </div>
        ))}
    </>
  );
}

/**
 * Every record of the account where two people changed one field without
 * seeing each other's change, whichever tab it belongs to: what was kept,
 * what else was written, and one click to swap them. Renders nothing when
 * there is no conflict (the section's heading is CSS-hidden while empty).
 */
export function AccountConflicts({ accountId }: { accountId: string }) {
  const { t } = useTr();
  return (
    <section className="card conflicts" aria-label={t('conflict.section')} data-testid="account-conflicts">
      {CONFLICT_KINDS.map((kind) => (
        <KindConflicts key={kind} kind={kind} accountId={accountId} />
      ))}
    </section>
  );
}
