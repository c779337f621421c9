import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

const repoRoot = '/srv/aftercare';

describe('parseConfig', () => {
  it('uses documented defaults for an empty environment', () => {
    const config = parseConfig({}, { repoRoot });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      mongodbUri: null,
      redisUrl: null,
      publicUrl: 'http://localhost:3000',
      seedDemo: true,
      logLevel: 'info',
      widgetDistDir: path.join(repoRoot, 'widget/dist'),
    });
  });

  it('runs several worker processes only with Redis to share presence and broadcasts', () => {
    expect(parseConfig({}, { repoRoot }).workers).toBe(1);
    expect(parseConfig({ WORKERS: '4', REDIS_URL: 'redis://127.0.0.1:6379' }, { repoRoot }).workers).toBe(4);
    expect(parseConfig({ WORKERS: 'auto', REDIS_URL: 'redis://127.0.0.1:6379' }, { repoRoot }).workers).toBeGreaterThan(
      0,
    );
    expect(() => parseConfig({ WORKERS: '2' }, { repoRoot })).toThrow(/WORKERS=2: several processes need REDIS_URL/);
    expect(() => parseConfig({ WORKERS: '0', REDIS_URL: 'redis://127.0.0.1:6379' }, { repoRoot })).toThrow(ConfigError);
  });

  it('reads and converts every variable', () => {
    const config = parseConfig(
      {
        PORT: '8080',
        MONGODB_URI: 'mongodb://localhost:27017/aftercare',
        REDIS_URL: 'redis://127.0.0.1:6379',
        PUBLIC_URL: 'https://help.example.com/',
        SEED_DEMO: 'false',
        SESSION_TTL_HOURS: '2',
      },
      { repoRoot },
    );
    expect(config.port).toBe(8080);
    expect(config.mongodbUri).toBe('mongodb://localhost:27017/aftercare');
    expect(config.publicUrl).toBe('https://help.example.com');
    expect(config.seedDemo).toBe(false);
    expect(config.sessionTtlMs).toBe(2 * 3600_000);
  });

  it('derives the public URL from the port', () => {
    expect(parseConfig({ PORT: '4000' }, { repoRoot }).publicUrl).toBe('http://localhost:4000');
  });

  it('reports every bad value at once, naming the variable', () => {
    const attempt = () =>
      parseConfig({ PORT: 'eighty', MONGODB_URI: 'http://nope', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe' }, { repoRoot });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT=', 'MONGODB_URI=', 'LOG_LEVEL=', 'SEED_DEMO=']) expect(message).toContain(name);
    }
  });
});
