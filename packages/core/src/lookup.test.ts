import { describe, expect, it } from 'vitest';
import { editDistance, fuzzyFind } from './lookup.js';
import { acceleratorNote, findAccelerator, getAccelerator, peakFlopsPerSecond } from './data/hardware.js';
import { getRegion, listRegions } from './data/regions.js';
import { getPublishedRun } from './data/publishedRuns.js';
import { InputError } from './errors.js';

describe('fuzzy look-ups', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('accepts ids and names ignoring case and punctuation, and unique fragments', () => {
    expect(getAccelerator('NVIDIA H100 SXM5 80GB').id).toBe('nvidia-h100-sxm5-80gb');
    expect(getAccelerator('nvidia_h100_sxm5_80gb').id).toBe('nvidia-h100-sxm5-80gb');
    expect(getAccelerator('h200').id).toBe('nvidia-h200-sxm-141gb');
    expect(getAccelerator('MI300X').id).toBe('amd-mi300x');
    expect(findAccelerator('h200').how).toBe('contains');
  });

  it('h100 (several parts) resolves to its stated default variant with a note; an ambiguous fragment without a default still names the field and suggests ids', () => {
    expect(getAccelerator('h100').id).toBe('nvidia-h100-sxm5-80gb');
    expect(acceleratorNote('h100')).toMatch(/H100 SXM5 80GB/);
    expect(acceleratorNote('nvidia-h100-sxm5-80gb')).toBeUndefined();
    let err: unknown;
    try { getAccelerator('sxm4'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).field).toBe('hardware');
    expect((err as InputError).message).toMatch(/did you mean/);
  });

  it('words in any order narrow the match: "a100 sxm 80gb" is one part, "a100-80gb" suggests the 80 GB parts', () => {
    expect(getAccelerator('a100 sxm 80gb').id).toBe('nvidia-a100-sxm4-80gb');
    expect(getAccelerator('80GB SXM4 A100').id).toBe('nvidia-a100-sxm4-80gb');
    const several = findAccelerator('a100-80gb');
    expect(several.accelerator).toBeUndefined();
    expect(several.suggestions).toContain('nvidia-a100-sxm4-80gb');
    expect(several.suggestions.every((id) => id.includes('a100') && id.includes('80gb'))).toBe(true);
    // words match word starts, not any substring: the "5" in GPT-3's "175B" does not make "gpt-5" GPT-3
    expect(() => getPublishedRun('gpt-5')).toThrow(/^preset: unknown preset "gpt-5"/);
  });

  it('typos get the nearest ids', () => {
    expect(findAccelerator('nvidia-h100-sxm5-80g').accelerator?.id).toBe('nvidia-h100-sxm5-80gb');
    expect(findAccelerator('v100x').suggestions[0]).toBe('nvidia-v100-sxm2-32gb');
    expect(fuzzyFind('zzzzzz', [{ id: 'a', keys: ['abc'], value: 1 }]).suggestions).toEqual([]);
  });

  it('dense peak rates: H100 SXM bf16 989.4 TFLOP/s (not the sparse 1979); V100 falls back to fp16', () => {
    expect(peakFlopsPerSecond(getAccelerator('nvidia-h100-sxm5-80gb')).flopsPerSecond).toBe(989.4e12);
    expect(peakFlopsPerSecond(getAccelerator('nvidia-v100-sxm2-32gb')).precision).toBe('fp16');
    expect(() => peakFlopsPerSecond(getAccelerator('nvidia-v100-sxm2-32gb'), 'fp8')).toThrow(/precision/);
  });

  it('regions: countries by ISO3/name/ISO2 alias, cloud regions with or without provider', () => {
    expect(getRegion('France').id).toBe('FRA');
    expect(getRegion('fra').gCO2ePerKWh).toBeCloseTo(56.039, 3);
    expect(getRegion('us').id).toBe('USA');
    expect(getRegion('us-east-1').id).toBe('aws:us-east-1');
    expect(getRegion('us-east1').id).toBe('gcp:us-east1');
    expect(getRegion('East US').id).toBe('azure:eastus');
    expect(getRegion('world').gCO2ePerKWh).toBe(480);
    expect(() => getRegion('frnace')).toThrow(/did you mean FRA/);
  });

  it('listRegions filters by a search string', () => {
    const fr = listRegions('france');
    expect(fr.map((r) => r.id)).toContain('FRA');
    expect(fr.map((r) => r.id)).toContain('azure:francecentral');
    expect(listRegions().length).toBeGreaterThan(300);
  });
});
