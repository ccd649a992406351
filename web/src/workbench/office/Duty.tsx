import { Col, Row } from 'antd';
import { can, useMe } from '../../shell/session';
import { useTitle } from '../../shell/useTitle';
import { DutyLog } from './duty/DutyLog';
import { HandoverCard } from './duty/HandoverCard';
import { IncidentForm } from './duty/IncidentForm';
import { RotaCalendar } from './duty/RotaCalendar';

/** 「值班」 in the workbench's 一网协同 area: the month's rota and today's shift, 交接班, 值班日志 and the urgent report form. */
export function DutyPage({ sub }: { sub: string }) {
  useTitle('offduty.title');
  void sub;
  const { data: me } = useMe();
  const desk = can(me, 'office.duty') || can(me, 'office.manage');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <RotaCalendar />
      </Col>
      <Col xs={24} lg={12}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <IncidentForm canWrite={desk} />
          </Col>
          <Col span={24}>
            <HandoverCard canWrite={desk} />
          </Col>
          <Col span={24}>
            <DutyLog canWrite={desk} />
          </Col>
        </Row>
      </Col>
    </Row>
  );
}
