// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ACTIONS, allowed, permissionsMarkdown, PERMISSIONS, ROLES, type Action, type MatrixKind, type Role } from '../../data/sync/permissions';
import { putResponseSchema } from '../../data/sync/schemas';
import type { WrittenKind } from '../../data/model/records';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, csv, expectError, Harness, sample, useBackend } from './helpers';

/**
 * Who may do what inside a team, as a table written out here on its own
 * (S = sales, C = csm, M = manager; '' = nobody): the code's table, the
 * server's answers for every role × kind × action, and docs/api.md must all
 * say the same.
 */
const EXPECTED: Record<MatrixKind, Record<Action, string>> = {
  accounts: /*   */ { write: 'SCM', delete: '', decide: '', import: 'M' },
  contracts: /*  */ { write: 'CM', delete: 'M', decide: '', import: '' },
  snapshots: /*  */ { write: 'M', delete: 'M', decide: '', import: '' },
  promises: /*   */ { write: 'SCM', delete: 'CM', decide: '', import: '' },
  notes: /*      */ { write: 'SCM', delete: 'CM', decide: '', import: '' },
  visits: /*     */ { write: 'CM', delete: 'CM', decide: '', import: '' },
  handovers: /*  */ { write: 'SCM', delete: 'M', decide: 'CM', import: '' },
  milestones: /* */ { write: 'CM', delete: 'CM', decide: '', import: '' },
  ctas: /*       */ { write: 'SCM', delete: 'CM', decide: '', import: '' },
  outcomes: /*   */ { write: 'CM', delete: 'CM', decide: '', import: '' },
  plans: /*      */ { write: 'CM', delete: 'CM', decide: '', import: '' },
  reports: /*    */ { write: 'CM', delete: 'CM', decide: '', import: '' },
};
const LETTER: Record<Role, string> = { sales: 'S', csm: 'C', manager: 'M' };
const expected = (role: Role, kind: MatrixKind, action: Action) => EXPECTED[kind][action].includes(LETTER[role]);
const KINDS = Object.keys(EXPECTED) as MatrixKind[];
const CASES = ROLES.flatMap((role) => KINDS.flatMap((kind) => ACTIONS.map((action) => ({ role, kind, action, ok: expected(role, kind, action) }))));

describe('the authorisation matrix', () => {
  it('covers every kind, and says what the table here says for every role × kind × action', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...KINDS].sort());
    const wrong = CASES.filter((c) => allowed(c.role, c.kind, c.action) !== c.ok);
    expect(wrong).toEqual([]);
  });

  it('is written in docs/api.md exactly as the code has it', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    expect(doc).toContain(permissionsMarkdown());
  });
});

