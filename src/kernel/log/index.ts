import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured log. Paths that may hold secrets or personal identifiers are censored at the source,
 * so a careless `log.info(body)` cannot leak them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'secret',
        '*.secret',
        'token',
        '*.token',
        'idNumber',
        '*.idNumber',
        'phone',
        '*.phone',
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  });
}
