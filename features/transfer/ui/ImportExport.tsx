import { useId, useRef, useState, type ChangeEvent } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import { describeProblem, describeRow, plannedChanges } from '../import/describe';
import { MAX_FILE_BYTES } from '../limits';
import type { TermsPlan } from '../terms/plan';
import type { AnyPlan, TransferFailure } from '../answers';
import { applyFile, exportText, previewFile } from '../client';
import { download } from '../../../shared/ui/download';
import { useTr } from '../../../shared/i18n/I18n';
import type { Translator } from '../../../shared/i18n';
import '../../../shared/ui/import.css';

const PREVIEW_LIMIT = 200;

/** The file as read, kept for the confirm: the background plans the same text again before writing. */
interface Chosen { file: string; text: string; plan: AnyPlan; fingerprint: string }
type Step = { step: 'idle' } | { step: 'reading'; file: string } | ({ step: 'preview' } & Chosen) | ({ step: 'importing' } & Chosen);

/** Today's words for each refusal the background sends back. */
const importError = ({ t }: Translator, f: TransferFailure): string =>
  f.code === 'conflict' ? t('import.conflict') : f.code === 'quotaFull' ? t('import.quotaFull') : f.code === 'storageUnavailable' ? t('import.storageUnavailable') : t('import.failed', { reason: f.reason });

