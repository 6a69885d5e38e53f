// @vitest-environment node
import fc from 'fast-check';
import { ErrorBodySchema } from '../../data/sync/schemas';
import { storableTextProblem } from '../../data/model/common';
import { CRM_IDS } from '../../crm/types';
import { WRITTEN_KINDS, type WrittenKind } from '../../data/model/records';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, Harness, sample, useBackend } from './helpers';

/**
 * Hostile text in every string field of every record kind, and in every
 * query parameter, on both databases: the server answers 200 or a 4xx with
 * the contract's error body, never a 500; what it answers 200 to is stored
 * exactly as the schema read it; what it refuses leaves no row.
 */

type Path = (string | number)[];

/** Every string field of each kind (arrays through their first item), besides the common ones. */
const FIELDS: Record<WrittenKind, string[]> = {
  contracts: ['start', 'end', 'currency'],
  snapshots: ['asOf'],
  promises: ['text', 'promisedBy', 'promisedAt', 'dueDate', 'notes'],
  notes: ['text', 'dueDate', 'doneAt'],
  visits: ['date', 'attendees.0', 'checklistDone.0', 'notes', 'followUps.0.text', 'followUps.0.dueDate'],
  handovers: [
    'basics.industry', 'basics.size', 'basics.locations', 'bought.products', 'technical', 'outcomes.0', 'keyPeople.0.name',
    'keyPeople.0.contact', 'promises.0', 'fitRisks.0', 'questions', 'submittedAt',
  ],
  milestones: ['key', 'title', 'dueDate', 'doneAt', 'owner'],
  ctas: ['cause', 'title', 'owner', 'dueDate', 'snoozedUntil', 'closedNote'],
  outcomes: ['date', 'notes'],
  plans: ['bossName', 'bossEmail'],
  reports: ['month', 'sentAt', 'to'],
};
const COMMON = ['id', 'accountId', 'createdAt', 'updatedAt', 'author', 'updatedBy'];
const KINDS = Object.keys(FIELDS) as WrittenKind[];
const TARGETS = KINDS.flatMap((kind) => [...COMMON, ...FIELDS[kind]].map((field) => ({ kind, path: pathOf(field) })));

function pathOf(field: string): Path {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A valid record with every optional container present, so each path has a place to go. */
function full(kind: WrittenKind, id: string): Record<string, unknown> {
  const extra: Partial<Record<WrittenKind, Record<string, unknown>>> = {
    handovers: { basics: {}, bought: {}, outcomes: ['o'], keyPeople: [{ role: 'boss', name: 'Boss' }], promises: ['p'], fitRisks: ['f'] },
  };
  return JSON.parse(JSON.stringify({ ...sample[kind](id, 'acct-1'), ...extra[kind] })) as Record<string, unknown>;
}

function setAt(obj: Record<string, unknown>, path: Path, value: unknown): void {
  let at: Record<string | number, unknown> = obj;
  path.slice(0, -1).forEach((p, i) => {
    at[p] ??= typeof path[i + 1] === 'number' ? [] : {};
    at = at[p] as Record<string | number, unknown>;
  });
  at[path.at(-1)!] = value;
}

function getAt(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, p) => (v as Record<string | number, unknown> | undefined)?.[p], obj);
}

