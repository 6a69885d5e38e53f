import { z } from 'zod';
import { COVER_REASONS } from '../content/cover';
import { CRM_IDS } from '../../crm/types';
import { CustomRuleSchema } from '../../data/model/custom-rule';
import { WrittenKindSchema } from '../../data/model/records';
import type { CustomRule } from '../../crm/custom';
import { MAX_FILE_BYTES } from '../../features/transfer/limits';
import type { FieldLabels } from '../../crm/fields';

/** What a content script needs beyond the built-in adapters: the user's rules and field labels. */
export interface CrmConfig {
  rules: CustomRule[];
  fieldLabels: FieldLabels;
}

/**
 * Every message between the content script, the background and the extension
 * pages. The background parses each one and checks its sender before acting.
 * The content script only imports the *types* (it stays free of zod).
 */
const bounded = (max: number) => z.string().max(max);

export const AccountRefSchema = z.object({
  crm: z.enum(CRM_IDS),
  recordId: bounded(200).min(1),
  orgKey: bounded(200).min(1).optional(),
  name: bounded(500).optional(),
  fields: z
    .object({ owner: bounded(300), contractEnd: bounded(100), annualValue: bounded(100) })
    .partial()
    .optional(),
  /** A deal page: the record is the deal's own (crm/types.ts). */
  kind: z.literal('deal').optional(),
});

const MoneySchema = z.object({ amount: z.number().finite(), currency: z.string().regex(/^[A-Z]{3}$/).optional(), text: bounded(200) });

/** A deal page as read in its tab (crm/deal-detect.ts): its name, linked account and amount. */
export const DealRefSchema = z.object({
  crm: z.enum(CRM_IDS),
  recordId: bounded(200).min(1),
  orgKey: bounded(200).min(1).optional(),
  name: bounded(500).optional(),
  account: z.object({ recordId: bounded(200).min(1).optional(), orgKey: bounded(200).min(1).optional(), name: bounded(500).optional() }).optional(),
  amount: MoneySchema.optional(),
});

export const PanelUiPatchSchema = z
  .object({
    open: z.boolean(),
    width: z.number().finite(),
    mode: z.enum(['push', 'overlay']),
  })
  .partial();

/** Messages a CRM page's content script may send (top frame only). */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crm/detected'), ref: AccountRefSchema }),
  z.object({ type: z.literal('crm/left') }),
  z.object({ type: z.literal('ui/set'), patch: PanelUiPatchSchema }),
  z.object({ type: z.literal('crm/config') }),
  // A one-time nonce for the panel frame about to be created in this tab.
  z.object({ type: z.literal('panel/nonce') }),
  // After the frame loaded: did the panel page with that nonce claim it (else the page swapped the frame)?
  z.object({ type: z.literal('panel/loaded'), nonce: z.string().regex(/^[0-9a-f]{32}$/) }),
  // The page draws over the panel frame, hides or moves it (null: plainly visible again).
  z.object({ type: z.literal('panel/cover'), reason: z.enum(COVER_REASONS).nullable() }),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** Messages the extension's own pages (panel, popup, options) may send. */
const RecordId = z.string().min(1).max(200);
const FieldName = z.string().min(1).max(80);
const FileName = z.string().max(1000);
const FileText = z.string().max(MAX_FILE_BYTES);

