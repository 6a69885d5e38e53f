import { useEffect, useState } from 'react';
import { NO_TEAM_SERVER } from '../../../features/channels/schemas';
import { SendViaTeam } from '../../../features/channels/ui/SendViaTeam';
import { teamChannelsVia } from '../../panel/data-client';

/**
 * Delivery of a text by the team's channels (e-mail, WeCom, DingTalk, Feishu
 * robots), under the monthly report: shown only with a team server, whose
 * answers (and failures) SendViaTeam shows itself.
 */
export function TeamDelivery({ accountId, subject, text }: { accountId: string; subject: string; text: string }) {
  const [server, setServer] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    teamChannelsVia.channels().then(
      () => live && setServer(true),
      (err: unknown) => live && setServer(!(err instanceof Error && err.message === NO_TEAM_SERVER)),
    );
    return () => void (live = false);
  }, []);
  return server ? <SendViaTeam accountId={accountId} subject={subject} text={text} api={teamChannelsVia} /> : null;
}
