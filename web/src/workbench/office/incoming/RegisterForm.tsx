import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api';
import { useAction } from '../../../shell/useAction';
import { MaterialUpload } from '../../../svc/MaterialUpload';

interface Values {
  senderName: string;
  docNumber?: string;
  title: string;
  docType?: string;
  urgency?: string;
  secrecy?: string;
}

/** 手工登记: a paper or outside document, registered into the unit's 收文 (it goes on from 初审). */
export function RegisterForm({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [fileId, setFileId] = useState<string | null>(null);
  const act = useAction('offin-');
  const navigate = useNavigate();
  const submit = async (v: Values) => {
    let made: { id: string } | null = null;
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''));
    const ok = await act(async () => {
      made = await api<{ id: string }>('/api/office/incoming', { method: 'POST', json: { ...clean, ...(fileId ? { fileId } : {}) } });
    }, t('offin.registered'));
    if (ok && made) {
      form.resetFields();
      setFileId(null);
      onClose();
      navigate(`/workbench/office/incoming/${(made as { id: string }).id}`);
    }
  };
  const text = (name: keyof Values, max: number, required = false) => (
    <Form.Item name={name} label={t(`offin.f.${name}`)} rules={[{ required, whitespace: true, message: t('offin.required') }, { max }]}>
      <Input maxLength={max} />
    </Form.Item>
  );
  return (
    <Modal open={open} title={t('offin.register')} onCancel={onClose} onOk={() => form.submit()} okText={t('offin.submit')} cancelText={t('offin.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        {text('senderName', 60, true)}
        {text('docNumber', 60)}
        {text('title', 200, true)}
        {text('docType', 20)}
        <Form.Item name="urgency" label={t('offin.f.urgency')}>
          <Select allowClear placeholder={t('offin.f.none')} options={['特急', '加急'].map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item name="secrecy" label={t('offin.f.secrecy')}>
          <Select allowClear placeholder={t('offin.f.none')} options={['秘密', '机密', '绝密'].map((u) => ({ value: u, label: u }))} />
        </Form.Item>
        <Form.Item label={t('offin.f.file')}>
          <MaterialUpload label={t('offin.f.file')} accept={['application/pdf', 'application/ofd', 'image/jpeg', 'image/png']} onUploaded={setFileId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
