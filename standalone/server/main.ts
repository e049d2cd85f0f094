/*
 * `npm start` / `node build/server/host.cjs`: parses flags and environment, starts the host,
 * tells the user where it runs and how to log in, and stops gracefully on SIGINT/SIGTERM.
 */
import { relative } from 'node:path';
import { parseCommandLine, USAGE, type CommandLine } from './config';
import { startHost, type RunningHost } from './host';

function loginHint(host: RunningHost): string {
  const { credentials } = host;
  const file = credentials.file ? relative(process.cwd(), credentials.file) || credentials.file : '';
  if (credentials.source === 'generated') {
    const rule = '*'.repeat(72);
    return [
      rule,
      `  First start: a password was generated for the user "${credentials.username}".`,
      '',
      `      username: ${credentials.username}`,
      `      password: ${credentials.password}`,
      '',
      `  It is saved in ${file} (readable only by you) and is not shown again.`,
      '  Set WORKFLOWS_USERNAME and WORKFLOWS_PASSWORD to choose your own.',
      rule,
    ].join('\n');
  }
  if (credentials.source === 'stored') return `Log in as "${credentials.username}"; the password is in ${file}.`;
  return `Log in as "${credentials.username}" with the configured password.`;
}

/** Reachable from a browser on this machine: loopback and wildcard addresses read better as `localhost`. */
function browserUrl(host: RunningHost): string {
  const { hostname } = new URL(host.url);
  const local = ['127.0.0.1', '[::1]', 'localhost'].includes(hostname);
  return `http://${local ? 'localhost' : hostname}:${host.port}${host.appPath}`;
}

async function main(): Promise<void> {
  let commandLine: CommandLine;
  try {
    commandLine = parseCommandLine(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (commandLine.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const host = await startHost(commandLine.options);
  process.stdout.write(`\nWorkflows for Kibana is ready at ${browserUrl(host)}\n${loginHint(host)}\n\n`);

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": skip the graceful part.
    if (signalled) process.exit(1);
    signalled = true;
    process.stdout.write(`Received ${signal}; stopping (press Ctrl-C again to force)\n`);
    host.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`Stopping failed: ${error.stack ?? error.message}\n`);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`Workflows for Kibana failed to start: ${error.message}\n`);
  process.exit(1);
});
