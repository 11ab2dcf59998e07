/**
 * `scaling-lab hyperparams`: peak learning rate and batch size for a budget from each published
 * fit (DeepSeek LLM, Step Law, Kaplan et al.), Kaplan's critical batch and McCandlish's
 * steps-versus-data trade-off, every figure with its source and fitted range.
 *
 *   scaling-lab hyperparams --compute 1e22
 *   scaling-lab hyperparams --params 7B --tokens 2T --json
 */
import type { Command } from 'commander';
import { formatCount, formatFlops, sig } from '../format.js';
import { recommendHyperparams, type HyperparamsRequest } from '../laws/hyperparams.js';
import { action, numberArg, printJson } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';

export function formatHyperparams(r: ReturnType<typeof recommendHyperparams>): string[] {
  const lines = [`Budget ${formatFlops(r.flops)}: N ${formatCount(r.params)} params, D ${formatCount(r.tokens)} tokens (${r.sizing})`];
  for (const f of r.figures) {
    const v = f.quantity === 'learningRate' ? sig(f.value, 3) : `${formatCount(f.value)}`;
    lines.push(`  ${f.quantity === 'learningRate' ? 'learning rate' : f.quantity === 'batchTokens' ? 'batch' : 'critical batch'} ${v} ${f.unit} — ${f.law}: ${f.formula}`);
    lines.push(`      ${f.source}; ${f.validity}${f.warning ? `; WARNING: ${f.warning}` : ''}`);
  }
  const t = r.tradeoff;
  lines.push(`  At DeepSeek's batch (${formatCount(t.batchTokens)} tokens) against Kaplan's critical batch (${formatCount(t.criticalBatchTokens)}): ${sig(t.stepsOverMin, 3)}× the minimum steps and ${sig(t.dataOverMin, 3)}× the minimum data (McCandlish et al. 2018, eq. 2.11)`);
  return lines;
}

export function registerHyperparams(program: Command): void {
  oneLineErrors(program.command('hyperparams'))
    .description('learning rate and batch size for a compute budget, from DeepSeek LLM, Step Law and Kaplan et al. (each with its source and range)')
    .option('--compute <flops>', 'training compute in FLOP (e.g. 1e22); N and D default to its Chinchilla-optimal split', numberArg('compute', { positive: true }))
    .option('--params <n>', 'model parameters (non-embedding), e.g. 7B', numberArg('params', { positive: true }))
    .option('--tokens <n>', 'training tokens, e.g. 2T', numberArg('tokens', { positive: true }))
    .option('--loss <nats>', "loss for Kaplan's critical batch (default: Kaplan's L(N, D), eq. 1.5)", numberArg('loss', { positive: true }))
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  scaling-lab hyperparams --compute 1e22
  scaling-lab hyperparams --params 7B --tokens 2T --json`)
    .action(
      action((opts: HyperparamsRequest & { compute?: number; json?: boolean }) => {
        const r = recommendHyperparams({ flops: opts.compute, params: opts.params, tokens: opts.tokens, loss: opts.loss });
        if (opts.json) printJson(r);
        else process.stdout.write(`${formatHyperparams(r).join('\n')}\n`);
      }),
    );
}
