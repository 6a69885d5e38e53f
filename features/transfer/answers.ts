import type { ImportPlan } from './import/types';
import type { TermsPlan } from './terms/plan';

/**
 * What the background answers the options page's transfer commands
 * (platform/background/transfer/commands.ts). A refusal carries a code, so
 * the page words it in the user's language.
 */
export type TransferErrorCode = 'conflict' | 'quotaFull' | 'storageUnavailable' | 'refused' | 'failed';
export interface TransferFailure {
  ok: false;
  code: TransferErrorCode;
  /** The error's own words, for 'failed' and 'refused'. */
  reason: string;
}
export type Answer<T> = ({ ok: true } & T) | TransferFailure;

export type AnyPlan = ImportPlan | TermsPlan;
export type PreviewAnswer = Answer<{ plan: AnyPlan; fingerprint: string }>;
export type ApplyAnswer = Answer<{ kind: 'accounts' | 'terms'; created: number; updated: number }>;
export type TextAnswer = Answer<{ text: string }>;
export type DemoAnswer = Answer<{ accounts: number }>;

/** A row kept aside during an upgrade, as the page shows it (the row itself stays in the background). */
export interface KeptRow {
  seq: number;
  /** The row in a few words: name, CRM and record id, else the start of its JSON. */
  row: string;
  /** Why the upgrade kept it aside (data/db/quarantine.ts says each in full). */
  reason: 'unreadable' | 'record-id' | 'invalid' | 'merged';
  step: string;
  detail: string;
  /** For a merged row: the name of the account that holds it now. */
  into?: string;
}
