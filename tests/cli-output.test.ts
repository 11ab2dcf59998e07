// The CLI output diff: a fixed set of commands whose stdout, stderr and exit
// code are compared with a committed snapshot (`tests/snapshots/cli-output.txt`).
// A refactor that changes nothing leaves the snapshot unchanged; an intended
// change to what users see is a visible diff in review. After an intended
// change: `npx vitest run tests/cli-output.test.ts -u` and commit the file.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** Fast commands (each well under a second, except the Approach-3 fit) covering every command's output and bad-input path. */
const COMMANDS: string[][] = [
  ['--help'],
  ['estimate', '--preset', 'llama-2-70b'],
  ['estimate', '--preset', 'llama-2-70b', '--json'],
  ['estimate', '--params', '70B', '--tokens', '1.4T', '--hardware', 'h100-sxm', '--count', '2048', '--mfu', '0.4', '--region', 'us-east-1'],
  ['estimate', '--layers', '80', '--d-model', '8192', '--heads', '64', '--kv-heads', '8', '--ffn', '28672', '--ffn-type', 'swiglu', '--vocab', '32000', '--context', '4096', '--tokens', '2T', '--hardware', 'a100-sxm4-80gb', '--count', '2048', '--zero', '1', '--tp', '8'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--count', '256', '--mfu', '0.3..0.5', '--pue', '1.1..1.6', '--seed', '1', '--samples', '2000'],
  ['estimate', '--flops', '1e24', '--deadline', '720', '--region', 'us-east-1'],
  ['estimate', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', '0.4', '--price', '2', '--budget', '1e6'],
  ['estimate', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', '0.4', '--price', '2', '--budget', '1e6', '--json'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--hardware', 'nvidia-h100-sxm5-80gb', '--deadline', '240'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--hardware', 'nvidia-h100-sxm5-80gb', '--deadline', '240', '--count', '64'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--budget', '1e6'],
  ['estimate', '--params', 'seven', '--tokens', '1T'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--mfu', '1.5'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--hardware', 'no-such-chip'],
  ['estimate', '--params', '7B', '--tokens', '1T', '--pue', '0.5..0.9'],
  ['estimate', '--bogus'],
  ['hardware', 'h100'],
  ['regions', 'france'],
  ['presets'],
  ['laws', '--compute', '1e24'],
  ['laws', '--compute', '-1'],
  ['fit', 'sweeps/results/quick.jsonl', '--approach', '2'],
  ['fit', 'sweeps/results/synthetic.jsonl', '--approach', '2', '--json'],
  ['fit', 'chinchilla', '--approach', '3'],
  ['fit', 'no-such-file.csv'],
  ['optimal', '--law', 'hoffmann2022', '--compute', '1e24', '--hardware', 'nvidia-h100-sxm5-80gb', '--count', '4096'],
  ['optimal', '--law', 'besiroglu2024', '--target-loss', '2.0'],
  ['optimal', '--law', 'nope', '--compute', '1e24'],
  ['optimal', '--compute', '1e23', '--unique-tokens', '2e11'],
  ['optimal', '--target-loss', '2.1', '--inference-tokens', '2e13', '--hardware', 'nvidia-h100-sxm5-80gb', '--mfu', '0.4', '--inference-mfu', '0.15'],
  ['optimal', '--law', 'kaplan2020', '--compute', '5.76e23'],
  ['optimal', '--target-loss', '1.5', '--inference-tokens', '2e13'],
  ['hyperparams', '--compute', '1e22'],
  ['hyperparams'],
  ['estimate', '--params', '7B', '--tokens', '4T', '--unique-tokens', '1T'],
  ['project', '--law', 'besiroglu2024', '--target-loss', '2.0', '--hardware', 'nvidia-h100-sxm5-80gb', '--count', '4096', '--samples', '2000', '--seed', '1'],
  ['project', '--law', 'besiroglu2024', '--budget-usd', '1e6..1e7', '--samples', '2000', '--seed', '1', '--json'],
  ['project', '--law', 'besiroglu2024', '--target-loss', 'abc'],
  ['main', '--help'],
  ['sweep', '--help'],
  ['sweep', 'no-such-spec.json'],
];

describe('CLI output diff (snapshot of a fixed set of commands)', () => {
  it('matches tests/snapshots/cli-output.txt', async () => {
    const out = COMMANDS.map((args) => {
      const r = runCli(args);
      return `$ scaling-lab ${args.join(' ')}\n[exit ${r.code}]\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
    })
      .join('\n')
      // wall times vary run to run: mask them
      .replace(/; [\d.]+ s\n/g, '; <seconds> s\n')
      .replace(/"seconds": [\d.e+-]+/g, '"seconds": "<seconds>"')
      // so is the machine's core count in --help defaults
      .replace(/one per core, here \d+/g, 'one per core, here <cores>');
    await expect(out).toMatchFileSnapshot('./snapshots/cli-output.txt');
  }, 240_000);
});
