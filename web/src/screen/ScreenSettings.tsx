import { Button, Drawer, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PREFS, REFRESH_CHOICES, type PanelId, type ScreenPrefs } from './prefs';

/** 大屏设置: which panels show, in what order, and how often the figures refresh. */
export function ScreenSettings({ open, onClose, prefs, onChange }: { open: boolean; onClose: () => void; prefs: ScreenPrefs; onChange: (p: ScreenPrefs) => void }) {
  const { t } = useTranslation();
  const move = (id: PanelId, by: -1 | 1) => {
    const order = [...prefs.order];
    const i = order.indexOf(id);
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    onChange({ ...prefs, order });
  };
  const toggle = (id: PanelId, shown: boolean) => onChange({ ...prefs, hidden: shown ? prefs.hidden.filter((h) => h !== id) : [...prefs.hidden, id] });
  return (
    <Drawer open={open} onClose={onClose} title={t('scr.settings')} closable={{ 'aria-label': t('scr.prefs.close') }} size="min(400px, 100vw)">
      <Typography.Paragraph>{t('scr.prefs.lead')}</Typography.Paragraph>
      <ol className="scr-prefs">
        {prefs.order.map((id, i) => {
          const name = t(`scr.panels.${id}`);
          return (
            <li key={id}>
              <Switch checked={!prefs.hidden.includes(id)} onChange={(on) => toggle(id, on)} aria-label={t('scr.prefs.show', { name })} />
              <span className="scr-prefs-name">{name}</span>
              <Space.Compact>
                <Button icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(id, -1)} aria-label={t('scr.prefs.up', { name })} />
                <Button icon={<ArrowDownOutlined />} disabled={i === prefs.order.length - 1} onClick={() => move(id, 1)} aria-label={t('scr.prefs.down', { name })} />
              </Space.Compact>
            </li>
          );
        })}
      </ol>
      <label className="scr-prefs-refresh">
        <span id="scr-refresh-label">{t('scr.prefs.refresh')}</span>
        <Select
          aria-labelledby="scr-refresh-label"
          value={prefs.refreshSeconds}
          onChange={(v) => onChange({ ...prefs, refreshSeconds: v })}
          options={REFRESH_CHOICES.map((n) => ({ value: n, label: t('scr.prefs.seconds', { n }) }))}
          style={{ width: 120 }}
        />
      </label>
      <Button onClick={() => onChange(DEFAULT_PREFS)}>{t('scr.prefs.reset')}</Button>
    </Drawer>
  );
}
