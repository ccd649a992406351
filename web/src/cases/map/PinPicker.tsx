import { AimOutlined, ClearOutlined, PushpinOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type L from 'leaflet';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CaseMap } from '../CaseMap';
import { AddressSearch, type AddressHit } from './AddressSearch';

export type Pin = [number, number];

interface Placement {
  inside: boolean;
  streetName: string | null;
  gridName: string | null;
}

const locate = (lon: number, lat: number) => api<Placement>(`/api/cityops/locate?lon=${lon}&lat=${lat}`);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** 和平街道 · 第3网格 · 和平路12号: the grid and the address without the street (and city) they repeat. */
function shortNames(street: string, grid: string | null, address: string | null): string {
  const after = (s: string) => (street && s.includes(street) ? s.slice(s.indexOf(street) + street.length) || s : s);
  return [street, grid && after(grid), address && after(address)].filter(Boolean).join(' · ');
}

interface Props {
  pin: Pin | null;
  onChange: (pin: Pin | null) => void;
  /** A standard address was chosen (the form may take it as the place's address). */
  onAddress?: (fullText: string) => void;
  disabled?: boolean;
  height?: number;
}

/**
 * Marking a place: by a standard address (flies there and pins it), by 定位, by a click or tap, or
 * by keyboard (arrow keys and Enter on the map, or "mark the map centre"). The confirmation names
 * the street, the grid and the address, never their codes.
 */
export function PinPicker({ pin, onChange, onAddress, disabled, height = 280 }: Props) {
  const { t } = useTranslation();
  const map = useRef<L.Map | null>(null);
  const [focus, setFocus] = useState<{ lon: number; lat: number; zoom: number } | null>(null);
  const [address, setAddress] = useState<{ pin: Pin; text: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const place = useQuery({ queryKey: ['locate', pin], enabled: !!pin, staleTime: Infinity, queryFn: () => locate(pin![0], pin![1]) });

  const mark = (p: Pin | null) => {
    setNotice(null);
    onChange(p);
  };
  const choose = (a: AddressHit) => {
    const p: Pin = [a.lon, a.lat];
    setAddress({ pin: p, text: a.fullText });
    setFocus({ lon: a.lon, lat: a.lat, zoom: 16 });
    mark(p);
    onAddress?.(a.fullText);
  };
  const here = () => {
    if (!navigator.geolocation) return setNotice(t('map.locateFailed'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const p: Pin = [round6(pos.coords.longitude), round6(pos.coords.latitude)];
        try {
          const where = await locate(p[0], p[1]);
          if (!where.inside) return setNotice(t('map.locateOutside'));
          setFocus({ lon: p[0], lat: p[1], zoom: 16 });
          mark(p);
        } catch {
          setNotice(t('map.locateFailed'));
        } finally {
          setLocating(false);
        }
      },
      (err) => {
        setLocating(false);
        setNotice(err.code === err.PERMISSION_DENIED ? t('map.locateDenied') : t('map.locateFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  const centre = () => {
    const c = map.current?.getCenter();
    if (c) mark([round6(c.lng), round6(c.lat)]);
  };

  // The words for the pin: street · grid · address (the address only while the pin is where it was chosen).
  const chosen = address && pin && address.pin[0] === pin[0] && address.pin[1] === pin[1] ? address.text : null;
  const names = place.data?.inside ? shortNames(place.data.streetName ?? '', place.data.gridName, chosen) : null;
  let status: string;
  if (!pin) status = t('map.prompt');
  else if (place.data && !place.data.inside) status = t('map.outside');
  else if (names) status = t('map.pinned', { place: names });
  else status = t('map.pinnedPoint', { lon: pin[0], lat: pin[1] });

  return (
    <div style={{ display: 'grid', gap: 8 }}>
      <AddressSearch onChoose={choose} disabled={disabled} />
      <Space wrap>
        <Button icon={<AimOutlined />} onClick={here} loading={locating} disabled={disabled}>
          {locating ? t('map.locating') : t('map.locate')}
        </Button>
        <Button icon={<PushpinOutlined />} onClick={centre} disabled={disabled}>
          {t('map.pinCentre')}
        </Button>
        {pin && (
          <Button icon={<ClearOutlined />} onClick={() => mark(null)} disabled={disabled}>
            {t('map.clear')}
          </Button>
        )}
      </Space>
      {notice && <Alert type="warning" showIcon title={notice} closable onClose={() => setNotice(null)} />}
      <Typography.Text role="status" aria-live="polite" type={pin && place.data && !place.data.inside ? 'danger' : undefined} strong={!!names}>
        {status}
      </Typography.Text>
      <CaseMap
        pin={pin}
        onPick={disabled ? undefined : (lon, lat) => mark([lon, lat])}
        focus={focus}
        height={height}
        onMap={(m) => {
          map.current = m;
        }}
      />
    </div>
  );
}
