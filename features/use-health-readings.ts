import { useMemo } from 'react';
import type { Account } from '../data/model/account';
import type { HealthSnapshot, PromiseRecord } from '../data/model/records';
import { localDate } from '../shared/dates/local-date';
import { useRecords } from '../platform/panel/data-client';
import { latestReading, type Reading } from './health/current';
import type { ServiceFacts } from './health/signals';
import { accountSignals, healthSeries } from './health-service';
import type { ServiceSettings } from './service/settings';

export interface HealthReadings {
  /** The imported snapshots merged with the service signals, and today's reading (health-service.ts). */
  series: Reading[];
  latest?: Reading;
  /** What today's service dimensions were computed from, for the card's explanations. */
  facts: ServiceFacts;
}

/** The account's readings as the panel shows them, live: undefined while any of its records is loading. */
export function useHealthReadings(
  account: Account | null | undefined,
  snapshots: HealthSnapshot[] | undefined,
  promises: PromiseRecord[] | undefined,
  service: ServiceSettings,
  now: Date,
): HealthReadings | undefined {
  const visits = useRecords('visits', account?.id);
  const reports = useRecords('reports', account?.id);
  const notes = useRecords('notes', account?.id);
  const plans = useRecords('plans', account?.id);
  const today = localDate(now);
  return useMemo(() => {
    if (!account || !snapshots || !promises || !visits || !reports || !notes || !plans) return undefined;
    const rows = { visits, reports, notes, promises, plans };
    const series = healthSeries(account, snapshots, rows, service, today);
    const latest = latestReading(series, today);
    return { series, ...(latest ? { latest } : {}), facts: accountSignals(account, rows, service, today).facts };
  }, [account, snapshots, promises, visits, reports, notes, plans, service, today]);
}
