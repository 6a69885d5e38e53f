import type { Table } from 'dexie';
import { normaliseRecordId } from '../../crm/normalise';
import type { LensDB } from '../db/db';
import type { Account } from '../model/account';
import { WRITTEN_KINDS, type Cta, type OutboxEntry, type WrittenKind } from '../model/records';
import { loadIdMap, saveIdMap, type IdMap } from './id-map';
import { stableStringify } from './json';
import { settleAccountTerms } from '../db/terms';
import type { ApiAccount, WrittenRecord } from './schemas';

/**
 * How what the server sends meets what is stored. Callers run these inside
 * one rw transaction over syncTables(db), so a batch lands whole or not at all.
 */

export const WRITTEN_KIND_LIST = Object.keys(WRITTEN_KINDS) as WrittenKind[];
export const recordTable = (db: LensDB, kind: WrittenKind): Table<WrittenRecord, string> => db.table(kind);
export const syncTables = (db: LensDB): Table[] => [db.accounts, ...WRITTEN_KIND_LIST.map((k) => db.table(k)), db.outbox, db.meta];

export interface Incoming {
  accounts: ApiAccount[];
  records: { kind: WrittenKind; record: WrittenRecord }[];
}

/** Fields the team server owns: its version always replaces the local one, absence included. */
const SERVER_OWNED = [
  'name', 'owner', 'csm', 'segment', 'arr', 'currency', 'contractStart', 'contractEnd', 'signedAt', 'autoRenew', 'health',
] as const satisfies readonly (keyof Account)[];

/** Writes a batch from the server; returns how many rows' data actually changed. */
export async function applyIncoming(db: LensDB, incoming: Incoming, now: Date): Promise<number> {
  const map = await loadIdMap(db);
  const accounts = await mergeAccounts(db, incoming.accounts, map, now.toISOString());
  if (accounts.mapChanged) await saveIdMap(db, map);
  const records = await mergeRecords(db, incoming.records, map);
  // An account copy older than a recorded renewal, or a term from another device: the row follows the current term.
  const touched = [
    ...incoming.accounts.map((a) => map.get(a.id) ?? a.id),
    ...incoming.records.filter((r) => r.kind === 'contracts').map((r) => map.get(r.record.accountId) ?? r.record.accountId),
  ];
  await settleAccountTerms(db, touched);
  return accounts.changed + records;
}

const time = (s: string) => {
  const t = Date.parse(s);
  return Number.isNaN(t) ? -Infinity : t;
};
const withoutSyncedAt = ({ syncedAt: _s, ...rest }: Account) => rest;
const same = (a: object, b: object) => stableStringify(a) === stableStringify(b);
const lastById = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()];

async function mergeAccounts(db: LensDB, incoming: ApiAccount[], map: IdMap, stamp: string) {
  let changed = 0;
  let mapChanged = false;
  if (incoming.length === 0) return { changed, mapChanged };
  const servers = lastById(incoming).map((a) => ({ ...a, recordId: normaliseRecordId(a.crm, a.recordId) ?? a.recordId }));
  const byId = await db.accounts.bulkGet(servers.map((a) => map.get(a.id) ?? a.id));
  // An account not known by id may be one the user added from a CRM page before
  // the server had it: matched like findAccount, it keeps its local id.
  const unknown = servers.filter((_, i) => !byId[i]);
  const candidates = unknown.length
    ? await db.accounts.where('[crm+recordId]').anyOf(unknown.map((a) => [a.crm, a.recordId])).toArray()
    : [];
  const taken = new Set(map.values());
  const rows = servers.map((server, i) => {
    const local = byId[i] ?? matchLocal(candidates, server, taken);
    if (local && local.id !== server.id) {
      map.set(server.id, local.id);
      taken.add(local.id);
      mapChanged = true;
    }
    const merged = mergeAccount(local, server, stamp);
    if (!local || !same(withoutSyncedAt(local), withoutSyncedAt(merged))) changed++;
    return merged;
  });
  await db.accounts.bulkPut(rows);
  return { changed, mapChanged };
}

/** findAccount's rule, among rows that are not already another server account. */
function matchLocal(rows: Account[], server: ApiAccount, taken: Set<string>): Account | undefined {
  const free = rows.filter((a) => a.crm === server.crm && a.recordId === server.recordId && a.source !== 'api' && !taken.has(a.id));
  return (
    free.find((a) => a.orgKey !== undefined && a.orgKey === server.orgKey) ??
    free.find((a) => a.orgKey === undefined || server.orgKey === undefined)
  );
}

