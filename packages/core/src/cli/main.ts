#!/usr/bin/env node
/**
 * The `scaling-lab` command line. Each command lives in its own module and
 * registers itself here; bad input exits with code 2 and a one-line message.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { fail } from './util.js';
import { oneLineErrors } from './oneLineErrors.js';
// Command modules (one line each; keep sorted by command name).
import { registerEstimate } from './estimate.js';
import { registerFit } from './fit.js';
import { registerFitEpochs } from './fitEpochs.js';
import { registerHyperparams } from './hyperparams.js';
import { registerLaws } from './laws.js';
import { registerOptimal } from './optimal.js';
import { registerProject } from './project.js';
import { registerReference } from './reference.js';
import { registerMainJob } from './main-job.js';
import { registerSweep } from './sweep.js';
import { registerWorker } from './worker.js';
import { registerQueue } from './queue.js';

const program = new Command('scaling-lab')
  .description('Scaling laws, training cost, time, energy and carbon for AI models')
  // The version users installed: read from the package's own package.json (dist/cli → ../../).
  .version((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version, '-V, --version', 'print the version of @scaling-lab/core')
  .exitOverride();
// Commander's own errors on one line; subcommands registered below inherit this.
oneLineErrors(program);

// registrations (one line each)
registerEstimate(program);
registerFit(program);
registerFitEpochs(program);
registerHyperparams(program);
registerLaws(program);
registerOptimal(program);
registerProject(program);
registerReference(program);
registerMainJob(program);
registerSweep(program);
registerWorker(program);
registerQueue(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') process.exit(0);
    // commander already printed its one-line message
    process.exit(2);
  }
  fail(err);
}
