import { useOutletContext } from 'react-router';

export interface ShellContext {
  elderly: boolean;
  onElderly(v: boolean): void;
}

/** 长辈模式 as the shell holds it: pages that show fewer, bigger choices read it here. */
export function useElderly(): ShellContext {
  return useOutletContext<ShellContext | undefined>() ?? { elderly: false, onElderly: () => undefined };
}
