import type { ImportPlan } from './import/types';
import type { TermsPlan } from './terms/plan';

/**
 * What a preview promised, in a few bytes: the file's text, and each row's
 * action, the record it names and the stored copies it saw (their
 * updatedAt). Planning the same text against unchanged data gives the same
 * fingerprint; the ids and timestamps planning mints for new records are left
 * out, so they never make two plans of the same data differ.
 */
export async function planFingerprint(plan: ImportPlan | TermsPlan, text: string): Promise<string> {
  const rows = plan.kind === 'terms'
    ? plan.rows.map((r) => [r.action, r.term.id, r.outcome?.id ?? '', r.before.term ?? '', r.before.outcome ?? ''])
    : plan.rows.map((r) => {
      const a = r.action === 'update' ? r.before : r.account;
      const key = [r.action, a.crm, a.orgKey ?? '', a.recordId, r.action === 'create' ? '' : a.id];
      if (r.action !== 'update') return [...key, r.action === 'create' ? r.snapshots.map((s) => s.asOf).join(' ') : a.updatedAt];
      return [...key, a.updatedAt, ...r.snapshotsBefore.map((s) => `${s.id}@${s.updatedAt}`), ...r.snapshots.map((s) => s.id)];
    });
  return sha256(JSON.stringify([await sha256(text), plan.kind, plan.canApply, plan.counts, rows]));
}

const sha256 = async (text: string): Promise<string> =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((b) => b.toString(16).padStart(2, '0')).join('');
