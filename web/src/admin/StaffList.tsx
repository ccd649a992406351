import { Button, Table, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

interface Staff { id: string; name: string; employeeNo: string; departmentName: string; phoneMasked: string | null; roles: string[]; active: boolean }

/** Staff register: names, departments, roles; phone numbers only masked. */
export function StaffList() {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ['staff'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Staff[]; next: string | null }>(`/api/org/staff?limit=50${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  return (
    <>
      <Table<Staff>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('admin.department'), dataIndex: 'departmentName' },
          { title: t('admin.phone'), dataIndex: 'phoneMasked' },
          { title: t('admin.roles'), dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{r}</Tag>) },
        ]}
      />
      {list.hasNextPage && <Button style={{ marginTop: 12 }} onClick={() => list.fetchNextPage()}>{t('admin.more')}</Button>}
    </>
  );
}
