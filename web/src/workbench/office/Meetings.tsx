import { useTitle } from '../../shell/useTitle';
import { CheckIn } from './meetings/CheckIn';
import { MeetingDetail } from './meetings/MeetingDetail';
import { MeetingList } from './meetings/MeetingList';

/** 「会议」 in the workbench's 一网协同 area; `sub` is the path below /workbench/office/meetings ('' for the list, `<id>`, `<id>/check-in`). */
export function MeetingsPage({ sub }: { sub: string }) {
  useTitle('offmeet.title');
  const [id, page] = sub.split('/');
  if (id && page === 'check-in') return <CheckIn id={id} />;
  if (id) return <MeetingDetail id={id} />;
  return <MeetingList />;
}
