import { describe, expect, it } from 'vitest';
import { formatCO2eKg, formatCount, formatDuration, formatEnergyKWh, formatFlops, formatUsd, sig } from './format.js';

describe('format', () => {
  it('formats the examples the site promises', () => {
    expect(formatFlops(3.1e23)).toBe('3.1e23 FLOPs');
    expect(formatEnergyKWh(1.3e6)).toBe('1.3 GWh');
    expect(formatUsd(4.6e6)).toBe('$4.6M');
    expect(formatCO2eKg(291_420)).toBe('291 tCO2e');
    expect(formatCount(69e9)).toBe('69B');
    expect(formatDuration(24 * 33)).toBe('33 days');
    expect(sig(0.123456)).toBe('0.123');
  });
  it('never prints NaN', () => {
    expect(formatUsd(Number.NaN)).toBe('—');
    expect(formatFlops(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
