/**
 * What a JSON document written by scaling-lab itself is (`estimate --json`, `fit --out`, a sweep
 * summary, a report), so a file given in the wrong place is refused for the right reason ("this is an
 * estimate's output, not runs") instead of "not valid JSON". Pure: looks at keys only.
 */
export function scalingLabJsonKind(text: string): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const has = (...keys: string[]) => keys.every((k) => Object.hasOwn(v, k));
  if (has('accelerator', 'assumptions', 'co2eKg')) return 'the output of `scaling-lab estimate --json`';
  if (has('approach', 'method', 'source')) return 'a fit written by `scaling-lab fit --out` (or --json)';
  if (has('planned', 'completed', 'runs')) return 'the summary of `scaling-lab sweep --json`';
  if (has('projections') || has('frontier', 'sweep')) return 'a report.json written by `scaling-lab main`';
  if (has('outputs', 'samples') || has('lawSource', 'optimal')) return 'the output of `scaling-lab project` or `optimal`';
  return undefined;
}
