#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that stops early (`| head -1`) closes the pipe: there is no one left to tell, so leave
// quietly, as Unix tools do. A closed stderr is no reason to stop either; the exit code still tells.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});
process.stderr.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  today: () => new Date().toISOString().slice(0, 10),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
});
