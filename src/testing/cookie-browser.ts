/**
 * The part of a browser an SSO test needs: real HTTP with a cookie jar, redirects seen one by one.
 * (Page tests use Chromium; this drives the same endpoints without one.)
 */
export class CookieBrowser {
  private readonly jar = new Map<string, { value: string; path: string }>();

  private cookieHeader(url: URL): string {
    return [...this.jar.entries()]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  async request(url: string | URL, init: { method?: string; json?: unknown; form?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const headers: Record<string, string> = { cookie: this.cookieHeader(u) };
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(u, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attrs.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()) || attrs.some((a) => /^max-age=0$/i.test(a));
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, { value, path });
    }
    return res;
  }

  /** Follows redirects until one leaves `origin` or a page answers; returns the last response and URL. */
  async follow(url: string | URL, origin: string, max = 10): Promise<{ res: Response; url: URL }> {
    let at = new URL(url);
    for (let i = 0; i < max; i++) {
      const res = await this.request(at);
      const loc = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !loc) return { res, url: at };
      at = new URL(loc, at);
      if (at.origin !== origin) return { res, url: at };
    }
    throw new Error('too many redirects');
  }
}
