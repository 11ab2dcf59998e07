// Sweep hardening through the CLI with the fake trainer: orphaned workers exit at once even when
// their training loop never yields to the event loop; a full disk (fault-injected at the results
// file's write) stops the sweep cleanly with a valid file and one message; the expected duration
// is printed before anything runs; impossible specs are refused before training.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, childPids, fakeTrainer, fileLines, startCli, waitFor } from './sweep-helpers.js';

const spec = 'tests/sweep-fixtures/tiny-sweep.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'sweep-hardening-'));

describe('sweep hardening', () => {
  it('workers whose training never yields (busy steps) exit within 2 s of their parent being SIGKILLed (8 s before the ppid check)', async () => {
    const out = join(tmp(), 'r.jsonl');
    // 400 ms busy steps: each run (10–20 steps) lasts 4–8 s, and the loop awaits only microtasks, so the
    // event loop never sees the IPC channel close until the run ends.
    const cli = startCli(['sweep', spec, '--out', out, '--workers', '2', '--plain'], { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_BUSY: '1', FAKE_STEP_MS: '400' });
    await waitFor(() => childPids(cli.child.pid!).length === 2 && /start|run/.test(cli.err()), 30_000, 'two workers training');
    await new Promise((r) => setTimeout(r, 1000));
    const workers = childPids(cli.child.pid!);
    const t0 = Date.now();
    cli.child.kill('SIGKILL');
    await cli.exit;
    await waitFor(() => workers.every((p) => !alive(p)), 10_000, 'orphaned workers to exit');
    const seconds = (Date.now() - t0) / 1000;
    // Before the fix (checking only process.connected) they trained on until their run ended: 3–7 s here.
    expect(seconds).toBeLessThan(2);
  });

  it('a full disk mid-sweep: exit 1, one line saying what happened, the file holds only whole records, a rerun resumes', async () => {
    const out = join(tmp(), 'r.jsonl');
    const env = { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_STEP_MS: '1' };
    // Room for about one record (a fake record is ~1–2 kB), then ENOSPC part-way through the next.
    const first = startCli(['sweep', spec, '--out', out, '--workers', '2', '--plain'], { ...env, SCALING_LAB_FAULT_DISK_FULL_AFTER: '2500' });
    expect(await first.exit).toBe(1);
    expect(first.err()).toMatch(/sweep: stopped: could not write a record to .*r\.jsonl \(ENOSPC: the disk is full\); the file was cut back to its last whole record and holds \d+ valid run\(s\)/);
    expect(first.err()).not.toMatch(/\n\s+at /);
    const lines = fileLines(out);
    for (const l of lines) JSON.parse(l); // throws on a torn line
    expect(lines.length).toBeLessThan(12);
    const again = startCli(['sweep', spec, '--out', out, '--workers', '2', '--json'], env);
    expect(await again.exit).toBe(0);
    expect(fileLines(out)).toHaveLength(12);
  });

  it('prints the expected duration before starting, and refuses a sweep over --max-hours before training', async () => {
    const dir = tmp();
    const ok = startCli(['sweep', spec, '--out', join(dir, 'a.jsonl'), '--workers', '1', '--plain'], { SCALING_LAB_SWEEP_TRAINER: fakeTrainer, FAKE_STEP_MS: '1' });
    expect(await ok.exit).toBe(0);
    expect(ok.err()).toMatch(/^sweep: 12 run\(s\) expected to take about .* on 1 worker\(s\) \(WASM throughput measured/m);
    const big = startCli(['sweep', 'sweeps/moby-isoflop.json', '--out', join(dir, 'b.jsonl'), '--workers', '1', '--max-hours', '0.01']);
    expect(await big.exit).toBe(2);
    expect(big.err()).toMatch(/--max-hours: the sweep would take about .*, over the limit of 0\.01 h/);
    expect(fileLines(join(dir, 'b.jsonl'))).toHaveLength(0);
  });

  it('--out that is a folder fails before training, naming --out', async () => {
    const dir = tmp();
    const r = startCli(['sweep', spec, '--out', dir]);
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/--out: ".*" is a folder, not a file/);
  });

  it('a spec whose budget would never end is refused with the field named', async () => {
    const dir = tmp();
    const s = JSON.parse(readFileSync('sweeps/quick.json', 'utf8'));
    s.budgets[0].flops = 1e30;
    const p = join(dir, 'huge.json');
    writeFileSync(p, JSON.stringify(s));
    const r = startCli(['sweep', p, '--dry-run']);
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/budgets\[0\]\.models\[0\]: model "[^"]+" would get .* above maxSteps 1000000/);
  });
});
