import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../shell/useAction';
import { call, client, type Answer } from '../api/client';

type ClientApp = Answer<'/api/identity/clients'>[number];
type Key = Answer<'/api/identity/signing-keys'>[number];
const SCOPES = ['openid', 'profile', 'phone', 'org', 'enterprise', 'offline_access', 'org.read', 'token.introspect'];
const GRANTS = ['authorization_code', 'refresh_token', 'client_credentials'];
const lines = (s?: string) =>
  (s ?? '')
    .split(/\s+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** SSO client applications (department systems) and the provider's signing keys. */
export function Clients() {
  const { t } = useTranslation();
  const act = useAction('sso');
  const clients = useQuery({ queryKey: ['sso-clients'], queryFn: () => call(client.GET('/api/identity/clients')) });
  const keys = useQuery({ queryKey: ['sso-keys'], queryFn: () => call(client.GET('/api/identity/signing-keys')) });
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm();
  const create = async () => {
    const v = await form.validateFields();
    const ok = await act(async () => {
      const r = await api<{ secret: string | null }>('/api/identity/clients', {
        method: 'POST',
        json: {
          clientId: v.clientId,
          name: v.name,
          confidential: v.confidential,
          redirectUris: lines(v.redirectUris),
          postLogoutRedirectUris: lines(v.logoutRedirectUris),
          grantTypes: v.grantTypes,
          scopes: v.scopes,
          accountTypes: v.accountTypes ?? [],
        },
      });
      setSecret(r.secret);
    }, t('admin.created'));
    if (ok) {
      setOpen(false);
      form.resetFields();
    }
  };
  const newSecret = (c: ClientApp) => act(async () => setSecret((await api<{ secret: string }>(`/api/identity/clients/${c.clientId}/secret`, { method: 'POST', json: {} })).secret), t('admin.saved'));
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('clients.add')}
        </Button>
      </Space>
      {secret && (
        <Alert
          type="warning"
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 12 }}
          title={t('clients.secretTitle')}
          description={
            <>
              {t('clients.secretLead')} <code>{secret}</code>
            </>
          }
        />
      )}
      <Table<ClientApp>
        rowKey="clientId"
        loading={clients.isLoading}
        dataSource={clients.data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('clients.clientId'), dataIndex: 'clientId' },
          {
            title: t('clients.name'),
            dataIndex: 'name',
            render: (n: string, c) => (
              <>
                {n} {c.firstParty && <Tag>{t('clients.firstParty')}</Tag>}
              </>
            ),
          },
          { title: t('clients.grants'), dataIndex: 'grantTypes', render: (g: string[]) => g.map((x) => <Tag key={x}>{t(`clients.grantNames.${x}`)}</Tag>) },
          { title: t('clients.scopes'), dataIndex: 'scopes', render: (s: string[]) => s.join(' ') },
          { title: t('admin.status'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('admin.active') : t('admin.inactive')}</Tag> },
          {
            title: '',
            key: 'act',
            render: (_: unknown, c) =>
              !c.firstParty && (
                <Space wrap>
                  <Button
                    size="small"
                    aria-label={`${c.active ? t('admin.deactivate') : t('admin.activate')} ${c.clientId}`}
                    onClick={() => act(() => api(`/api/identity/clients/${c.clientId}`, { method: 'PATCH', json: { version: c.version, active: !c.active } }), t('admin.saved'))}
                  >
                    {c.active ? t('admin.deactivate') : t('admin.activate')}
                  </Button>
                  {c.confidential && (
                    <Button size="small" aria-label={`${t('clients.newSecret')} ${c.clientId}`} onClick={() => newSecret(c)}>
                      {t('clients.newSecret')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: '1.2em', marginTop: 24 }}>
        {t('clients.keys')}
      </Typography.Title>
      <Button onClick={() => act(() => api('/api/identity/signing-keys/rotate', { method: 'POST', json: {} }), t('clients.rotated'))} style={{ marginBottom: 12 }}>
        {t('clients.rotate')}
      </Button>
      <Table<Key>
        rowKey="kid"
        size="small"
        pagination={false}
        loading={keys.isLoading}
        dataSource={keys.data ?? []}
        columns={[
          { title: 'kid', dataIndex: 'kid' },
          { title: t('clients.createdAt'), dataIndex: 'createdAt', render: (v: string) => v.slice(0, 19).replace('T', ' ') },
          {
            title: t('admin.status'),
            key: 's',
            render: (_: unknown, k) => (
              <Tag color={k.signing ? 'green' : k.retiredAt ? 'default' : 'blue'}>{k.signing ? t('clients.signing') : k.retiredAt ? t('clients.retired') : t('clients.published')}</Tag>
            ),
          },
        ]}
      />
      <Modal title={t('clients.add')} open={open} onOk={create} onCancel={() => setOpen(false)} okText={t('admin.save')} cancelText={t('admin.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ confidential: true, grantTypes: ['authorization_code'], scopes: ['openid', 'profile'], accountTypes: ['person', 'staff'] }}>
          <Form.Item name="clientId" label={t('clients.clientId')} rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{2,40}$/, message: 'a–z 0–9 - (3–41)' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('clients.name')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="confidential" label={t('clients.type')}>
            <Radio.Group
              options={[
                { value: true, label: t('clients.confidential') },
                { value: false, label: t('clients.public') },
              ]}
            />
          </Form.Item>
          <Form.Item name="grantTypes" label={t('clients.grants')} rules={[{ required: true, message: t('common.required') }]}>
            <Checkbox.Group options={GRANTS.map((g) => ({ value: g, label: t(`clients.grantNames.${g}`) }))} />
          </Form.Item>
          <Form.Item name="redirectUris" label={t('clients.redirects')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="logoutRedirectUris" label={t('clients.logoutRedirects')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="scopes" label={t('clients.scopes')} rules={[{ required: true, message: t('common.required') }]}>
            <Checkbox.Group options={SCOPES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="accountTypes" label={t('clients.accountTypes')}>
            <Checkbox.Group
              options={[
                { value: 'person', label: t('clients.person') },
                { value: 'staff', label: t('clients.staff') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
