import type { WrittenKind } from '../model/records';

/**
 * Who may do what inside a team: one table, read by the server (which
 * enforces it on every write), by the panel (which does not offer what the
 * server would refuse) and rendered into docs/api.md (a test keeps the two
 * the same).
 */

export const ROLES = ['sales', 'csm', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a write does. `write`: create or change a live record. `delete`: send
 * (or lift) a tombstone. `decide`: accept or send back a handover, or undo an
 * acceptance. `import`: bulk import of accounts and their health readings.
 */
export const ACTIONS = ['write', 'delete', 'decide', 'import'] as const;
export type Action = (typeof ACTIONS)[number];

export type MatrixKind = WrittenKind | 'accounts';

const ALL: readonly Role[] = ROLES;
const CS: readonly Role[] = ['csm', 'manager'];
const MANAGER: readonly Role[] = ['manager'];

/**
 * An action missing from a kind's row does not exist for that kind (for
 * example `decide` on a promise) and is refused for everyone. Contracts and
 * health readings come from the CRM or the finance system through a
 * manager's import, so only a manager writes readings one by one too; a
 * contract term is also written when the CS team records a renewal (the
 * next term) or ticks off a renewal-plan step, so the CS side writes terms
 * and only a manager deletes one. Sales
 * writes what it learns in the sale (handovers, promises, conversation notes)
 * and the calls to action its own panel raises; the CSM's records
 * (visits, milestones, plans, reports, outcomes) and every deletion are the
 * CS team's. Only the CS side decides on a handover. The one account field
 * a person writes is its signing date (PUT /v1/accounts/{id}/signed): sales
 * marks the deal signed, and the CS side, which writes contract terms and
 * starts onboarding from that date, may set or correct it too.
 */
export const PERMISSIONS: Record<MatrixKind, Partial<Record<Action, readonly Role[]>>> = {
  accounts: { write: ALL, import: MANAGER },
  contracts: { write: CS, delete: MANAGER },
  snapshots: { write: MANAGER, delete: MANAGER },
  promises: { write: ALL, delete: CS },
  notes: { write: ALL, delete: CS },
  visits: { write: CS, delete: CS },
  handovers: { write: ALL, delete: MANAGER, decide: CS },
  milestones: { write: CS, delete: CS },
  ctas: { write: ALL, delete: CS },
  outcomes: { write: CS, delete: CS },
  plans: { write: CS, delete: CS },
  reports: { write: CS, delete: CS },
};

export function allowed(role: Role, kind: MatrixKind, action: Action): boolean {
  return PERMISSIONS[kind][action]?.includes(role) ?? false;
}

type Versioned = { deleted?: boolean; status?: string } | undefined;

/**
 * The actions one PUT performs, given the stored version (undefined for a new
 * record): every change is a `write`; changing the tombstone is a `delete`
 * too; moving a handover into accepted or returned, or out of accepted, is a
 * `decide` too. All of them must be allowed.
 */
export function actionsOf(kind: WrittenKind, before: Versioned, next: Versioned): Action[] {
  const actions: Action[] = ['write'];
  if (Boolean(next?.deleted) !== Boolean(before?.deleted)) actions.push('delete');
  if (kind === 'handovers' && next?.status !== before?.status) {
    const decided = next?.status === 'accepted' || next?.status === 'returned';
    if (decided || before?.status === 'accepted') actions.push('decide');
  }
  return actions;
}

/** The table as Markdown, for docs/api.md. */
export function permissionsMarkdown(): string {
  const head = `| kind | ${ACTIONS.join(' | ')} |\n|---|${ACTIONS.map(() => '---').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as MatrixKind[]).map((k) => {
    const cells = ACTIONS.map((a) => (PERMISSIONS[k][a] ? PERMISSIONS[k][a]!.join(', ') : '—'));
    return `| \`${k}\` | ${cells.join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}
