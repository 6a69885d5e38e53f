import { useState } from 'react';
import type { MessageKey } from '../i18n';
import type { Conflict } from '../../data/model/common';
import type { WrittenKind } from '../../data/model/records';
import { settleConflictVia } from '../../platform/panel/data-client';
import { useTr } from '../i18n/I18n';

type Written = { id: string; conflicts?: Conflict[] } & Record<string, unknown>;

/** A value as text, bounded: it came from another person's write and is shown, never interpreted. */
function shown(v: unknown, empty: string): string {
  if (v === undefined || v === null || v === '') return empty;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

/**
 * Two people changed one field of this record without seeing each other's
 * change: the server kept the later one and this shows the other, with one
 * click to put it back or to keep the current one (docs/api.md, conflicts).
 */
export function ConflictNotice({ kind, record, labels }: { kind: WrittenKind; record: Written; labels: Partial<Record<string, MessageKey>> }) {
  const tr = useTr();
  const { t } = tr;
  const [error, setError] = useState('');
  const list = record.conflicts ?? [];
  if (list.length === 0) return null;
  const settle = (c: Conflict, choice: 'theirs' | 'mine') =>
    void settleConflictVia(kind, record.id, c, choice).catch((err: unknown) => setError(String(err)));
  const label = (f: string) => (labels[f] ? t(labels[f]) : f);
  const empty = t('conflict.empty');
  const who = (name?: string) => name ?? t('conflict.someone');
  return (
    <div className="banner conflict" role="group" aria-label={t('conflict.title')} data-testid="conflict">
      {list.map((c) => (
        <div key={`${c.field}@${c.version}`}>
          <p>{t('conflict.both', { field: label(c.field) })}</p>
          <p>{t('conflict.kept', { value: shown(record[c.field], empty), who: who(c.keptBy) })}</p>
          <p>{t('conflict.other', { value: shown(c.value, empty), who: who(c.by), time: new Date(c.at).toLocaleString(tr.locale, { dateStyle: 'short', timeStyle: 'short' }) })}</p>
          <div className="row">
            <button type="button" onClick={() => settle(c, 'theirs')}>{t('conflict.useOther')}</button>
            <button type="button" onClick={() => settle(c, 'mine')}>{t('conflict.keep')}</button>
          </div>
        </div>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
