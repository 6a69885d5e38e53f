import { browser } from 'wxt/browser';
import { z } from 'zod';
import { linkedAccountRef } from '../../crm/deal-detect';
import type { AccountRef, DealRef } from '../../crm/types';
import type { LensDB } from '../../data/db/db';
import { guardStorage } from '../../data/db/storage-full';
import { IdSchema, IsoDateSchema } from '../../data/model/common';
import { DealRefSchema, tabKey, TabStateSchema } from '../messaging/protocol';
import { markServerAccountSigned, type SignedServer } from './signed-server';

/** What the panel learns about the deal open in a tab. */
export type DealAnswer =
  | { ok: true; deal: DealRef; account: AccountRef | null }
  | { ok: false; error: 'not_deal' | 'unreadable' };

/** The browser calls reading a deal needs; a test passes its own. */
export interface DealReadApi {
  tabState: (tabId: number) => Promise<unknown>;
  /** Runs the deal reader (entrypoints/deal-reader.ts) in the tab and gives its result. */
  readInTab: (tabId: number) => Promise<unknown>;
}

export const DEAL_READ_API: DealReadApi = {
  tabState: async (tabId) => (await browser.storage.session.get(tabKey(tabId)))[tabKey(tabId)],
  readInTab: async (tabId) => (await browser.scripting.executeScript({ target: { tabId }, files: ['/deal-reader.js'] }))[0]?.result,
};

/**
 * The deal open in a tab, with the account it links to. Only a tab whose
 * content script reported a deal page is read; the reader runs there only
 * then, so the content script every CRM page loads carries none of it. What
 * the page gives back is checked like any message, and must be the deal that
 * was reported (the tab may have moved on).
 */
export async function readDeal(tabId: number, api: DealReadApi = DEAL_READ_API): Promise<DealAnswer> {
  const state = TabStateSchema.safeParse(await api.tabState(tabId));
  if (!state.success || state.data.ref.kind !== 'deal') return { ok: false, error: 'not_deal' };
  let raw: unknown;
  try {
    raw = await api.readInTab(tabId);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  const deal = DealRefSchema.safeParse(raw);
  const reported = state.data.ref;
  if (!deal.success || deal.data.crm !== reported.crm || deal.data.recordId !== reported.recordId) return { ok: false, error: 'unreadable' };
  const read = deal.data as DealRef;
  return { ok: true, deal: read, account: linkedAccountRef(read) };
}

const SignedInputSchema = z.object({ accountId: IdSchema, signedAt: IsoDateSchema.nullable() });

/**
 * Sets an account's signing date (a deal marked signed), or puts it back as
 * it was before (null: none), as Undo does. The no-pitch window, onboarding
 * and the expectations reset all start from `signedAt`; the caller evaluates
 * the account's calls to action afterwards. The team server owns a synced
 * account's signing date (data/sync/merge.ts), so such an account is written
 * there first, and stored here as the server answers (signed-server.ts).
 */
export async function markAccountSigned(db: LensDB, raw: unknown, now: Date, server?: SignedServer): Promise<{ ok: true; accountId: string }> {
  const input = SignedInputSchema.parse(raw);
  const synced = await db.accounts.get(input.accountId);
  if (synced?.source === 'api') {
    await markServerAccountSigned(db, synced, input.signedAt, now, server);
    return { ok: true, accountId: synced.id };
  }
  return guardStorage(db, () => db.transaction('rw', db.accounts, async () => {
    const account = await db.accounts.get(input.accountId);
    if (!account) throw new Error('This account is not in your data.');
    // Synced meanwhile: its date is the server's now, so this write would be replaced at the next sync.
    if (account.source === 'api') throw new Error('This account was just synced from the team server: mark it signed again.');
    const { signedAt: _was, ...rest } = account;
    await db.accounts.put({ ...rest, ...(input.signedAt ? { signedAt: input.signedAt } : {}), updatedAt: now.toISOString() });
    return { ok: true as const, accountId: account.id };
  }));
}
