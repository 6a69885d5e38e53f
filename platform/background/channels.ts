import type { LensDB } from '../../data/db/db';
import { loadIdMap, serverAccountId } from '../../data/sync/id-map';
import { readDataSource, type DataSource } from '../../data/sync/settings';
import { createChannelsClient, type ChannelsApi } from '../../features/channels/client';
import { DeliveryRequestSchema, NO_TEAM_SERVER } from '../../features/channels/schemas';
import type { ScheduleApi } from '../../features/channels/scheduled';


/**
 * The team's delivery channels, asked by the panel and carried out here,
 * where the stored token may be read; the panel never holds it. Accounts are
 * named by the id the team server knows them by. The automation's scheduled
 * messages (a welcome to preview or cancel) come the same way.
 */
export function teamChannels(db: LensDB, source: () => Promise<DataSource> = readDataSource, fetchFn?: typeof fetch): ChannelsApi & ScheduleApi {
  const client = async () => {
    const s = await source();
    if (s.mode !== 'api') throw new Error(NO_TEAM_SERVER);
    return createChannelsClient({ baseUrl: s.baseUrl, token: s.token, ...(fetchFn ? { fetch: fetchFn } : {}) });
  };
  const onServer = async (accountId: string) => serverAccountId(await loadIdMap(db), accountId);
  return {
    channels: async () => (await client()).channels(),
    deliveries: async (accountId) => (await client()).deliveries(await onServer(accountId)),
    deliver: async (request, key) => {
      const checked = DeliveryRequestSchema.parse(request);
      return (await client()).deliver({ ...checked, accountId: await onServer(checked.accountId) }, key);
    },
    scheduled: async (accountId) => (await client()).scheduled(await onServer(accountId)),
    cancelScheduled: async (id) => (await client()).cancelScheduled(id),
  };
}
