import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../adapters/cli/run-cli.js';

export const AS_OF = '2026-11-23';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, typing `lines` at the terminal, and collects what it printed. */
export async function runCliWith(args: string[], options: { lines?: string[]; env?: Record<string, string> } = {}): Promise<CliRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end((options.lines ?? []).map((l) => `${l}\n`).join(''));
  const code = await runCli(args, { stdin, stdout, stderr, env: options.env ?? {}, today: () => AS_OF });
  return { code, stdout: out, stderr: err };
}

/** Writes a JSON (or raw text) file into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'finetune-advisor-'));
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
