// The embedded data modules are what scripts/gen-data.mjs makes of the CSVs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from './accelerators.generated.js';
import { PRICES } from './prices.generated.js';
import { listConstants } from './constants.js';

describe('generated reference data', () => {
  it('src/data/*.generated.ts match packages/core/data/*.csv (gen-data --check)', () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'gen-data.mjs');
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('every row has a source; prices are dated ISO days for known accelerators', () => {
    const ids = new Set(ACCELERATORS.map((a) => a.id));
    for (const a of ACCELERATORS) expect(a.source, a.id).toMatch(/^https?:\/\//);
    for (const p of PRICES) {
      expect(ids.has(p.acceleratorId)).toBe(true);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.usdPerHour).toBeGreaterThan(0);
    }
    for (const c of listConstants()) expect(c.source.length, c.key).toBeGreaterThan(20);
  });
});
