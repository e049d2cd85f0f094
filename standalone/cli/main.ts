/**
 * The `workflows` command for workflows-as-code:
 *   workflows validate <file-or-folder>... [--json] [--warnings]
 *   workflows run <file.yaml> [--inputs JSON] [--event FILE.json] [--dry-run] [--json]
 */
import { readFileSync } from 'node:fs';
import type { Logger } from '@kbn/core/server';
import { parseArgs } from './args';
import { runValidate } from './validate_command';
import { formatExecution, runWorkflowFile } from './run_command';

const USAGE = `usage:
  workflows validate <file-or-folder>... [--json] [--warnings]
  workflows run <file.yaml> [--inputs JSON] [--event FILE.json] [--dry-run] [--json]`;

const stderrLogger = (verbose: boolean): Logger => {
  const write = (level: string) => (message: string | Error) => process.stderr.write(`[${level}] ${message instanceof Error ? message.message : message}\n`);
  const quiet = () => undefined;
  const logger: Logger = {
    trace: quiet,
    debug: verbose ? write('debug') : quiet,
    info: verbose ? write('info') : quiet,
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    isLevelEnabled: () => verbose,
    get: () => logger,
  };
  return logger;
};

const parseJsonFlag = (value: string | true | undefined, what: string): Record<string, unknown> | undefined => {
  if (value === undefined) return undefined;
  if (value === true) throw new Error(`${what} needs a value`);
  try {
    const parsed = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed;
  } catch (error) {
    throw new Error(`${what} must be a JSON object: ${(error as Error).message}`);
  }
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, new Set(['inputs', 'event']));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'validate':
      return runValidate(args.positionals, { json: args.flags.has('json'), warnings: args.flags.has('warnings') }, out);
    case 'run': {
      const [file] = args.positionals;
      if (!file) throw new Error('run needs a workflow file');
      const eventFile = args.flags.get('event');
      const execution = await runWorkflowFile({
        file,
        inputs: parseJsonFlag(args.flags.get('inputs'), '--inputs'),
        event: typeof eventFile === 'string' ? parseJsonFlag(readFileSync(eventFile, 'utf8'), '--event') : undefined,
        dryRun: args.flags.has('dry-run'),
        logger: stderrLogger(args.flags.has('verbose')),
      });
      if (args.flags.has('json')) out(JSON.stringify(execution, null, 2));
      else formatExecution(execution).forEach(out);
      return execution.status === 'completed' ? 0 : 1;
    }
    default:
      process.stderr.write(`${command ? `unknown command "${command}"\n` : ''}${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
);