/** Options-page section: import accounts from CSV/JSON with a preview, and export the data. */
export function ImportExport() {
  const tr = useTr();
  const { t } = tr;
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

  const reset = () => {
    setState({ step: 'idle' });
    if (input.current) input.current.value = ''; // choosing the same file again must fire change
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setStatus('');
    setError('');
    if (!file) return reset();
    if (file.size > MAX_FILE_BYTES) {
      setError(t('import.file.tooBig', { mb: MAX_FILE_BYTES / 1024 / 1024 }));
      return reset();
    }
    setState({ step: 'reading', file: file.name });
    try {
      const text = await file.text();
      const answer = await previewFile(file.name, text);
      if (!answer.ok) {
        setError(importError(tr, answer));
        return reset();
      }
      setState({ step: 'preview', file: file.name, text, plan: answer.plan, fingerprint: answer.fingerprint });
    } catch (err) {
      setError(t('import.failed', { reason: reason(err) }));
      reset();
    }
  };

  const confirm = async (chosen: Chosen) => {
    setState({ ...chosen, step: 'importing' });
    try {
      const answer = await applyFile(chosen.file, chosen.text, chosen.fingerprint);
      if (answer.ok) setStatus(t(answer.kind === 'terms' ? 'import.terms.done' : 'import.done', { created: answer.created, updated: answer.updated }));
      else setError(importError(tr, answer));
    } catch (err) {
      setError(t('import.failed', { reason: reason(err) }));
    }
    reset();
  };

  const exportAs = async (kind: 'json' | 'csv' | 'terms') => {
    setStatus('');
    setError('');
    try {
      const now = new Date();
      const name = kind === 'json' ? `account-lens-export-${localDate(now)}.json` : `account-lens-${kind === 'csv' ? 'accounts' : 'terms'}-${localDate(now)}.csv`;
      const answer = await exportText(kind);
      if (!answer.ok) throw new Error(answer.reason);
      download(name, answer.text, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
      setStatus(t('export.done', { file: name }));
    } catch (err) {
      setError(t('export.failed', { reason: reason(err) }));
    }
  };

  const busy = state.step === 'reading' || state.step === 'importing';
  return (
    <section className="card import" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <p><a href="/templates/accounts-template.csv" download="accounts-template.csv">{t('import.template')}</a>
        {' · '}<a href="/templates/accounts-template.zh-CN.csv" download="accounts-template.zh-CN.csv">{t('import.templateZh')}</a></p>
      <p><a href="/templates/terms-template.csv" download="terms-template.csv">{t('import.terms.template')}</a>
        {' · '}<a href="/templates/terms-template.zh-CN.csv" download="terms-template.zh-CN.csv">{t('import.terms.templateZh')}</a></p>
      <label htmlFor={fileId}>{t('import.chooseFile')}</label>{' '}
      <input id={fileId} ref={input} type="file" accept=".csv,.json,text/csv,application/json" disabled={busy} onChange={(e) => void choose(e)} />
      {(state.step === 'preview' || state.step === 'importing') && (
        <Preview plan={state.plan} file={state.file} busy={busy} onConfirm={() => void confirm(state)} onCancel={reset} />
      )}
      <p role="status" aria-live="polite">{state.step === 'reading' ? t('import.reading', { file: state.file }) : state.step === 'importing' ? t('import.importing') : status}</p>
      {error && <p role="alert" className="error">{error}</p>}
      <h3>{t('export.title')}</h3>
      <p className="muted">{t('export.hint')}</p>
      <div className="row">
        <button type="button" onClick={() => void exportAs('json')}>{t('export.json')}</button>
        <button type="button" onClick={() => void exportAs('csv')}>{t('export.csv')}</button>
        <button type="button" onClick={() => void exportAs('terms')}>{t('export.terms')}</button>
      </div>
    </section>
  );
}

/** The terms a plan would write, in file order, at most `limit`. */
function termChanges(plan: TermsPlan, limit: number): { shown: TermsPlan['rows']; total: number } {
  const changes = plan.rows.filter((r) => r.action !== 'unchanged');
  return { shown: changes.slice(0, limit), total: changes.length };
}

function Preview({ plan, file, busy, onConfirm, onCancel }: { plan: AnyPlan; file: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const tr = useTr();
  const { t } = tr;
  const where = t((plan.kind === 'terms' ? plan.fileKind : plan.kind) === 'csv' ? 'import.col.line' : 'import.col.item');
  const accounts = plan.kind === 'terms' ? undefined : plannedChanges(plan, PREVIEW_LIMIT);
  const terms = plan.kind === 'terms' ? termChanges(plan, PREVIEW_LIMIT) : undefined;
  const total = accounts?.total ?? terms!.total;
  const shownCount = accounts?.shown.length ?? terms!.shown.length;
  const action = (a: 'create' | 'update' | 'unchanged') => t(a === 'create' ? 'import.action.create' : 'import.action.update');
  const changeRows = accounts
    ? accounts.shown.map((r) => [String(r.line), action(r.action), r.account.name, describeRow(tr, r)])
    : terms!.shown.map((r) => [String(r.line), action(r.action), r.account.name, `${r.term.start ?? '…'} – ${r.term.end}${r.outcome ? ` · ${r.outcome.kind} ${r.outcome.date}` : ''}`]);
  const count = plan.kind === 'terms' ? ('import.terms.count' as const) : ('import.count' as const);
  if (plan.error) return <p role="alert" className="error">{describeProblem(tr, plan.error)}</p>;
  return (
    <div className="import-preview" aria-label={t('import.summary', { file })}>
      <ul className="import-counts" data-testid="import-counts">
        <li>{tr.plural(`${count}.create`, plan.counts.create)}</li>
        <li>{tr.plural(`${count}.update`, plan.counts.update)}</li>
        <li>{tr.plural(`${count}.unchanged`, plan.counts.unchanged)}</li>
        <li className={plan.counts.bad ? 'error' : undefined}>{tr.plural('import.count.bad', plan.counts.bad)}</li>
      </ul>
      {plan.bad.length > 0 && <p role="alert" className="error">{tr.plural('import.blocked', plan.bad.length)}</p>}
      {plan.bad.length === 0 && !plan.canApply && <p>{t('import.nothingToDo')}</p>}
      {plan.warnings.length > 0 && (
        <>
          <h3>{t('import.warnings')}</h3>
          <ul>{plan.warnings.map((w, i) => <li key={i}>{describeProblem(tr, w)}</li>)}</ul>
        </>
      )}
      {plan.bad.length > 0 && (
        <Table caption={t('import.badRows')} head={[where, t('import.col.reason')]} testId="import-bad"
          rows={plan.bad.map((b) => [String(b.line), b.problems.map((p) => describeProblem(tr, p)).join(' ')])} />
      )}
      {total > 0 && (
        <Table caption={t('import.changes')} head={[where, t('import.col.action'), t('import.col.account'), t('import.col.details')]} testId="import-changes"
          rows={changeRows} />
      )}
      {total > shownCount && <p className="muted">{t('import.changesMore', { shown: shownCount, total })}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={!plan.canApply || busy} onClick={onConfirm}>{t('import.confirm')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </div>
  );
}

function Table({ caption, head, rows, testId }: { caption: string; head: string[]; rows: string[][]; testId: string }) {
  return (
    <div className="import-table">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead><tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((cells, i) => <tr key={i}>{cells.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}
