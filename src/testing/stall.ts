import net from 'node:net';

/**
 * Opens a raw connection that starts a multipart upload to /api/files — headers promising 100 kB,
 * then about 200 bytes of body — and then goes silent, as a slow or hostile client would.
 */
export function stalledUpload(baseUrl: string, token: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(baseUrl);
    const s = net.connect(Number(port), '127.0.0.1', () => {
      const boundary = '----stalled';
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n${'x'.repeat(80)}`;
      s.write(
        `POST /api/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n${body}`,
        (err) => (err ? reject(err) : resolve(s)),
      );
    });
    // The server cutting the connection is what some tests wait for, not an error.
    s.on('error', () => undefined);
  });
}

/** Waits until `probe` holds, looking every 50 ms, for at most `boundMs`; then fails naming `what`. */
export async function until(what: string, probe: () => boolean | Promise<boolean>, boundMs = 10_000): Promise<void> {
  const end = Date.now() + boundMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`still waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
