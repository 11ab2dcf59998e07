import { describe, expect, it } from 'vitest';
import { co2eEquivalents, formatEquivalents } from './equivalents.js';

describe('co2eEquivalents', () => {
  it("uses Green Algorithms' reference values (referenceValues.csv v3.0)", () => {
    // One NY–SF flight is 570 kgCO2e per passenger; 251 g/km (EPA) and 175 g/km for cars, 171 g/km flown, 11 kg per tree-year.
    const q = co2eEquivalents(570);
    expect(q.flightsNySf.value).toBeCloseTo(1, 12);
    expect(q.carKmUs.value).toBeCloseTo(570_000 / 251, 9);
    expect(q.carKmEu.value).toBeCloseTo(570_000 / 175, 9);
    expect(q.flightKmEconomy.value).toBeCloseTo(570_000 / 171, 9);
    expect(q.treeYears.value).toBeCloseTo(570 / 11, 9);
    expect(co2eEquivalents(0.251).carKmUs.value).toBeCloseTo(1, 12);
    expect(co2eEquivalents(11).treeYears.value).toBeCloseTo(1, 12);
  });

  it('carries each factor with its source and date', () => {
    const q = co2eEquivalents(1);
    expect(q.carKmUs.gramsPerUnit).toBe(251);
    expect(q.carKmUs.source).toMatch(/epa\.gov.*\(data ~2018\)/);
    expect(q.flightsNySf.source).toMatch(/carbonfootprint\.com/);
    for (const e of Object.values(q)) expect(e.source).toMatch(/Green Algorithms.*CC BY 4\.0/);
  });

  it('formats the named equivalents on one line', () => {
    expect(formatEquivalents(co2eEquivalents(570_000))).toBe('2.27M km by US car, 1k NY–SF flights (one passenger)');
    expect(formatEquivalents(co2eEquivalents(11), ['treeYears'])).toBe('1 tree-years of absorption');
  });
});
