import { useSyncExternalStore } from 'react';
import { useElderly } from './elderly';

const PHONE = '(max-width: 768px)';
const subscribe = (fn: () => void) => {
  const m = window.matchMedia(PHONE);
  m.addEventListener('change', fn);
  return () => m.removeEventListener('change', fn);
};

/** True on a phone-sized screen or in 长辈模式: lists show as cards, label columns stack. */
export function useCompact(): boolean {
  const { elderly } = useElderly();
  const phone = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
  return phone || elderly;
}
