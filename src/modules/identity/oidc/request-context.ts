// oidc-provider keeps each request's context in an AsyncLocalStorage (its own module, reached here by
// path: the package has no export map). On Node 20 the first `run` of any AsyncLocalStorage turns on
// promise hooks for the whole process, for good: after the first sign-in or token request every
// promise of every route paid for them (a quarter of /healthz's rate, a fifth of a data-gateway
// lookup's, measured with bench/data.bench.ts). The storage is only needed while the provider
// handles a request, so it is switched off whenever none is in progress; the next request's `run`
// switches it on again. Outside a request the provider's getStore() is undefined either way.
// Node 22's AsyncContextFrame makes this unnecessary.
import als from 'oidc-provider/lib/helpers/als.js';

let inProgress = 0;

/** Runs one provider request, with the provider's context storage on only while any is in progress. */
export async function withProviderContext(handle: () => Promise<unknown> | unknown): Promise<void> {
  inProgress++;
  try {
    await handle();
  } finally {
    if (--inProgress === 0) als.disable();
  }
}

/** Whether the provider's context storage is on (for tests). */
export const providerContextOn = () => (als as unknown as { enabled: boolean }).enabled;
