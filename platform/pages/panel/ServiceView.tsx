import type { ComponentProps } from 'react';
import { ServiceTab } from '../../../features/service/ui/ServiceTab';
import { TeamDelivery } from './TeamDelivery';

/** The Service tab with the team's delivery channels under its report: loaded when the tab is first opened. */
export default function ServiceView(props: Omit<ComponentProps<typeof ServiceTab>, 'deliver'>) {
  return <ServiceTab {...props} deliver={(r) => <TeamDelivery accountId={props.account.id} subject={r.subject} text={r.text} />} />;
}
