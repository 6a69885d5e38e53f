import type { ChannelsApi } from '../../features/channels/client';
import type { ChannelSummary, Delivery } from '../../features/channels/schemas';
import type { ScheduleApi, ScheduledMessage } from '../../features/channels/scheduled';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountRef } from '../../crm/types';
import type { PageMessage } from '../messaging/protocol';
import type { z } from 'zod';
import type { PanelStatus, PortfolioData } from '../background/data-port';
import type { WeeklyReview } from '../../features/today/review';
import type { KeptRow } from '../../features/transfer/answers';
import { AccountSchema, type Account } from '../../data/model/account';
import { WRITTEN_KINDS, type WrittenKind } from '../../data/model/records';
import type { RecordOf } from '../../data/sync/schemas';
import { send, useWatch, watch, type Request } from './port';

export { prefetchToday, updateRecordVia, useWorklist } from './port';

/** An account the background sent ahead, if it is one: validated like the live value. */
function seeded(seed: unknown): Account | null | undefined {
  if (seed === null) return null;
  const parsed = seed === undefined ? undefined : AccountSchema.safeParse(seed);
  return parsed?.success ? parsed.data : undefined;
}

/**
 * The stored account for a CRM record: undefined while loading, null when not
 * stored. `seed` (sent with the tab state) paints at once; the live watch
 * then keeps it current.
 */