/** A path segment even for text encodeURIComponent refuses (lone surrogates): their WTF-8 bytes, %-escaped. */
function segment(s: string): string {
  return [...s].map((ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return [0xe0 | (ch.charCodeAt(0) >> 12), 0x80 | ((ch.charCodeAt(0) >> 6) & 0x3f), 0x80 | (ch.charCodeAt(0) & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
  }).join('');
}

const MEGABYTE = 'x'.repeat(1 << 20);
const NASTY = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\udc00\ud800', '%', '%25', '%E0%A4%A', '\u202eevil\u202c', '\u200f\u05d0', '  padded  ', '', MEGABYTE];

/** Code units of any value, lone surrogates and NUL included; mixed with the known-bad ones. */
const hostile = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '%', '\u202e', '\u200f', 'a', '1', '-', ' '), maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe.each(backends())('hostile text on $name', (backend) => {
  useBackend(backend);

  async function setup() {
    const h = new Harness(await backend.fresh());
    const token = await h.token('team-a', 'boss', 'manager');
    await h.seed('team-a', [fakeAccount(1)]);
    return { h, token };
  }

  /** One PUT with `value` at `path`: checks the answer and what the database holds afterwards. */
  async function putAndCheck(h: Harness, token: string, kind: WrittenKind, path: Path, value: string, n: number) {
    const id = `fz-${n}`;
    const body = full(kind, id);
    setAt(body, path, value);
    // An empty id has no path to go to (that is the router's 404): the body's own id is then the odd one.
    const pathId = typeof body.id === 'string' && body.id !== '' ? body.id : id;
    const before = await h.count('kind = $1', [kind]);
    const a = await h.request(`/v1/records/${kind}/${segment(pathId)}`, {
      method: 'PUT', token, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': `k-${n}` }, body: JSON.stringify(body),
    });
    const where = `${kind}.${path.join('.')} = ${JSON.stringify(value.slice(0, 40))}: ${a.text.slice(0, 200)}`;
    // 404 is the answer for an account the team does not hold, so only an accountId may earn it.
    expect(path[0] === 'accountId' ? [200, 404, 413, 422] : [200, 413, 422], where).toContain(a.status);
    if (a.status !== 200) {
      expect(ErrorBodySchema.safeParse(a.json).success, where).toBe(true);
      expect(await h.count('kind = $1', [kind]), `${where}: refused, yet stored`).toBe(before);
      return a.status;
    }
    expect(storableTextProblem(pathId), where).toBeNull();
    const rows = (await h.sql.query<{ data: Record<string, unknown> }>('select data from items where kind = $1 and id = $2', [kind, pathId])).rows;
    // Stored exactly as the schema read it (trimmed where the schema trims), and answered the same.
    const read = WRITTEN_KINDS[kind].parse(body);
    const answer = (a.json as { record: Record<string, unknown> }).record;
    expect(rows.map((r) => r.data), where).toEqual([answer]);
    if (!['author', 'updatedBy', 'updatedAt'].includes(String(path[0]))) expect(getAt(rows[0]!.data, path), where).toEqual(getAt(read, path));
    return a.status;
  }

  it('NUL, lone surrogates, % and 1 MB in every string field of every kind: 422 or 413 naming the field, never a 500', async () => {
    const { h, token } = await setup();
    let n = 0;
    for (const { kind, path } of TARGETS) {
      for (const value of ['a\u0000b', 'x\ud800']) {
        const status = await putAndCheck(h, token, kind, path, value, n++);
        // Every field refuses these, with a message that names the field and the problem.
        expect(status, `${kind}.${path.join('.')}`).toBe(422);
      }
    }
    const a = await h.put(token, 'promises', 'big', { ...sample.promises('big', 'acct-1'), text: MEGABYTE });
    expect(a.status).toBe(413);
    const nul = await h.put(token, 'promises', 'p-nul', { ...sample.promises('p-nul', 'acct-1'), text: 'see\u0000this' });
    expect(ErrorBodySchema.parse(nul.json).error.message).toBe('text: must not contain the NUL character (U+0000)');
    const broken = await h.put(token, 'visits', 'v-bad', { ...sample.visits('v-bad', 'acct-1'), attendees: ['Lee', 'A\udc00'] });
    expect(ErrorBodySchema.parse(broken.json).error.message).toBe('attendees.1: must not contain broken Unicode (a lone surrogate)');
  });

  it('generated strings in every field of every kind: never a 500, never a corrupted row', async () => {
    const { h, token } = await setup();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), hostile, async ({ kind, path }, value) => {
        await putAndCheck(h, token, kind, path, value, n++);
      }),
      { numRuns: 120 },
    );
  });

  it('generated strings in every query parameter: 200, 404 or 422, never a 500', async () => {
    const { h, token } = await setup();
    // The reading that a stray % would once have thrown on, for Dynamics ids.
    expect((await h.get(token, '/v1/accounts/lookup?crm=dynamics&recordId=%25')).status).toBe(404);
    expect((await h.get(token, '/v1/accounts/lookup?crm=hubspot&recordId=100001&orgKey=%00')).status).toBe(422);
    expect((await h.get(token, '/v1/accounts/lookup?crm=hubspot&recordId=%00')).status).toBe(422);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CRM_IDS), hostile, fc.option(hostile), hostile, async (crm, recordId, orgKey, since) => {
        const q = `crm=${crm}&recordId=${segment(recordId)}${orgKey === null ? '' : `&orgKey=${segment(orgKey)}`}`;
        const lookup = await h.get(token, `/v1/accounts/lookup?${q}`);
        expect([200, 404, 422], `${q}: ${lookup.text.slice(0, 200)}`).toContain(lookup.status);
        if (lookup.status !== 200) expect(ErrorBodySchema.safeParse(lookup.json).success).toBe(true);
        const feed = await h.get(token, `/v1/changes?since=${segment(since)}&limit=${segment(since)}`);
        expect([200, 422], feed.text.slice(0, 200)).toContain(feed.status);
        const history = await h.get(token, `/v1/records/promises/${segment(recordId) || 'x'}/history`);
        expect([404, 422], history.text.slice(0, 200)).toContain(history.status);
      }),
      { numRuns: 60 },
    );
  });
});
