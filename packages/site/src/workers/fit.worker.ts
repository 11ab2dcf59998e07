/**
 * Fits a law to the file(s) the reader loads on the scaling-law explorer, off the
 * main thread (core's fitChinchilla runs Hoffmann et al.'s 4,500-start grid,
 * which takes seconds). Accepts a fit JSON (`{ "law": {…} }`, as `scaling-lab fit`
 * writes), or training runs in any format core's parseLog reads: sweep results (JSON lines), a CSV
 * or JSON lines of runs, a W&B runs-table export, W&B/TensorBoard history CSVs, Hugging Face
 * trainer_state.json. Several files are one run each (as `scaling-lab fit <folder>` reads a
 * folder of Trainer runs), joined with core's combineRuns.
 */
import { combineRuns, fitChinchilla, flopsOf, parseLog, validateLaw, type Law } from '@scaling-lab/core';

export type FitFile = { name: string; text: string };
export type FitRequest = { files: FitFile[] };
export type FitReply =
  /** notIdentified: core's "this fit is not identified: …" (fit/identification.ts), or the fit file's own verdict. */
  | { ok: true; law: Law; how: string; points: { flops: number; loss: number }[]; notIdentified?: string }
  | { ok: false; message: string; field?: string };

const isLawJson = (text: string) => {
  const trimmed = text.trimStart();
  return trimmed.startsWith('{') && !/\n\s*\{/.test(trimmed.trim()) && !/"log_history"/.test(text);
};

self.onmessage = (e: MessageEvent<FitRequest>) => {
  const { files } = e.data;
  const reply = (r: FitReply) => (self as unknown as Worker).postMessage(r);
  const names = files.length === 1 ? files[0].name : `${files.length} files (${files[0].name}, …)`;
  try {
    if (files.length === 1 && isLawJson(files[0].text)) {
      const json = JSON.parse(files[0].text) as { law?: unknown; identification?: { identified?: unknown; summary?: unknown } };
      const law = validateLaw(json.law ?? json, files[0].name);
      // `scaling-lab fit --json` writes its verdict beside the law; keep it with the law.
      const verdict = json.identification;
      const notIdentified = verdict?.identified === false && typeof verdict.summary === 'string' ? verdict.summary : undefined;
      reply({ ok: true, law, how: `law read from ${names}`, points: [], ...(notIdentified ? { notIdentified } : {}) });
      return;
    }
    const parts = files.map((f) => parseLog(f.text, { source: f.name }));
    const parsed = parts.length === 1 ? parts[0] : combineRuns(parts, names);
    const fit = fitChinchilla(parsed.points);
    reply({
      ok: true,
      law: fit.law,
      how: `fitted (Approach 3, ${fit.points} runs${parsed.skipped.length ? `, ${parsed.skipped.length} skipped` : ''}) from ${names}`,
      points: parsed.points.map((p) => ({ flops: flopsOf(p), loss: p.loss })),
      ...(fit.identification && !fit.identification.identified && fit.identification.summary ? { notIdentified: fit.identification.summary } : {}),
    });
  } catch (err) {
    reply({ ok: false, message: err instanceof Error ? err.message : String(err), field: (err as { field?: string }).field });
  }
};
