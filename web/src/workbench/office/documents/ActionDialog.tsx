import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useAction } from '../../../shell/useAction';
import type { AvailableAction, DocumentView } from './types';

/** The two answers a step with an outcome offers: 核稿 passes or returns, 会签 agrees or disagrees, 签发 approves or returns. */
const OUTCOMES: Record<string, [string, string]> = { review: ['pass', 'return'], countersign: ['agree', 'disagree'], sign: ['approve', 'return'] };

/**
 * One step on a 公文 (签发, 核稿, 会签, 编号, 用印, 分发 …): the opinion the step keeps, and an
 * outcome where the step has two. The server says what each action requires.
 */
export function ActionDialog({ doc, action, onClose }: { doc: DocumentView; action: AvailableAction | null; onClose(): void }) {
  const { t } = useTranslation();
  const name = useLocalName();
  const act = useAction('offdoc-');
  const [form] = Form.useForm<{ opinion?: string; outcome?: string }>();
  const outcome = Form.useWatch('outcome', form);
  const code = action?.code ?? '';
  const outcomes = OUTCOMES[code] ?? (action?.requires.includes('outcome') ? ['pass', 'return'] : null);
  // A return or a disagreement must say why; otherwise the server decides whether an opinion is required.
  const opinionRequired = !!action?.requires.includes('opinion') || code === 'countersign' || outcome === 'return' || outcome === 'disagree';
  const run = async () => {
    const v = await form.validateFields();
    const body = {
      expectedVersion: doc.version,
      ...(v.opinion?.trim() ? { opinion: v.opinion.trim() } : {}),
      ...(v.outcome ? { outcome: v.outcome } : {}),
      ...(v.outcome === 'return' && v.opinion?.trim() ? { reason: v.opinion.trim() } : {}),
    };
    if (await act(() => api(`/api/office/documents/${doc.id}/actions/${code}`, { method: 'POST', json: body }), t('offdoc.done'))) {
      form.resetFields();
      onClose();
    }
  };
  return (
    <Modal open={!!action} title={action ? name.pick(action.zh, action.en) : ''} onOk={run} onCancel={onClose} okText={t('offdoc.act')} cancelText={t('offdoc.editor.cancel')} destroyOnHidden>
      <Typography.Paragraph>
        {doc.title}
        {doc.docNumber ? ` · ${doc.docNumber}` : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={outcomes ? { outcome: outcomes[0] } : {}} preserve={false}>
        {outcomes && (
          <Form.Item name="outcome" label={t('offdoc.outcome')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={outcomes.map((o) => ({ value: o, label: t(`offdoc.outcomes.${o}`) }))} />
          </Form.Item>
        )}
        <Form.Item
          name="opinion"
          label={t('offdoc.opinion')}
          rules={[
            { required: opinionRequired, whitespace: true, message: t('offdoc.opinionRequired') },
            { max: 2000, message: t('offdoc.v.tooLong') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
