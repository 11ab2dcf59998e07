// The fake trainer (tests/sweep-fixtures/fake-trainer.mjs) plus a log of every
// training start and finish (TRAIN_LOG: one "start|done <runKey> <pid> <ms>" line
// each, appended with O_APPEND), so queue tests can count how often each run
// was trained, and two ways to fail like a trainer reports an error:
// - FAIL_DMODEL=24: every run of that width fails ("loss diverged to NaN");
// - FAIL_ONCE_DMODEL=16 with FAIL_ONCE_DIR: the first try of each such run fails;
// and one way to crash: CRASH_ONCE_DMODEL=24 with CRASH_ONCE_DIR: the first try of each
// such run SIGKILLs its own training process (as the kernel's out-of-memory killer would).
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainRun as fake } from '../sweep-fixtures/fake-trainer.mjs';

const log = (what, spec) => {
  if (process.env.TRAIN_LOG) appendFileSync(process.env.TRAIN_LOG, `${what} ${spec.id} ${process.pid} ${Date.now()}\n`);
};

export async function trainRun(spec, opts = {}) {
  log('start', spec);
  if (process.env.FAIL_DMODEL && spec.model.dModel === Number(process.env.FAIL_DMODEL)) {
    throw new Error('training loss diverged to NaN at step 3');
  }
  if (process.env.FAIL_ONCE_DIR && spec.model.dModel === Number(process.env.FAIL_ONCE_DMODEL)) {
    const marker = join(process.env.FAIL_ONCE_DIR, spec.id);
    if (!existsSync(marker)) {
      writeFileSync(marker, 'failed once\n');
      throw new Error('transient failure (first try)');
    }
  }
  if (process.env.CRASH_ONCE_DIR && spec.model.dModel === Number(process.env.CRASH_ONCE_DMODEL)) {
    const marker = join(process.env.CRASH_ONCE_DIR, `crash-${spec.id}`);
    if (!existsSync(marker)) {
      writeFileSync(marker, 'crashed once\n');
      process.kill(process.pid, 'SIGKILL');
    }
  }
  const result = await fake(spec, opts);
  log('done', spec);
  return result;
}
