/**
 * `scaling-lab laws`: list the published scaling laws with their citations and evaluate
 * each: the compute-optimal model at a budget, and (optionally) the loss of a given N, D.
 *
 *   scaling-lab laws
 *   scaling-lab laws --compute 1e24 --params 70B --tokens 1.4T --json
 */
import type { Command } from 'commander';
import { formatCount, formatFlops, sig } from '../format.js';
import { computeOptimal, frontierExponents, lossAt } from '../laws/decisions.js';
import { PUBLISHED_LAWS } from '../laws/published.js';
import type { Law } from '../laws/types.js';
import { action, numberArg, printJson } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';
import { beyondLawRows } from './lawsBeyond.js';
import { kaplanPublishedAllocation } from '../laws/kaplanAllocation.js';

function describeLaw(law: Law): string {
  if (law.form === 'chinchilla') return `L = ${sig(law.E, 5)} + ${sig(law.A, 5)}/N^${sig(law.alpha, 5)} + ${sig(law.B, 5)}/D^${sig(law.beta, 5)}`;
  const e = (x: number) => x.toExponential(2).replace('e+', 'e');
  return `L = [(${e(law.paramsC)}/N)^(${law.alphaN}/${law.alphaD}) + ${e(law.tokensC)}/D]^${law.alphaD}${law.alphaC && law.computeCPfDays ? `; L(C) = (${e(law.computeCPfDays)} PF-days/C)^${law.alphaC}` : ''}`;
}

export function runLaws(opts: { compute: number; params?: number; tokens?: number }) {
  return PUBLISHED_LAWS.map((p) => ({
    ...(p.law.form === 'kaplan' ? { publishedAllocation: kaplanPublishedAllocation(opts.compute), optimalIs: 'derived from eq. 1.5 (N ∝ C^0.556); publishedAllocation is the paper\'s own (N ∝ C^0.73)' } : {}),
    id: p.id,
    name: p.name,
    formula: describeLaw(p.law),
    law: p.law,
    citation: p.citation,
    notes: p.notes,
    frontier: frontierExponents(p.law),
    optimal: computeOptimal(p.law, opts.compute),
    lossAt: opts.params !== undefined && opts.tokens !== undefined ? { params: opts.params, tokens: opts.tokens, loss: lossAt(p.law, opts.params, opts.tokens) } : undefined,
  }));
}

export function registerLaws(program: Command): void {
  oneLineErrors(program.command('laws'))
    .description('list the published scaling laws (with citations) and evaluate them')
    .option('--compute <flops>', 'budget for the compute-optimal figures', numberArg('compute', { positive: true }), 5.76e23)
    .option('--params <n>', 'with --tokens: evaluate each law\'s loss at this model size', numberArg('params', { positive: true }))
    .option('--tokens <n>', 'with --params: training tokens', numberArg('tokens', { positive: true }))
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  scaling-lab laws --compute 1e24
  scaling-lab laws --params 70B --tokens 1.4T --json`)
    .action(
      action((opts: { compute: number; params?: number; tokens?: number; json?: boolean }) => {
        const rows = runLaws(opts);
        const beyond = beyondLawRows(opts.compute);
        if (opts.json) return printJson([...rows, ...beyond]);
        const out: string[] = [];
        for (const r of rows) {
          out.push(`${r.id} — ${r.name}`, `  ${r.formula}`, `  ${r.citation}`);
          if (r.publishedAllocation) {
            out.push(`  published allocation (§6.1, N ∝ C^0.73): N_opt ${formatCount(r.publishedAllocation.params)}, D ${formatCount(r.publishedAllocation.tokens)} at ${formatFlops(r.publishedAllocation.flops)}; the line below is derived from eq. 1.5 instead`);
          }
          out.push(
            `  at ${formatFlops(r.optimal.flops)}: N_opt ${formatCount(r.optimal.params)}, D_opt ${formatCount(r.optimal.tokens)} (${sig(r.optimal.tokensPerParam, 3)} tokens/param), loss ${sig(r.optimal.loss, 4)}; N_opt ∝ C^${sig(r.frontier.a, 4)}`,
          );
          if (r.lossAt) out.push(`  L(${formatCount(r.lossAt.params)}, ${formatCount(r.lossAt.tokens)}) = ${sig(r.lossAt.loss, 4)}`);
          out.push('');
        }
        out.push('Beyond Chinchilla\'s allocation:', '');
        for (const b of beyond) out.push(`${b.id} — ${b.name}`, `  ${b.formula}`, `  ${b.citation}`, `  applies when ${b.appliesWhen}`, ...(b.atCompute !== '—' ? [`  ${b.atCompute}`] : []), '');
        if ((opts.params === undefined) !== (opts.tokens === undefined)) out.push('(give both --params and --tokens to evaluate the loss of one model)');
        process.stdout.write(`${out.join('\n').trimEnd()}\n`);
      }, 'laws'),
    );
}
