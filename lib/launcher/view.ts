import type { AccountRef } from '../crm/types';
import type { IsoDate } from '../dates/local-date';
import { bandOf } from '../health/band';
import type { Translator } from '../i18n';
import type { LauncherView } from '../messaging/protocol';
import type { Account } from '../model/account';
import { daysToRenewal, renewalPhrase } from '../renewal/days';
import type { PanelUi } from '../settings';

/** What the launcher on a CRM page shows for the detected record, localised. */
export function launcherView(
  ref: AccountRef,
  account: Account | undefined,
  today: IsoDate,
  tr: Translator,
  panel: PanelUi,
): LauncherView {
  const resizeLabel = tr.t('launcher.resize');
  if (!account) {
    const name = ref.name ?? ref.recordId;
    return { known: false, band: null, short: '+', label: tr.t('launcher.unknown', { name }), resizeLabel, panel };
  }
  const days = daysToRenewal(account.contractEnd, today);
  const renewal = renewalPhrase(days, tr);
  const short = tr.t('renewal.short', { n: days });
  const health = account.health;
  if (!health) {
    return { known: true, band: null, short, label: tr.t('launcher.knownNoHealth', { name: account.name, renewal }), resizeLabel, panel };
  }
  const band = health.band ?? bandOf(health.score);
  const label = tr.t('launcher.known', {
    name: account.name,
    band: tr.t(`band.${band}`),
    score: Math.round(health.score),
    renewal,
  });
  return { known: true, band, short, label, resizeLabel, panel };
}
