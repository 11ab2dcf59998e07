/**
 * The scaling-law explorer's model: which law, and what core's law functions
 * say for the chosen budget and target (computeOptimal, computeForLoss,
 * marginalLossPerDoubling, lossAt, frontierExponents, lossFloor). Shared by
 * the page script and the build-time render.
 */
import {
  computeForLoss,
  computeOptimal,
  formatCount,
  formatFlops,
  frontierExponents,
  InputError,
  lossFloor,
  marginalLossPerDoubling,
  PUBLISHED_LAWS,
  sig,
  validateLaw,
  type Law,
  type OptimalAllocation,
} from '@scaling-lab/core';
import { numberField } from './parse';

export interface LawOption {
  id: string;
  name: string;
  law: Law;
  citation: string;
  /** A fit's "this fit is not identified: …" (core's fit/identification.ts); absent for published laws and identified fits. */
  notIdentified?: string;
  /** Whether core checked identification (fits: yes; published laws: their paper's word). */
  checked?: boolean;
}

/** The law the reader loaded from a file: its custom-field text and the fit's identification verdict. */
export interface UploadedFit {
  text: string;
  notIdentified?: string;
}

export const PUBLISHED_OPTIONS: LawOption[] = PUBLISHED_LAWS.map((l) => ({ id: l.id, name: l.name, law: l.law, citation: l.citation }));

/** "chinchilla: E, A, B, alpha, beta" or "kaplan: alphaN, Nc, alphaD, Dc" → a validated law (errors name the `custom` field). */
export function parseCustomLaw(raw: string): Law {
  const m = /^\s*(chinchilla|kaplan)?\s*:?\s*(.*)$/i.exec(raw ?? '');
  const form = (m?.[1] ?? 'chinchilla').toLowerCase();
  const nums = (m?.[2] ?? '').split(/[\s,;]+/).filter(Boolean);
  const want = form === 'kaplan' ? 4 : 5;
  if (nums.length !== want) {
    throw new InputError('custom', `expected ${want} numbers for a ${form} law, got ${nums.length}`, form === 'kaplan' ? 'write kaplan: alphaN, Nc, alphaD, Dc' : 'write E, A, B, alpha, beta, e.g. 1.69, 406.4, 410.7, 0.34, 0.28');
  }
  const x = nums.map((n) => numberField('custom', n));
  const law = form === 'kaplan'
    ? { form: 'kaplan' as const, alphaN: x[0], paramsC: x[1], alphaD: x[2], tokensC: x[3] }
    : { form: 'chinchilla' as const, E: x[0], A: x[1], B: x[2], alpha: x[3], beta: x[4] };
  return validateLaw(law, 'custom');
}

/** A law as the custom field's text (round-trips through parseCustomLaw). */
export function customLawText(law: Law): string {
  const f = (n: number) => String(Number(n.toPrecision(6)));
  return law.form === 'kaplan'
    ? `kaplan: ${[law.alphaN, law.paramsC, law.alphaD, law.tokensC].map(f).join(', ')}`
    : `${[law.E, law.A, law.B, law.alpha, law.beta].map(f).join(', ')}`;
}

export function resolveLaw(v: Record<string, string>, options: LawOption[], uploaded?: UploadedFit): { law: Law; name: string; citation: string; identification: string } {
  if (v.law === 'custom') {
    const law = parseCustomLaw(v.custom);
    // The verdict belongs to the loaded fit only while the field still holds that fit's law.
    const fromFile = uploaded && (v.custom ?? '').trim() === uploaded.text;
    return { law, name: 'your law', citation: 'typed or loaded from your file', identification: identificationText(fromFile ? { checked: true, notIdentified: uploaded.notIdentified } : {}) };
  }
  const o = options.find((x) => x.id === v.law);
  if (!o) throw new InputError('law', `unknown law "${v.law}"`, 'choose one from the list');
  return { law: o.law, name: o.name, citation: o.citation, identification: identificationText(o) };
}

/** The "Identified by its data?" output: a fit that is not identified says so in core's words. */
function identificationText(o: { checked?: boolean; notIdentified?: string }): string {
  if (o.notIdentified) return `No — ${o.notIdentified}. The figures above come from it: do not rely on them.`;
  return o.checked ? 'Yes: exponents positive and plausible, E inside its bounds, the fit\'s starts agree' : 'Not checked here (a published or typed law)';
}

export interface LawsView {
  law: Law;
  name: string;
  citation: string;
  flops: number;
  minFlops: number;
  maxFlops: number;
  optimal: OptimalAllocation;
  nextDoublingGain: number;
  target: OptimalAllocation | null;
  outputs: Record<string, string>;
}

export function lawsView(v: Record<string, string>, options: LawOption[], uploaded?: UploadedFit): LawsView {
  const { law, name, citation, identification } = resolveLaw(v, options, uploaded);
  const flops = numberField('flops', v.flops, { positive: true });
  const minFlops = numberField('minFlops', v.minFlops, { positive: true });
  const maxFlops = numberField('maxFlops', v.maxFlops, { positive: true });
  if (!(maxFlops > minFlops * 4)) throw new InputError('maxFlops', 'must be at least 4× the smallest compute', 'widen the range');
  const optimal = computeOptimal(law, flops);
  const nextDoublingGain = marginalLossPerDoubling(law, { fromFlops: flops, doublings: 1 })[0].lossGained;
  const target = v.targetLoss?.trim() ? computeForLoss(law, numberField('targetLoss', v.targetLoss, { positive: true })) : null;
  const ex = frontierExponents(law);
  const outputs: Record<string, string> = {
    lawName: name,
    optParams: `${formatCount(optimal.params)} parameters`,
    optTokens: `${formatCount(optimal.tokens)} tokens`,
    tokensPerParam: `${sig(optimal.tokensPerParam, 3)} tokens per parameter`,
    optLoss: `${sig(optimal.loss, 4)} nats/token`,
    doublingGain: `${sig(nextDoublingGain, 3)} nats/token`,
    floor: `${sig(lossFloor(law), 4)} nats/token`,
    exponents: `N ∝ C^${sig(ex.a, 3)}, D ∝ C^${sig(ex.b, 3)}`,
    targetFlops: target ? formatFlops(target.flops) : '—',
    targetModel: target ? `${formatCount(target.params)} parameters, ${formatCount(target.tokens)} tokens` : '—',
    identification,
  };
  return { law, name, citation, flops, minFlops, maxFlops, optimal, nextDoublingGain, target, outputs };
}

/** n log-spaced values from a to b inclusive (plotting grid). */
export function logspace(a: number, b: number, n: number): number[] {
  const la = Math.log(a);
  const lb = Math.log(b);
  return Array.from({ length: n }, (_, i) => Math.exp(la + ((lb - la) * i) / (n - 1)));
}
