import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'yw-cfg-'));

describe('configuration', () => {
  it('uses defaults and converts environment strings', () => {
    const c = loadConfig({ PORT: '9000', YIWANG_SEED_DEMO: 'false' }, {}, dir());
    expect(c.port).toBe(9000);
    expect(c.seedDemo).toBe(false);
    expect(c.host).toBe('127.0.0.1');
    expect(c.regionCode).toBe('152201');
  });
  it('names every wrong value and where it came from', () => {
    try {
      loadConfig({ PORT: 'eighty', HOST: '', YIWANG_REGION: '15220' }, {}, dir());
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toContain('environment variable PORT');
      expect(msg).toContain('environment variable YIWANG_REGION');
    }
  });
  it('takes trusted proxies as addresses and CIDR ranges, and names a wrong one', () => {
    expect(loadConfig({ YIWANG_TRUST_PROXY: '10.0.0.2, 10.0.1.0/24, ::1, loopback' }, {}, dir()).trustProxy).toBe('10.0.0.2, 10.0.1.0/24, ::1, loopback');
    for (const bad of ['10.0.0.300', '10.0.0.0/33', '2', 'proxy.example']) {
      expect(() => loadConfig({ YIWANG_TRUST_PROXY: bad }, {}, dir()), bad).toThrow(/YIWANG_TRUST_PROXY/);
    }
  });
  it('reads yiwang.config.json and refuses unknown keys in it', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'yiwang.config.json'), JSON.stringify({ port: 7000, colour: 'red' }));
    expect(() => loadConfig({}, {}, d)).toThrow(/colour/);
    fs.writeFileSync(path.join(d, 'yiwang.config.json'), JSON.stringify({ port: 7000 }));
    expect(loadConfig({}, {}, d).port).toBe(7000);
    expect(loadConfig({ PORT: '7100' }, {}, d).port).toBe(7100);
  });
  it('refuses a config file that is not JSON and never echoes DATABASE_URL', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'yiwang.config.json'), '{port: 1');
    expect(() => loadConfig({}, {}, d)).toThrow(/JSON/);
    try {
      loadConfig({ DATABASE_URL: 'mysql://user:secret@host/db' }, {}, dir());
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
      expect((err as Error).message).toContain('DATABASE_URL');
    }
  });
});
