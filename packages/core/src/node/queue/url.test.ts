import { describe, expect, it } from 'vitest';
import { parseQueueUrl, redactSecrets } from './url.js';

describe('parseQueueUrl', () => {
  it('reads host, port, db, TLS and credentials, and redacts the password', () => {
    const q = parseQueueUrl('rediss://alice:s%40cret@gpu-box.lab:6380/3');
    expect(q).toMatchObject({ host: 'gpu-box.lab', port: 6380, db: 3, tls: true, username: 'alice', password: 's@cret' });
    expect(q.redacted).toBe('rediss://alice:***@gpu-box.lab:6380/3');
    expect(parseQueueUrl('redis://:pw@10.0.0.2').redacted).toBe('redis://:***@10.0.0.2');
    expect(parseQueueUrl('redis://localhost')).toMatchObject({ port: 6379, db: 0, tls: false, password: undefined });
  });

  it('bad URLs are one InputError naming --queue, without the password', () => {
    for (const bad of ['localhost:6379', 'http://host:6379', 'redis://:topsecret@host:6379/abc', 'redis://host:99999', 'not a url']) {
      let msg = '';
      try {
        parseQueueUrl(bad);
      } catch (e) {
        msg = (e as Error).message;
      }
      expect(msg, bad).toMatch(/^--queue: /);
      expect(msg).not.toContain('topsecret');
    }
  });

  it('redactSecrets hides passwords in URLs and a given secret anywhere in a message', () => {
    expect(redactSecrets('connect to redis://:hunter2@h:1 failed')).toBe('connect to redis://:***@h:1 failed');
    expect(redactSecrets('AUTH hunter2 rejected', 'hunter2')).toBe('AUTH *** rejected');
  });
});
