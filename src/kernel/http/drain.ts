import type { App } from './app.ts';

/**
 * Shuts the HTTP side down the way a load balancer expects: stop accepting, answer new requests on
 * open connections with 503, close idle keep-alive sockets, let requests in flight finish for up to
 * `graceMs` — and then close whatever connections are left, so one stalled client cannot keep the
 * process alive.
 */
export async function drain(app: App, graceMs: number): Promise<void> {
  const closing = app.close();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), graceMs)));
  const first = await Promise.race([closing.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (first === 'late') {
    app.log.warn({ graceMs }, 'shutdown: closing connections still open after the grace period');
    app.server.closeAllConnections();
    await closing;
  }
}