export function useAccount(ref: AccountRef | null, seed?: unknown): { account: Account | null | undefined; error?: string } {
  const key = ref ? `${ref.crm}|${ref.orgKey ?? ''}|${ref.recordId}` : '';
  const [state, setState] = useState<{ key: string; account: Account | null | undefined; error?: string }>({ key: '', account: undefined });
  useEffect(() => {
    if (!ref) return;
    return watch({ type: 'watch/account', ref }, (value, error) => {
      if (error) return setState({ key, account: null, error });
      // The background validated it on write; parse again so a bad row shows an error, not a crash.
      const parsed = value === null ? null : AccountSchema.safeParse(value);
      setState(parsed === null ? { key, account: null } : parsed.success ? { key, account: parsed.data } : { key, account: null, error: 'invalid stored record' });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // A new record shows what the background sent ahead (never the previous record's account) until its watch answers.
  if (state.key !== key) return { account: ref ? seeded(seed) : null };
  return state.error ? { account: state.account, error: state.error } : { account: state.account };
}

/** Where the team API stands for this record: mode, outbox, last sync, last refresh. */
export function useStatus(ref: AccountRef | null) {
  return useWatch<PanelStatus>(ref ? { type: 'watch/status', ref } : null, ref ? `${ref.crm}|${ref.orgKey ?? ''}|${ref.recordId}` : '');
}

/** The live records of one kind for an account, validated; invalid rows are left out. */
export function useRecords<K extends WrittenKind>(kind: K, accountId: string | undefined): z.infer<(typeof WRITTEN_KINDS)[K]>[] | undefined {
  const { value } = useWatch<unknown[]>(accountId ? { type: 'watch/records', kind, accountId } : null, `${kind}|${accountId ?? ''}`);
  if (!value) return undefined;
  return value.flatMap((row) => {
    const parsed = WRITTEN_KINDS[kind].safeParse(row);
    return parsed.success ? [parsed.data as z.infer<(typeof WRITTEN_KINDS)[K]>] : [];
  });
}

/** The whole book as portfolio rows, live: undefined while loading. */
export function usePortfolio() {
  return useWatch<PortfolioData>({ type: 'watch/portfolio' }, 'portfolio');
}

/** The weekly onboarding review of the team's book, live. */
export function useReview() {
  return useWatch<WeeklyReview>({ type: 'watch/review' }, 'review');
}

/** How many accounts are stored, live (the options page). */
export const useAccountCount = () => useWatch<number>({ type: 'watch/count' }, 'count');

/** The rows an upgrade kept aside, described by the background, live (the options page). */
export const useKeptRows = () => useWatch<KeptRow[]>({ type: 'watch/kept' }, 'kept');

/** Every message a page sends (for the typed clients of the options page's features). */
export type { PageMessage } from '../messaging/protocol';

/**
 * The record at a fixed id (an account's handover or plan, a month's report):
 * created there or changed in place. `unset` names fields the form left empty;
 * `stamp` names fields the background sets to this moment.
 */
export async function putRecordVia<K extends WrittenKind>(
  kind: K,
  at: { id: string; accountId: string; version?: number },
  fields: Partial<RecordOf<K>>,
  opts: { unset?: readonly (keyof RecordOf<K> & string)[]; stamp?: readonly (keyof RecordOf<K> & string)[] } = {},
): Promise<void> {
  await send({
    type: 'record/put', kind, id: at.id, accountId: at.accountId, fields: fields as Record<string, unknown>,
    ...(opts.unset?.length ? { unset: [...opts.unset] } : {}), ...(opts.stamp?.length ? { stamp: [...opts.stamp] } : {}),
    ...(at.version !== undefined ? { version: at.version } : {}),
  });
}

/** Removes a stored record (the team server learns of it). */
export async function removeRecordVia(kind: WrittenKind, record: { id: string; version?: number }): Promise<void> {
  await send({ type: 'record/remove', kind, id: record.id, ...(record.version !== undefined ? { version: record.version } : {}) });
}

/** Settles one field's conflict on a stored record. */
export async function settleConflictVia(kind: WrittenKind, id: string, conflict: { field: string; version?: number }, choice: 'theirs' | 'mine'): Promise<void> {
  await send({ type: 'conflict/settle', kind, id, field: conflict.field, choice, ...(conflict.version !== undefined ? { version: conflict.version } : {}) });
}

/** What a person types for a new record: the background mints its id and timestamps. */
export type NewFields<K extends WrittenKind> = Omit<RecordOf<K>, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'conflicts' | 'author'>;

/** Creates a record; resolves to its new id. */
export async function createRecordVia<K extends WrittenKind>(kind: K, fields: NewFields<K>): Promise<string> {
  return (await send({ type: 'record/create', kind, fields: fields as Record<string, unknown> })).id ?? '';
}

/** The team's delivery channels, through the background (which holds the token): platform/background/channels.ts. */
export const teamChannelsVia: ChannelsApi = {
  channels: async () => (await ask<ChannelSummary[]>({ type: 'channels/list' })),
  deliveries: async (accountId) => (await ask<Delivery[]>({ type: 'channels/deliveries', accountId })),
  deliver: async (request, key) => (await ask<Delivery>({ type: 'channels/deliver', request, key })),
};

/** The team server's scheduled messages (the automated welcome), through the background. */
export const teamScheduleVia: ScheduleApi = {
  scheduled: async (accountId) => (await ask<ScheduledMessage[]>({ type: 'automation/scheduled', accountId })),
  cancelScheduled: async (id) => (await ask<ScheduledMessage>({ type: 'automation/cancel', id })),
};

async function ask<T>(message: Extract<PageMessage, { type: 'channels/list' | 'channels/deliveries' | 'channels/deliver' | 'automation/scheduled' | 'automation/cancel' }>): Promise<T> {
  const answer = (await browser.runtime.sendMessage(message)) as { ok?: boolean; error?: string; value?: T } | null;
  if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  return answer.value as T;
}

const sendCommand = (message: Extract<Request, { type: 'term/outcome' | 'term/plan' | 'term/paid' }>): Promise<unknown> => send(message);

/** Records how the current contract term went; renewed writes the next term too (platform/background/terms.ts). */
export const recordTermOutcomeVia = async (input: Record<string, unknown>): Promise<void> => void (await sendCommand({ type: 'term/outcome', input }));

/** Ticks a renewal-plan step of the current term off (doneAt a date) or back on (doneAt null). */
export const tickPlanStepVia = async (input: { accountId: string; step: string; doneAt: string | null }): Promise<void> => void (await sendCommand({ type: 'term/plan', input }));

/** Marks the current term paid on a day, or clears the mark (paidAt null). */
export const markPaidVia = async (input: { accountId: string; paidAt: string | null }): Promise<void> => void (await sendCommand({ type: 'term/paid', input }));