export const PageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('panel/whoami') }),
  z.object({ type: z.literal('panel/close') }),
  z.object({ type: z.literal('ui/set'), patch: PanelUiPatchSchema }),
  z.object({ type: z.literal('sidepanel/open'), tabId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('data/changed') }),
  z.object({ type: z.literal('rules/test'), rule: CustomRuleSchema }),
  z.object({ type: z.literal('config/changed') }),
  z.object({ type: z.literal('sync/now') }),
  /** The user gives up on a write the team server refused (the local record stays as typed). */
  z.object({ type: z.literal('outbox/discard'), key: z.string().min(1).max(200) }),
  z.object({ type: z.literal('engine/preview') }),
  z.object({ type: z.literal('source/changed') }),
  z.object({ type: z.literal('reminders/check') }),
  /** The record at a fixed id (an account's handover or plan, a month's report): created or changed in place. */
  z.object({
    type: z.literal('record/put'), kind: WrittenKindSchema, id: RecordId, accountId: RecordId, fields: z.record(z.string(), z.unknown()),
    unset: z.array(FieldName).max(50).optional(), stamp: z.array(FieldName).max(10).optional(), version: z.number().int().min(0).optional(),
  }),
  /** A stored record removed (a tombstone the team server learns of). */
  z.object({ type: z.literal('record/remove'), kind: WrittenKindSchema, id: RecordId, version: z.number().int().min(0).optional() }),
  /** One field's conflict settled: the other person's value back (`theirs`) or the current one kept (`mine`). */
  z.object({ type: z.literal('conflict/settle'), kind: WrittenKindSchema, id: RecordId, field: FieldName, choice: z.enum(['theirs', 'mine']), version: z.number().int().min(0).optional() }),
  /** A new record from what the person typed: the background mints its id and timestamps (platform/background/record-commands.ts). */
  z.object({ type: z.literal('record/create'), kind: WrittenKindSchema, fields: z.record(z.string(), z.unknown()) }),
  /** Fields a person changed on a stored record, with the version of the copy they changed. */
  z.object({ type: z.literal('record/update'), kind: WrittenKindSchema, id: RecordId, patch: z.record(z.string(), z.unknown()), version: z.number().int().min(0).optional() }),
  /** The team's delivery channels (names and kinds), an account's deliveries, a delivery queued (platform/background/channels.ts). */
  z.object({ type: z.literal('channels/list') }),
  z.object({ type: z.literal('channels/deliveries'), accountId: RecordId }),
  z.object({ type: z.literal('channels/deliver'), request: z.record(z.string(), z.unknown()), key: z.string().min(8).max(100) }),
  /** The team server's scheduled messages of an account (the automated welcome), and cancelling one before it goes. */
  z.object({ type: z.literal('automation/scheduled'), accountId: RecordId }),
  z.object({ type: z.literal('automation/cancel'), id: z.string().min(1).max(100) }),
  /** The team's automation rules with its channels and the caller's role, and setting one rule (the server checks the settings). */
  z.object({ type: z.literal('automation/rules') }),
  z.object({ type: z.literal('automation/set'), rule: z.enum(['welcome', 'report-reminder']), settings: z.record(z.string(), z.unknown()) }),
  /** How the current contract term went (renewed: with the next term); checked in full by the background. */
  z.object({ type: z.literal('term/outcome'), input: z.record(z.string(), z.unknown()) }),
  /** A step of the current term's renewal plan ticked off, or back on. */
  z.object({ type: z.literal('term/plan'), input: z.record(z.string(), z.unknown()) }),
  /** The deal open in a tab, read from its page, with the account it links to. */
  z.object({ type: z.literal('deal/read'), tabId: z.number().int().nonnegative() }),
  /** An account's signing date set (a deal marked signed) or put back to what it was (null: none). */
  z.object({ type: z.literal('account/signed'), input: z.record(z.string(), z.unknown()) }),
  /** The current term marked paid on a day, or the mark cleared. */
  z.object({ type: z.literal('term/paid'), input: z.record(z.string(), z.unknown()) }),
  z.object({
    type: z.literal('account/add'),
    ref: AccountRefSchema,
    input: z.object({ name: z.string(), contractEnd: z.string() }),
  }),
  // The options page's import, export and demo book (platform/background/transfer/commands.ts). A file's text
  // travels whole in one message: chrome.runtime messages carry up to 64 MiB of JSON, above MAX_FILE_BYTES.
  z.object({ type: z.literal('transfer/preview'), fileName: FileName, text: FileText }),
  /** Applied only if planning the same text again gives the plan the page previewed (its fingerprint). */
  z.object({ type: z.literal('transfer/apply'), fileName: FileName, text: FileText, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ type: z.literal('transfer/export'), kind: z.enum(['json', 'csv', 'terms']) }),
  z.object({ type: z.literal('demo/load') }),
  /** Single sign-on with the team server's identity provider, run by the background (platform/background/sso.ts). */
  z.object({ type: z.literal('sso/signin'), baseUrl: z.string().min(1).max(2000), maxAgeMinutes: z.number().int().min(1).max(24 * 60) }),
  z.object({ type: z.literal('sso/signout') }),
  /** Rows an upgrade kept aside: all as a JSON file, or one forgotten for good (the list itself is the `watch/kept` port watch). */
  z.object({ type: z.literal('kept/export') }),
  z.object({ type: z.literal('kept/discard'), seq: z.number().int().nonnegative() }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/**
 * What the launcher shows; computed by the background, localised there. The
 * launcher sits in the CRM page's DOM, so this carries no account data.
 */
export const LauncherViewSchema = z.object({
  label: z.string(),
  resizeLabel: z.string(),
  panel: z.object({ open: z.boolean(), width: z.number(), mode: z.enum(['push', 'overlay']) }),
});
export type LauncherView = z.infer<typeof LauncherViewSchema>;

/** Messages the background sends to a tab's content script. */
export type ToContentMessage =
  | { type: 'launcher/update'; view: LauncherView }
  | { type: 'panel/toggle' }
  | ({ type: 'config/changed' } & CrmConfig)
  | { type: 'rule/test'; rule: CustomRule }
  | { type: 'panel/set'; panel: { open: boolean; width: number; mode: 'push' | 'overlay' } };

/** What the background keeps per tab in storage.session: the one source of truth. */
export const TabStateSchema = z.object({
  ref: AccountRefSchema,
  url: z.string(),
  at: z.number(),
  /** The stored account at detection (null: not stored), so the panel paints at once; its live watch follows. */
  account: z.unknown().optional(),
});
export type TabState = z.infer<typeof TabStateSchema>;
export const tabKey = (tabId: number): string => `tab:${tabId}`;
/** Whether the page covers the tab's panel frame, kept apart from the tab state: the panel pauses its actions meanwhile. */
export const coverKey = (tabId: number): string => `cover:${tabId}`;
export const CoverStateSchema = z.object({ reason: z.enum(COVER_REASONS), at: z.number() });
export type CoverState = z.infer<typeof CoverStateSchema>;

/**
 * The data port: the panel watches records through the background, which owns
 * IndexedDB. (A panel framed into a CRM page is a third-party frame: browsers
 * that block third-party storage deny it IndexedDB, so it never opens Dexie.)
 */
export const DATA_PORT = 'lens-data';
export const PortRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch/account'), id: z.number().int(), ref: AccountRefSchema }),
  z.object({ type: z.literal('watch/status'), id: z.number().int(), ref: AccountRefSchema }),
  z.object({ type: z.literal('watch/records'), id: z.number().int(), kind: WrittenKindSchema, accountId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('watch/portfolio'), id: z.number().int() }),
  // The Today list: one person's work (absent: mine, from the team server's identity or my name in the options), or the whole team (null).
  // `limit`: only the first so many accounts' work is sent (the counts are the whole list's), so a big book paints at once.
  z.object({ type: z.literal('watch/today'), id: z.number().int(), person: z.string().trim().min(1).max(200).nullable().optional(), limit: z.number().int().min(1).optional() }),
  // The weekly onboarding review of the whole team's book.
  z.object({ type: z.literal('watch/review'), id: z.number().int() }),
  // The options page: how many accounts are stored, and the rows an upgrade kept aside.
  z.object({ type: z.literal('watch/count'), id: z.number().int() }),
  z.object({ type: z.literal('watch/kept'), id: z.number().int() }),
  z.object({ type: z.literal('unwatch'), id: z.number().int() }),
]);
export type PortRequest = z.infer<typeof PortRequestSchema>;
export type PortResult = { type: 'result'; id: number; value: unknown } | { type: 'error'; id: number; message: string };

/** What a tab answers when a rule is tried on it. */
export interface RuleTestResult {
  url: string;
  title: string;
  ref: { recordId: string; name?: string; fields?: Record<string, string> } | null;
}