describe.each(backends())('authorisation on $name', (backend) => {
  useBackend(backend);

  async function team() {
    const h = new Harness(await backend.fresh());
    const tokens = {
      sales: await h.token('team-a', 'Sam', 'sales'),
      csm: await h.token('team-a', 'Lee', 'csm'),
      manager: await h.token('team-a', 'Max', 'manager'),
    } satisfies Record<Role, string>;
    await h.seed('team-a', [fakeAccount(1)]);
    return { h, tokens };
  }

  /** What the server answers for one role, kind and action, and what it left behind. */
  async function attempt(h: Harness, tokens: Record<Role, string>, role: Role, kind: MatrixKind, action: Action, n: number): Promise<number | 'n/a'> {
    if (kind === 'accounts') {
      if (action === 'write') return (await h.signed(tokens[role], 'acct-1', { signedAt: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}` })).status;
      if (action !== 'import') return 'n/a';
      return (await h.import(tokens[role], csv(`hubspot,${700 + n},p1,Import ${n},,,,,,,2027-01-31,,,,,,,,,`))).status;
    }
    const k: WrittenKind = kind;
    const id = `${k}-${role}-${action}-${n}`;
    if (action === 'import' || (action === 'decide' && k !== 'handovers')) return 'n/a';
    if (action === 'write') return (await h.put(tokens[role], k, id, sample[k](id, 'acct-1'))).status;
    // The record exists first (a manager wrote it), then the role acts on it.
    await h.putOk(tokens.manager, k, sample[k](id, 'acct-1'));
    const body = action === 'delete' ? { ...sample[k](id, 'acct-1'), deleted: true } : { ...sample[k](id, 'acct-1'), status: 'accepted' };
    const key = crypto.randomUUID();
    const a = await h.put(tokens[role], k, id, body, key);
    if (a.status === 403) {
      // The message names the first action refused: the write itself, where the role may not even write the kind.
      const first = expected(role, k, 'write') ? action : 'write';
      expect(expectError(a, 403, 'forbidden')).toBe(`a ${role} may not ${first} ${k}`);
      // Nothing changed, and the key is free: the refusal is not remembered as an answer.
      const { rows } = await h.sql.query<{ data: Record<string, unknown> }>('select data from items where kind = $1 and id = $2', [k, id]);
      expect(rows[0]!.data.deleted).toBeUndefined();
      expect(rows[0]!.data.status).toBe((sample[k](id, 'acct-1') as { status?: string }).status);
      expect((await h.sql.query('select 1 from idempotency where key = $1', [key])).rows).toEqual([]);
    }
    return a.status;
  }

  it('enforces the table: every role × kind × action answers 200 or 403 as it says', async () => {
    const { h, tokens } = await team();
    const results: string[] = [];
    let n = 0;
    for (const c of CASES) {
      const status = await attempt(h, tokens, c.role, c.kind, c.action, n++);
      if (status === 'n/a') continue;
      results.push(`${c.role} ${c.action} ${c.kind}: ${status}`);
      expect(status, `${c.role} ${c.action} ${c.kind}`).toBe(c.ok ? 200 : 403);
    }
    // Every action that exists for a kind was tried for each role: 12 writes, 11 deletes, 1 decide, 1 import.
    expect(results).toHaveLength(ROLES.length * 25);
  });

  it('a salesperson cannot accept or send back a handover, nor undo an acceptance; a CSM can', async () => {
    const { h, tokens } = await team();
    await h.putOk(tokens.sales, 'handovers', sample.handovers('h1', 'acct-1'));
    for (const status of ['accepted', 'returned'] as const) {
      expectError(await h.put(tokens.sales, 'handovers', 'h1', { ...sample.handovers('h1', 'acct-1'), status }), 403, 'forbidden');
    }
    // A handover written straight as accepted is a decision too.
    expectError(await h.put(tokens.sales, 'handovers', 'h2', { ...sample.handovers('h2', 'acct-1'), status: 'accepted' }), 403, 'forbidden');
    const accepted = await h.putOk(tokens.csm, 'handovers', { ...sample.handovers('h1', 'acct-1'), status: 'accepted' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'Lee', author: 'Sam', updatedBy: 'Lee' });
    expectError(await h.put(tokens.sales, 'handovers', 'h1', { ...sample.handovers('h1', 'acct-1'), status: 'submitted' }), 403, 'forbidden');
    // Sales may still complete an accepted handover's content.
    expect(await h.putOk(tokens.sales, 'handovers', { ...sample.handovers('h1', 'acct-1'), status: 'accepted', technical: 'SSO and SCIM' })).toMatchObject({ decidedBy: 'Lee', updatedBy: 'Sam' });
  });

  it('every accepted write is kept in the record\'s history: who, in which role, when, what; refusals are not', async () => {
    let clock = new Date('2026-11-23T10:00:00.000Z');
    const h = new Harness(await backend.fresh(), () => clock);
    const sales = await h.token('team-a', 'Sam', 'sales');
    const csm = await h.token('team-a', 'Lee', 'csm');
    const other = await h.token('team-b', 'Bob', 'manager');
    await h.seed('team-a', [fakeAccount(1)]);
    await h.putOk(sales, 'promises', sample.promises('p1', 'acct-1', 'SSO by March'));
    clock = new Date('2026-11-24T10:00:00.000Z');
    expectError(await h.put(sales, 'promises', 'p1', { ...sample.promises('p1', 'acct-1'), deleted: true }), 403, 'forbidden');
    const kept = await h.putOk(csm, 'promises', { ...sample.promises('p1', 'acct-1', 'SSO by April'), status: 'kept' });
    expect(kept).toMatchObject({ author: 'Sam', updatedBy: 'Lee', text: 'SSO by April' });
    clock = new Date('2026-11-25T10:00:00.000Z');
    await h.putOk(csm, 'promises', { ...sample.promises('p1', 'acct-1', 'SSO by April'), deleted: true });

    const a = await h.get(sales, '/v1/records/promises/p1/history');
    expect(a.status, a.text).toBe(200);
    const { items } = a.json as { items: { at: string; by: string; role: string; actions: string[]; record: { text: string; deleted?: boolean } }[] };
    expect(items.map(({ at, by, role, actions }) => ({ at, by, role, actions }))).toEqual([
      { at: '2026-11-25T10:00:00.000Z', by: 'Lee', role: 'csm', actions: ['write', 'delete'] },
      { at: '2026-11-24T10:00:00.000Z', by: 'Lee', role: 'csm', actions: ['write'] },
      { at: '2026-11-23T10:00:00.000Z', by: 'Sam', role: 'sales', actions: ['write'] },
    ]);
    expect(items.map((i) => i.record.text)).toEqual(['SSO by April', 'SSO by April', 'SSO by March']);
    expect(items[0]!.record.deleted).toBe(true);
    // Another team cannot read it, and the answer is the one for a record that does not exist.
    const b = await h.get(other, '/v1/records/promises/p1/history');
    expect(expectError(b, 404, 'not_found')).toBe('no such record');
    expect(b.json).toEqual((await h.get(sales, '/v1/records/promises/nope/history')).json);
  });

  it('GET /v1/me says who the token stands for, so the panel can offer only what the role may do', async () => {
    const { h, tokens } = await team();
    for (const role of ROLES) {
      const a = await h.get(tokens[role], '/v1/me');
      expect(a.status).toBe(200);
      expect(a.json).toEqual({ user: { sales: 'Sam', csm: 'Lee', manager: 'Max' }[role], role, team: 'team-a' });
    }
    expectError(await h.request('/v1/me'), 401, 'unauthorized');
  });

  it('the answer to a write says who made it last, whatever the client sent', async () => {
    const { h, tokens } = await team();
    const a = await h.put(tokens.csm, 'notes', 'n1', { ...sample.notes('n1', 'acct-1'), updatedBy: 'Mallory' });
    expect(putResponseSchema('notes').parse(a.json).record).toMatchObject({ author: 'Lee', updatedBy: 'Lee' });
  });
});
