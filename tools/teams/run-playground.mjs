#!/usr/bin/env node
/**
 * `npm run playground`: the Microsoft 365 Agents Playground (a Teams-like chat in the browser and a
 * mock Bot Connector, devDependency @microsoft/m365agentsplayground) talking to the advisor at
 * http://127.0.0.1:${PORT:-3978}/api/messages. Start the advisor first, without credentials:
 *
 *   TEAMS_LOCAL=1 npm start          # terminal 1
 *   npm run playground               # terminal 2, then open the URL it prints and type `start`
 *
 * Environment: PORT (the advisor's port, default 3978), PLAYGROUND_PORT (the playground's, default
 * 56150; a busy port is replaced by a free one). Ctrl-C stops it.
 *
 * Nothing leaves this machine (see playground-process.mjs). It runs the playground in a fresh
 * temporary folder (it writes devTools/ there) and removes the folder when it stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { freePort, LOOPBACK, playgroundCli, startPlayground } from './playground-process.mjs';

function fail(message) {
  process.stderr.write(`playground: ${message}\n`);
  process.exit(2);
}

function portFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`${name}="${raw}" is not a port number from 1 to 65535`);
  return port;
}

/** Whether something accepts connections at the advisor's address (a hint only; the playground still starts). */
function reachable(port) {
  return new Promise((resolve) => {
    const conn = connect({ host: LOOPBACK, port, timeout: 1000 });
    conn.once('connect', () => {
      conn.destroy();
      resolve(true);
    });
    conn.once('timeout', () => {
      conn.destroy();
      resolve(false);
    });
    conn.once('error', () => resolve(false));
  });
}

async function main() {
  const botPort = portFrom('PORT', 3978);
  const wanted = portFrom('PLAYGROUND_PORT', 56150);
  try {
    playgroundCli();
  } catch (err) {
    fail(err.message);
  }
  const port = await freePort(wanted);
  if (port === undefined) fail(`no free port on ${LOOPBACK} for the playground`);
  if (port !== wanted) process.stdout.write(`playground: port ${wanted} is busy, using ${port} (set PLAYGROUND_PORT to choose)\n`);

  const endpoint = `http://${LOOPBACK}:${botPort}/api/messages`;
  if (!(await reachable(botPort))) {
    process.stdout.write(`playground: nothing answers at ${endpoint} yet; start the advisor in another terminal with TEAMS_LOCAL=1 npm start\n`);
  }

  const workDir = mkdtempSync(join(tmpdir(), 'finetune-advisor-playground-'));
  const { child, listening } = startPlayground({
    endpoint,
    port,
    cwd: workDir,
    onStdout: (chunk) => process.stdout.write(chunk),
    onStderr: (chunk) => process.stderr.write(chunk),
  });
  listening.then(
    (got) =>
      process.stdout.write(
        ['', `Agents Playground is up on ${LOOPBACK} only, talking to the advisor at ${endpoint}.`, `Open http://${LOOPBACK}:${got} in a browser and type start (Ctrl-C stops it).`, ''].join('\n'),
      ),
    () => {}, // the exit handler below says why
  );

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
      setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 5000).unref();
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  child.on('error', (err) => {
    rmSync(workDir, { recursive: true, force: true });
    fail(`could not start the Agents Playground: ${err.message}`);
  });
  child.on('exit', (code, signal) => {
    rmSync(workDir, { recursive: true, force: true });
    if (stopping) {
      process.stdout.write('playground: stopped\n');
      process.exit(0);
    }
    process.stderr.write(`playground: the Agents Playground exited (${signal ?? `code ${code}`})\n`);
    process.exit(code ?? 1);
  });
}

await main();
