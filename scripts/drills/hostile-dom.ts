import { startLens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage } from './common';
import { enormousDom } from './hostile-dom-enormous';
import { scriptLadenNames } from './hostile-dom-names';

/**
 * The hostile page, continued: a CRM page that is enormous and names its
 * records with markup and script. (1) 200,000 extra elements, a 4,000-deep
 * chain and thousands of look-alike record headers outside the active view:
 * in-app navigation must still show the right account within 5 s, and the
 * content script's observers must not make the page sluggish. (2) Records
 * whose names are markup, script, template syntax, javascript: URLs,
 * __proto__, bidi and zero-width characters or 100 KB long: the launcher and
 * the panel show them as text, nothing runs, and nothing is stored for an
 * account not in the book. A 100 KB name is clipped by detection: the lens
 * follows that record and never stays on the previous account.
 */
export async function drillHostileDom(run: DrillRun): Promise<void> {
  const lens = await startLens();
  run.defer(() => lens.close());
  const ext = await extensionPage(lens);
  const sf = lens.crm.records.filter((r) => r.crm === 'salesforce');
  await enormousDom(run, lens, sf);
  await scriptLadenNames(run, lens, ext, sf);
  run.check('no page opened a dialog', lens.dialogs.length === 0, lens.dialogs.join(' | ').slice(0, 200) || undefined);
}
