/**
 * Starting the Microsoft 365 Agents Playground (devDependency @microsoft/m365agentsplayground) so
 * that nothing leaves this machine; used by `npm run playground` and `npm run look`.
 * - TEAMSAPPTESTER_BROWSER=none: it does not try to open a browser (which fails and exits here);
 * - APPLICATION_INSIGHTS_NO_STATSBEAT=1 and --dt: no telemetry (without the variable its telemetry
 *   library still connects to 169.254.169.254 and looks names up, even with --dt);
 * - its server, which would listen on every interface, is held to 127.0.0.1 (a preloaded patch of
 *   net.Server#listen), and the mock connector URL the bot replies to is http://127.0.0.1:N/_connector.
 * Plain JavaScript so it needs no build.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import process from 'node:process';

export const LOOPBACK = '127.0.0.1';

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

/** `port` if it is free on loopback (0: any), otherwise a free one the system picks; undefined when none is. */
export function freePort(port) {
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

/** Whether the playground at `port` answers its readiness check. */
export async function ping(port) {
  try {
    const res = await fetch(`http://${LOOPBACK}:${port}/_debug/ping`, { signal: AbortSignal.timeout(2000) });
    return (await res.text()).trim() === 'pong';
  } catch {
    return false;
  }
}

/** The path of the playground's command-line script; throws, saying how to fix it, when the package is missing. */
export function playgroundCli() {
  const require = createRequire(import.meta.url);
  let manifestPath;
  try {
    manifestPath = require.resolve('@microsoft/m365agentsplayground/package.json');
  } catch {
    throw new Error('@microsoft/m365agentsplayground is not installed; run npm install (it is a devDependency)');
  }
  const pkg = require(manifestPath);
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.agentsplayground;
  if (!bin) throw new Error(`${manifestPath} names no agentsplayground binary`);
  return join(dirname(manifestPath), bin);
}

/**
 * Starts the playground in `cwd` (it writes devTools/ there) for the bot at `endpoint`, asking for
 * `port`. `listening` resolves to the port it really took (it silently picks another when that one
 * is busy) once it answers its ping, and rejects when it exits before that.
 */
export function startPlayground({ endpoint, port, cwd, onStdout, onStderr }) {
  const cli = playgroundCli();
  const child = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(LOOPBACK_PATCH)}`, cli, '-e', endpoint, '-c', 'msteams', '--dt', '-p', String(port), '--su', `http://${LOOPBACK}:${port}/_connector`],
    { cwd, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const listening = new Promise((resolve, reject) => {
    let buffered = '';
    let found = false;
    child.stdout.on('data', (chunk) => {
      onStdout?.(chunk);
      if (found) return;
      buffered += chunk.toString();
      const match = /Listening on (\d+)/.exec(buffered);
      if (!match) return;
      found = true;
      const got = Number(match[1]);
      void (async () => {
        for (let i = 0; i < 40 && !(await ping(got)); i += 1) await new Promise((r) => setTimeout(r, 250));
        resolve(got);
      })();
    });
    child.stderr.on('data', (chunk) => onStderr?.(chunk));
    child.once('error', (err) => reject(new Error(`could not start ${cli}: ${err.message}`)));
    child.once('exit', (code, signal) => reject(new Error(`the Agents Playground exited (${signal ?? `code ${code}`}) before it was ready`)));
  });
  listening.catch(() => {}); // a caller that stops waiting must not leave an unhandled rejection
  return { child, listening };
}
