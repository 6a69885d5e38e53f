import type { LensDB } from '../../data/db/db';
import { loadIdMap, serverAccountId } from '../../data/sync/id-map';
import { readIdentity } from '../../data/sync/identity';
import type { AutomationApi } from '../../features/channels/automation';
import type { DataSource } from '../../data/sync/settings';
import { freshDataSource } from '../../data/sync/sso';
import { ChannelsError, createChannelsClient, type ChannelsApi } from '../../features/channels/client';
import { DeliveryRequestSchema, NO_TEAM_SERVER } from '../../features/channels/schemas';
import type { ScheduleApi } from '../../features/channels/scheduled';

/**
 * The team's delivery channels, asked by the panel and carried out here,
 * where the stored token may be read (renewed first when a single sign-on
 * session's token is about to end); the panel never holds it. Accounts are
 * named by the id the team server knows them by. The automation's scheduled
 * messages (a welcome to preview or cancel) and its rules (the options page)
 * come the same way; the rules come with the role the server last said the
 * token has.
 */
export function teamChannels(db: LensDB, source: () => Promise<DataSource> = () => freshDataSource(new Date()), fetchFn?: typeof fetch): ChannelsApi & ScheduleApi & AutomationApi {
  const client = async () => {
    const s = await source();
    if (s.mode !== 'api') throw new Error(NO_TEAM_SERVER);
    if (s.token === undefined) throw new ChannelsError('unauthorized', 'Signed out of the team server: sign in again in the options.');
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
    automation: async () => {
      const c = await client();
      const [rules, channels, identity] = await Promise.all([c.rules(), c.channels(), readIdentity(db)]);
      return { rules, channels, role: identity?.role ?? null };
    },
    setRule: async (rule, settings) => (await client()).setRule(rule, settings),
  };
}

/**
 * A page's answer to a team-server call: the value, or the server's refusal
 * with its kind and status, so the page can say what happened in the
 * person's language (a conflict, bad settings, the server out of reach).
 */
export async function answerWithKind<T>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string; kind: string; status?: number }> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    if (!(err instanceof ChannelsError)) throw err;
    return { ok: false, error: err.message, kind: err.kind, ...(err.status !== undefined ? { status: err.status } : {}) };
  }
}
