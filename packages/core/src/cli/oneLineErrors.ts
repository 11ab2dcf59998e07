/**
 * Commander's own errors (unknown option, missing option value, too many
 * arguments) as one line with the fix: commander puts its "(Did you mean …?)"
 * suggestion on a second line; this folds it into the first and points at the
 * command's --help. Exit code stays commander's (2, see cli/main.ts).
 */
import type { Command } from 'commander';

/** Formats commander's error text `str` for command `name` as one line. */
export function oneLineError(str: string, name: string): string {
  const [first = 'error', ...rest] = str.split('\n').map((s) => s.trim()).filter(Boolean);
  const hints = rest.map((r) => r.replace(/^\((.*)\)$/, '$1').replace(/^Did you/, 'did you'));
  const help = name === 'scaling-lab' ? 'scaling-lab --help' : `scaling-lab ${name} --help`;
  return `scaling-lab: ${first} (${[...hints, `see \`${help}\``].join(' ')})\n`;
}

/** Makes `cmd` print commander's errors with `oneLineError`. */
export function oneLineErrors(cmd: Command): Command {
  return cmd.configureOutput({ outputError: (str, write) => write(oneLineError(str, cmd.name())) });
}