function mergeAccount(local: Account | undefined, server: ApiAccount, stamp: string): Account {
  if (!local) return { ...server, source: 'api', syncedAt: stamp };
  const merged: Record<string, unknown> = { ...local, source: 'api', syncedAt: stamp, updatedAt: server.updatedAt };
  for (const f of SERVER_OWNED) {
    if (server[f] === undefined) delete merged[f];
    else merged[f] = server[f];
  }
  if (local.orgKey === undefined && server.orgKey !== undefined) merged.orgKey = server.orgKey;
  return merged as Account;
}

/**
 * Before versions (a server that sends none): the newer updatedAt wins; on a
 * tie the server's copy wins (it may have set author), unless the local
 * record has an outbox entry: a user's unsent change is only ever replaced by
 * a strictly newer server copy.
 */
export function serverWins(local: WrittenRecord | undefined, server: WrittenRecord, pending: boolean): boolean {
  if (!local) return true;
  const d = time(server.updatedAt) - time(local.updatedAt);
  return pending ? d > 0 : d >= 0;
}

/** The fields of a record with unsent edits; `whole` for entries queued before versions (all of it). */
export interface Pending {
  fields: Set<string>;
  whole: boolean;
}

export function pendingByRecord(entries: readonly OutboxEntry[]): Map<string, Pending> {
  const out = new Map<string, Pending>();
  for (const e of entries) {
    const key = `${e.kind}:${e.recordId}`;
    const p = out.get(key) ?? { fields: new Set<string>(), whole: false };
    if (e.fields) for (const f of Object.keys(e.fields)) p.fields.add(f);
    else p.whole = true;
    out.set(key, p);
  }
  return out;
}

/**
 * What a server copy makes of the local record (undefined: the local one
 * stays as it is). Versions decide, never clocks: a copy not newer than the
 * local one is ignored (a late answer, or a feed item already seen), and a
 * newer one replaces every field except those with unsent local edits, which
 * the outbox will send on top of it.
 */
export function mergeServerCopy(local: WrittenRecord | undefined, server: WrittenRecord, pending: Pending | undefined): WrittenRecord | undefined {
  if (!local) return server;
  if (server.version === undefined || pending?.whole) return serverWins(local, server, pending !== undefined) ? server : undefined;
  if (local.version !== undefined && server.version <= local.version) return undefined;
  if (!pending || pending.fields.size === 0) return server;
  const out: Record<string, unknown> = { ...server };
  const mine = local as Record<string, unknown>;
  for (const f of pending.fields) {
    if (mine[f] === undefined) delete out[f];
    else out[f] = mine[f];
  }
  return out as WrittenRecord;
}

async function mergeRecords(db: LensDB, items: Incoming['records'], map: IdMap): Promise<number> {
  if (items.length === 0) return 0;
  const pending = pendingByRecord(await db.outbox.toArray());
  let changed = 0;
  for (const kind of WRITTEN_KIND_LIST) {
    const list = lastById(items.filter((i) => i.kind === kind).map((i) => i.record))
      // Records point at the server's account id; locally the account may keep its own.
      .map((r) => ({ ...r, accountId: map.get(r.accountId) ?? r.accountId }));
    if (list.length === 0) continue;
    const table = recordTable(db, kind);
    const locals = await table.bulkGet(list.map((r) => r.id));
    let winners: WrittenRecord[] = [];
    list.forEach((r, i) => {
      const local = locals[i];
      const merged = mergeServerCopy(local, r, pending.get(`${kind}:${r.id}`));
      if (!merged) return;
      winners.push(merged);
      if (!local || !same(local, merged)) changed++;
    });
    if (kind === 'ctas') winners = await settleCauses(db, winners as Cta[], pending);
    await table.bulkPut(winners);
  }
  return changed;
}

/**
 * ctas.cause is unique: it names what raised a call to action, so two clients
 * can raise the same one under different ids. The server's copy replaces the
 * local twin, unless the twin carries an unsent change (it is skipped then,
 * and the server sorts it out when that change arrives). Never a constraint
 * error that would stall sync.
 */
async function settleCauses(db: LensDB, ctas: Cta[], pending: Map<string, Pending>): Promise<Cta[]> {
  const byCause = new Map(ctas.map((c) => [c.cause, c])); // the latest in the batch wins within it
  const twins = await db.ctas.where('cause').anyOf([...byCause.keys()]).toArray();
  const drop: string[] = [];
  for (const twin of twins) {
    const incoming = byCause.get(twin.cause);
    if (!incoming || incoming.id === twin.id) continue;
    if (pending.has(`ctas:${twin.id}`)) byCause.delete(twin.cause);
    else drop.push(twin.id);
  }
  await db.ctas.bulkDelete(drop);
  return [...byCause.values()];
}
