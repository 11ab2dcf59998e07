// The public face as a reviewed list: packages/core/api-report.md must match
// what the built entry points export. After an intended change to the exports:
// `npm run api:update` and commit the file (the diff is the API review).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { apiReport } from '../scripts/api-report.mjs';

describe('API report', () => {
  it('packages/core/api-report.md lists exactly what the entry points export (run `npm run api:update` after changing exports)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'packages', 'core', 'api-report.md'), 'utf8');
    const current: string = apiReport();
    expect(current).toContain('## `@scaling-lab/core` (');
    expect(current === committed, 'api-report.md is stale: run `npm run api:update` and review the diff').toBe(true);
  }, 120_000);
});
