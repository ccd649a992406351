import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for one piece of text (a reason, a reply) and hands it to `onOk`; closes when that succeeds. */
export function ReasonModal({ title, label, max, onOk, onClose }: { title: string; label: string; max: number; onOk(text: string): Promise<boolean>; onClose(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Modal
      open
      title={title}
      okText={t('odcom.submit')}
      cancelText={t('odcom.cancel')}
      okButtonProps={{ disabled: !text.trim() }}
      onCancel={onClose}
      onOk={async () => {
        if (await onOk(text)) onClose();
      }}
    >
      <Input.TextArea aria-label={label} placeholder={label} value={text} onChange={(e) => setText(e.target.value)} maxLength={max} showCount autoSize={{ minRows: 3 }} />
    </Modal>
  );
}
