/**
 * Marks what the report derives from a fit that its data do not identify (fit/identification.ts), so
 * the words "this fit is not identified: …" travel with every number that comes from it: the fitted
 * law's lines, the projection and its loss. Marking rather than dropping keeps the main job's report
 * whole for a sweep that is nearly identified (e.g. one isoFLOP parabola through only 3 runs), while the
 * reader sees which figures not to rely on.
 */
import type { Identification } from '../fit/identification.js';

/** What one projection comes from: its approach's label and that fit's identification. */
export interface ProjectionSource {
  label: string;
  identification?: Identification;
}

/**
 * "Approach 2: this fit is not identified: …; its loss from Approach 3: this fit is not identified: …",
 * or undefined when every source is identified (or has no identification, e.g. a fallback).
 */
export function notIdentifiedMark(sources: readonly ProjectionSource[]): string | undefined {
  const parts = sources.filter((s) => s.identification && !s.identification.identified).map((s) => `${s.label}: ${s.identification!.summary}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The report's line under a fitted law ("" when identified). */
export function identificationLine(identification: Identification | undefined): string | undefined {
  if (!identification || identification.identified) return undefined;
  return `NOT IDENTIFIED: ${identification.summary} — its projections are marked, do not rely on them`;
}
