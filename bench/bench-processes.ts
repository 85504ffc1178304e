/**
 * Servers under benchmark, each a process of its own so its CPU is its own: the load generator
 * and the fake Slack stay in the benchmark's process. Resident memory and CPU time are read from
 * /proc, so every figure is the server's alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIGNING_SECRET } from '../tools/slack/slack-payloads.js';

export interface Child {
  url: string;
  port: number;
  pid: number;
  /** Resident memory now, in MB. */
  rssMb(): number;
  /** CPU time used so far (user and system, every thread), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

const MS_PER_CLOCK_TICK = 10; // USER_HZ is 100 on Linux

/** CPU time (user and system) in ms of the process whose /proc/<pid>/stat text this is. */
function cpuMsOfStat(stat: string): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK;
}

/** CPU time used so far by every PostgreSQL server process on this machine (its backends and workers), in ms. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) total += cpuMsOfStat(stat);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Starts `script` (relative to this file) and waits for the {"port":N} it prints once listening. */
export async function spawnServer(script: string, flags: string[], env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, [...flags, fileURLToPath(new URL(script, import.meta.url))], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const found = /"port":(\d+)/.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
  // Its log goes on to a pipe that is read and dropped, as a deployment's log shipper would read it.
  child.stdout!.removeAllListeners('data').resume();
  const proc = (file: string) => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(proc('status'))?.[1] ?? 0) / 1024,
    cpuMs: () => cpuMsOfStat(proc('stat')),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The Node flags `npm start` runs the server with (its heap limits), read from package.json: the one place they are set. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  return /node ((?:--\S+ )*)dist\/adapters\/server\.js/.exec(pkg.scripts.start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

/** The advisor as `npm start` runs it (same flags), on SQLite or a PostgreSQL database, with any other settings given. */
export function startAdvisor(slackApi: string, databaseUrl?: string, settings: Record<string, string> = {}): Promise<Child> {
  return spawnServer('../adapters/server.js', startFlags(), {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info', // as run by default
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slackApi,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'advisor-bench-')), 'advisor.db'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...settings,
  });
}
