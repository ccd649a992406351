import { Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useCategoryOptions } from '../cases/codes';
import type { Knowledge } from '../cases/types';
import { useAction } from '../shell/useAction';
import type { Department } from './Departments';
import { call, client, type Answer } from '../api/client';

type Duty = Answer<'/api/cases/duties'>[number];

/** 12345 settings: the responsibility list (who handles which category, with keywords) and the knowledge base. */
export function CaseSettings() {
  const { t } = useTranslation();
  const act = useAction('case-admin');
  const qc = useQueryClient();
  const categories = useCategoryOptions();
  const catLabel = new Map(categories.map((c) => [c.value, c.label]));
  const duties = useQuery({ queryKey: ['case-admin-duties'], queryFn: () => call(client.GET('/api/cases/duties')) });
  const kb = useQuery({ queryKey: ['case-admin-kb'], queryFn: () => api<Knowledge[]>('/api/cases/knowledge/entries') });
  const depts = useQuery({ queryKey: ['case-depts'], staleTime: 300_000, queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
  const [duty, setDuty] = useState<Partial<Duty> | null>(null);
  const [entry, setEntry] = useState<Partial<Knowledge> | null>(null);
  const [dutyForm] = Form.useForm();
  const [kbForm] = Form.useForm();
  const level = Form.useWatch('level', dutyForm);
  const [category, setCategory] = useState(false);
  const [categoryForm] = Form.useForm();
  const saveCategory = async () => {
    const v = await categoryForm.validateFields();
    const body = { code: v.code, parentCode: v.code.length > 2 ? v.code.slice(0, -2) : null, name: v.name, ...(v.nameEn ? { nameEn: v.nameEn } : {}) };
    if (await act(() => api('/api/cases/categories', { method: 'POST', json: body }), t('cases.saved'))) {
      setCategory(false);
      await qc.invalidateQueries({ queryKey: ['case-categories'] });
    }
  };
  const saveDuty = async () => {
    const v = await dutyForm.validateFields();
    const body = {
      regionCode: duty?.regionCode ?? '152201',
      categoryCode: v.categoryCode,
      level: v.level,
      departmentId: v.level === 'department' ? v.departmentId : null,
      keywords: String(v.keywords ?? '')
        .split(/[,，、\s]+/)
        .map((s: string) => s.trim())
        .filter(Boolean),
    };
    if (await act(() => api('/api/cases/duties', { method: 'PUT', json: body }), t('cases.saved'))) setDuty(null);
  };
  const saveEntry = async () => {
    const v = await kbForm.validateFields();
    const body = {
      title: v.title,
      body: v.body,
      categoryCode: v.categoryCode || null,
      keywords: String(v.keywords ?? '')
        .split(/[,，、\s]+/)
        .filter(Boolean),
      public: !!v.public,
    };
    if (await act(() => api(entry?.id ? `/api/cases/knowledge/${entry.id}` : '/api/cases/knowledge', { method: entry?.id ? 'PUT' : 'POST', json: body }), t('cases.saved'))) setEntry(null);
  };
  return (
    <>
      <Typography.Paragraph>{t('cases.adminLead')}</Typography.Paragraph>
      <Card
        size="small"
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.duties')}</h2>}
        extra={
          <Space>
            <Button onClick={() => (setCategory(true), categoryForm.resetFields())}>{t('cases.addCategory')}</Button>
            <Button onClick={() => (setDuty({}), dutyForm.resetFields())}>{t('cases.addDuty')}</Button>
          </Space>
        }
      >
        <Table<Duty>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={duties.isLoading}
          dataSource={duties.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('cases.category'), dataIndex: 'categoryCode', render: (c) => catLabel.get(c) ?? c },
            { title: t('cases.level'), dataIndex: 'level', render: (l) => t(`cases.levels.${l}`) },
            { title: t('cases.unit'), dataIndex: 'departmentName', render: (n) => n ?? '—' },
            { title: t('cases.keywords'), dataIndex: 'keywords', render: (ks: string[]) => ks.map((k) => <Tag key={k}>{k}</Tag>) },
            {
              title: '',
              key: 'edit',
              render: (_, d) => (
                <Button size="small" onClick={() => (setDuty(d), dutyForm.setFieldsValue({ ...d, keywords: d.keywords.join('，') }))}>
                  {t('cases.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.knowledgeAdmin')}</h2>}
        extra={<Button onClick={() => (setEntry({}), kbForm.resetFields())}>{t('cases.addKnowledge')}</Button>}
      >
        <Table<Knowledge>
          rowKey="id"
          size="small"
          loading={kb.isLoading}
          dataSource={kb.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('cases.knowledgeTitle'), dataIndex: 'title' },
            { title: t('cases.category'), dataIndex: 'categoryCode', render: (c) => (c ? (catLabel.get(c) ?? c) : '—') },
            { title: t('cases.knowledgePublic'), dataIndex: 'public', render: (p: boolean) => (p ? <Tag color="blue">{t('cases.knowledgePublic')}</Tag> : '—') },
            {
              title: '',
              key: 'edit',
              render: (_, k) => (
                <Button size="small" onClick={() => (setEntry(k), kbForm.setFieldsValue({ ...k, keywords: k.keywords.join('，') }))}>
                  {t('cases.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={!!duty} title={t('cases.duties')} onOk={saveDuty} onCancel={() => setDuty(null)} okText={t('cases.save')} destroyOnHidden>
        <Form form={dutyForm} layout="vertical">
          <Form.Item name="categoryCode" label={t('cases.category')} rules={[{ required: true }]}>
            <Select disabled={!!duty?.id} showSearch optionFilterProp="label" options={categories} />
          </Form.Item>
          <Form.Item name="level" label={t('cases.level')} rules={[{ required: true }]}>
            <Select options={['department', 'street'].map((l) => ({ value: l, label: t(`cases.levels.${l}`) }))} />
          </Form.Item>
          {level === 'department' && (
            <Form.Item name="departmentId" label={t('cases.unit')} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={(depts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="keywords" label={t('cases.keywords')}>
            <Input maxLength={400} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={category} title={t('cases.addCategory')} onOk={saveCategory} onCancel={() => setCategory(false)} okText={t('cases.save')} destroyOnHidden>
        <Form form={categoryForm} layout="vertical">
          <Form.Item name="code" label={t('cases.categoryCode')} extra={t('cases.categoryCodeHelp')} rules={[{ required: true, pattern: /^[0-9]{2}([0-9]{2}){0,3}$/ }]}>
            <Input maxLength={8} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="name" label={t('cases.categoryName')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('cases.categoryNameEn')}>
            <Input maxLength={80} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!entry} title={t('cases.knowledgeAdmin')} onOk={saveEntry} onCancel={() => setEntry(null)} okText={t('cases.save')} destroyOnHidden>
        <Form form={kbForm} layout="vertical">
          <Form.Item name="title" label={t('cases.knowledgeTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('cases.category')}>
            <Select allowClear showSearch optionFilterProp="label" options={categories} />
          </Form.Item>
          <Form.Item name="keywords" label={t('cases.keywords')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="body" label={t('cases.knowledgeBody')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={6} maxLength={5000} />
          </Form.Item>
          <Form.Item name="public" valuePropName="checked">
            <Checkbox>{t('cases.knowledgePublic')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
