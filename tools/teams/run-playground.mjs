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
 * Nothing leaves this machine:
 * - TEAMSAPPTESTER_BROWSER=none: it does not try to open a browser (which fails and exits here);
 * - APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --dt: no telemetry (without the variable its telemetry
 *   library still connects to 169.254.169.254 and looks names up, even with --dt);
 * - its server, which would listen on every interface, is held to 127.0.0.1 (a preloaded patch of
 *   net.Server#listen), and the mock connector URL the advisor replies to is http://127.0.0.1:N/_connector.
 * Plain JavaScript so it needs no build; it runs the playground in a fresh temporary folder (it
 * writes devTools/ there) and removes the folder when it stops.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';

const LOOPBACK = '127.0.0.1';

/** Binds every listen() that names no host to loopback; loaded into the playground with --import. */
const LOOPBACK_PATCH = `
import net from 'node:net';
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first] = args;
  if (args.length === 0 || typeof first === 'function') args.unshift(0, '${LOOPBACK}');
  else if ((typeof first === 'number' || (typeof first === 'string' && /^[0-9]+$/.test(first))) && typeof args[1] !== 'string') args.splice(1, 0, '${LOOPBACK}');
  else if (first && typeof first === 'object' && first.path === undefined && first.handle === undefined && first._handle === undefined && first.fd === undefined && first.host === undefined) args[0] = { ...first, host: '${LOOPBACK}' };
  return listen.apply(this, args);
};
`;

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

/** `port` if it is free on loopback, otherwise a free one the system picks. */
function freePort(port) {
  const tryListen = (p) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(p, LOOPBACK, () => {
        const got = server.address().port;
        server.close(() => resolve(got));
      });
    });
  return tryListen(port).then((got) => got ?? tryListen(0));
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

async function ping(port) {
  try {
    const res = await fetch(`http://${LOOPBACK}:${port}/_debug/ping`, { signal: AbortSignal.timeout(2000) });
    return (await res.text()).trim() === 'pong';
  } catch {
    return false;
  }
}

function playgroundCli() {
  const require = createRequire(import.meta.url);
  let manifestPath;
  try {
    manifestPath = require.resolve('@microsoft/m365agentsplayground/package.json');
  } catch {
    fail('@microsoft/m365agentsplayground is not installed; run npm install (it is a devDependency)');
  }
  const pkg = require(manifestPath);
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.agentsplayground;
  if (!bin) fail(`${manifestPath} names no agentsplayground binary`);
  return join(dirname(manifestPath), bin);
}

async function main() {
  const botPort = portFrom('PORT', 3978);
  const wanted = portFrom('PLAYGROUND_PORT', 56150);
  const cli = playgroundCli();
  const port = await freePort(wanted);
  if (port === undefined) fail(`no free port on ${LOOPBACK} for the playground`);
  if (port !== wanted) process.stdout.write(`playground: port ${wanted} is busy, using ${port} (set PLAYGROUND_PORT to choose)\n`);

  const endpoint = `http://${LOOPBACK}:${botPort}/api/messages`;
  if (!(await reachable(botPort))) {
    process.stdout.write(`playground: nothing answers at ${endpoint} yet; start the advisor in another terminal with TEAMS_LOCAL=1 npm start\n`);
  }

  const workDir = mkdtempSync(join(tmpdir(), 'finetune-advisor-playground-'));
  const child = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(LOOPBACK_PATCH)}`, cli, '-e', endpoint, '-c', 'msteams', '--dt', '-p', String(port), '--su', `http://${LOOPBACK}:${port}/_connector`],
    {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  let announced = false;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (announced) return;
    buffered += chunk.toString();
    const match = /Listening on (\d+)/.exec(buffered);
    if (!match) return;
    announced = true;
    const listening = Number(match[1]);
    void (async () => {
      for (let i = 0; i < 20 && !(await ping(listening)); i += 1) await new Promise((r) => setTimeout(r, 250));
      process.stdout.write(
        ['', `Agents Playground is up on ${LOOPBACK} only, talking to the advisor at ${endpoint}.`, `Open http://${LOOPBACK}:${listening} in a browser and type start (Ctrl-C stops it).`, ''].join(
          '\n',
        ),
      );
    })();
  });
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));

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
    fail(`could not start ${cli}: ${err.message}`);
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
