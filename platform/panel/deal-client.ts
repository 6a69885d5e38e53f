import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountRef, DealRef } from '../../crm/types';
import type { PageMessage } from '../messaging/protocol';

/** The deal open in a tab as the panel shows it: loading, read (with its linked account, if the page links one), or not readable. */
export type DealState = { status: 'loading' } | { status: 'read'; deal: DealRef; account: AccountRef | null } | { status: 'unreadable' };

const ask = (message: Extract<PageMessage, { type: 'deal/read' | 'account/signed' }>) => browser.runtime.sendMessage(message) as Promise<unknown>;

/** Asks the background to read the deal open in the tab (platform/background/deals.ts). */
export async function readDealVia(tabId: number): Promise<DealState> {
  const answer = (await ask({ type: 'deal/read', tabId }).catch(() => null)) as { ok?: boolean; deal?: DealRef; account?: AccountRef | null } | null;
  return answer?.ok && answer.deal ? { status: 'read', deal: answer.deal, account: answer.account ?? null } : { status: 'unreadable' };
}

/** The deal in `tabId`, read again whenever the page reports another deal (`dealKey`). */
export function useDeal(tabId: number | null, dealKey: string): DealState {
  const [state, setState] = useState<{ key: string; value: DealState }>({ key: '', value: { status: 'loading' } });
  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void readDealVia(tabId).then((value) => live && setState({ key: dealKey, value }));
    return () => void (live = false);
  }, [tabId, dealKey]);
  return state.key === dealKey ? state.value : { status: 'loading' };
}

/** What the mark (or its Undo) did to the account's handover: the creation moment of a draft it started, and whether one was taken back. */
export interface SignedResult {
  draftStarted: string | null;
  draftRemoved: boolean;
}

/**
 * The team server did not take the signing date of an account it keeps:
 * `kind` says why (an ApiErrorKind: offline, signed_out, rejected, …), the
 * message is the server's own words. Nothing was stored.
 */
export class ServerRefusal extends Error {
  override readonly name = 'ServerRefusal';
  constructor(message: string, readonly kind: string) {
    super(message);
  }
}

/**
 * Sets the account's signing date (a date), or puts back the one it had
 * (null: none). A mark made on a deal sends the deal, so the background can
 * start the account's handover draft; an Undo sends the draft's creation
 * moment it was given (`undoDraft`), so that draft is taken back if untouched.
 */
export async function markSignedVia(input: {
  accountId: string;
  signedAt: string | null;
  deal?: { name?: string; amount?: number; currency?: string };
  undoDraft?: string;
}): Promise<SignedResult> {
  const answer = (await ask({ type: 'account/signed', input })) as { ok?: boolean; error?: string; kind?: unknown; draftStarted?: unknown; draftRemoved?: unknown } | null;
  if (!answer?.ok && typeof answer?.kind === 'string') throw new ServerRefusal(answer.error ?? '', answer.kind);
  if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  return { draftStarted: typeof answer.draftStarted === 'string' ? answer.draftStarted : null, draftRemoved: answer.draftRemoved === true };
}
