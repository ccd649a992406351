import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Answer } from '../api/client';

type Region = Answer<'/api/org/regions'>[number];

const toNode = (r: Region, levelName: (l: number) => string): DataNode => ({ key: r.code, title: `${r.name} · ${r.code} · ${levelName(r.level)}`, isLeaf: !r.hasChildren });

function insert(nodes: DataNode[], key: string, children: DataNode[]): DataNode[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: insert(n.children, key, children) } : n));
}

/** GB/T 2260 tree, loaded level by level as the user opens it. */
export function RegionTree() {
  const { t } = useTranslation();
  const levelName = (l: number) => t(`admin.levels.${l}`);
  const [tree, setTree] = useState<DataNode[]>([]);
  useEffect(() => {
    void api<Region[]>('/api/org/regions').then((rs) => setTree(rs.map((r) => toNode(r, levelName))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Tree
      aria-label={t('admin.regions')}
      treeData={tree}
      defaultExpandedKeys={[]}
      loadData={async (node) => {
        if (node.children) return;
        const rs = await api<Region[]>(`/api/org/regions?parent=${node.key}`);
        setTree((old) =>
          insert(
            old,
            String(node.key),
            rs.map((r) => toNode(r, levelName)),
          ),
        );
      }}
    />
  );
}
