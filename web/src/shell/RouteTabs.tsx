import { Grid, Select, Tabs } from 'antd';
import type { ReactNode } from 'react';

interface Item {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * A page's sections as tabs on a desktop and as a list to choose from on a phone. A dozen tabs do
 * not fit a phone: antd then hides most of them behind a menu inside the tab list, which screen
 * readers cannot use (axe: aria-required-children).
 */
export function RouteTabs({ activeKey, items, onChange, label }: { activeKey: string; items: Item[]; onChange(key: string): void; label: string }) {
  const phone = Grid.useBreakpoint().md === false;
  if (!phone) return <Tabs activeKey={activeKey} onChange={onChange} items={items} />;
  return (
    <>
      <Select aria-label={label} value={activeKey} style={{ width: '100%', marginBottom: 16 }} options={items.map((i) => ({ value: i.key, label: i.label }))} onChange={onChange} />
      {items.find((i) => i.key === activeKey)?.children}
    </>
  );
}
