import { IncomingInbox } from './incoming/Inbox';
import { IncomingSheet } from './incoming/Sheet';

/** 「收文」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/incoming ('' for the list). */
export function IncomingPage({ sub }: { sub: string }) {
  const id = sub.split('/')[0];
  return id ? <IncomingSheet id={id} /> : <IncomingInbox />;
}
