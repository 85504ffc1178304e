/**
 * Cold start: `npm start` (the build current, so nothing is compiled) until /healthz answers,
 * Slack and Teams both on, beside a bare Bolt app until it listens. Each start is a new process
 * on a new database; the median of five is printed. Asserts nothing. Part of `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SIGNING_SECRET } from '../tools/slack/slack-payloads.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;

/** Milliseconds from spawning `command` until `ready(port)` is true, the port read from its {"port":N}; then stops it. */
async function timeToReady(command: string, args: string[], env: Record<string, string>, ready: (port: number) => Promise<boolean>): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        const found = /"port":(\d+)/.exec(out);
        if (found) resolve(Number(found[1]));
      });
      child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${out}`)));
    });
    while (!(await ready(port))) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    // npm runs the server as its child: the whole group is stopped.
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const healthy = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runStartBench(): Promise<void> {
  const advisorEnv = () => ({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    TEAMS_LOCAL: '1',
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'advisor-start-')), 'advisor.db'),
  });
  const bare: number[] = [];
  const advisor: number[] = [];
  // One start first, unmeasured: it fills the compile cache as any first start after a build does.
  await timeToReady('npm', ['start', '--silent'], advisorEnv(), healthy);
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeToReady(process.execPath, [join(ROOT, 'dist/bench/bare-bolt-server.js')], { SLACK_API_URL: 'http://127.0.0.1:9/api/' }, async () => true));
    advisor.push(await timeToReady('npm', ['start', '--silent'], advisorEnv(), healthy));
  }
  console.log(`\nstart: to healthy, median of ${RUNS} (node ${process.version})`);
  console.log(`bare Bolt app, node to listening          ${median(bare).toFixed(0).padStart(6)} ms`);
  console.log(`finetune-advisor, npm start to /healthz   ${median(advisor).toFixed(0).padStart(6)} ms (Slack and Teams on; goal at most 1,500 ms)`);
}
