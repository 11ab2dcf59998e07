/**
 * Fits a law to a file the reader loads on the scaling-law explorer, off the
 * main thread (core's fitChinchilla runs Hoffmann et al.'s 4,500-start grid,
 * which takes seconds). Accepts a fit JSON (`{ "law": {…} }`, as `scaling-lab fit`
 * writes), or training runs in any format core's parseLog reads: sweep results (JSON lines), a CSV
 * or JSON lines of runs, a W&B runs-table export.
 */
import { fitChinchilla, flopsOf, parseLog, validateLaw, type Law } from '@scaling-lab/core';

export type FitRequest = { name: string; text: string };
export type FitReply =
  | { ok: true; law: Law; how: string; points: { flops: number; loss: number }[] }
  | { ok: false; message: string; field?: string };

self.onmessage = (e: MessageEvent<FitRequest>) => {
  const { name, text } = e.data;
  const reply = (r: FitReply) => (self as unknown as Worker).postMessage(r);
  try {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') && !/\n\s*\{/.test(trimmed.trim()) && !/"log_history"/.test(text)) {
      const json = JSON.parse(text) as { law?: unknown };
      const law = validateLaw(json.law ?? json, 'file');
      reply({ ok: true, law, how: `law read from ${name}`, points: [] });
      return;
    }
    const parsed = parseLog(text, { source: name });
    const fit = fitChinchilla(parsed.points);
    reply({
      ok: true,
      law: fit.law,
      how: `fitted (Approach 3, ${fit.points} runs${parsed.skipped.length ? `, ${parsed.skipped.length} skipped` : ''}) from ${name}`,
      points: parsed.points.map((p) => ({ flops: flopsOf(p), loss: p.loss })),
    });
  } catch (err) {
    reply({ ok: false, message: err instanceof Error ? err.message : String(err), field: (err as { field?: string }).field });
  }
};
