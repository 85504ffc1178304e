#!/usr/bin/env node
/**
 * `npm run look`: drives three fixed interviews (look-scenarios.mjs) through the Microsoft 365
 * Agents Playground in headless Chromium and writes screenshots of each one's first question
 * card, "Here is what I understood" card, verdict card and assumptions card, at phone width and at
 * desktop width, to look/ (e.g. look/fine-tuning-verdict-narrow.png). Everything runs on
 * 127.0.0.1: the advisor (built dist/, TEAMS_LOCAL=1, a temporary SQLite file, no model reader),
 * the Playground (see playground-process.mjs) and a Chromium that resolves no other host.
 *
 * The Playground's chat does not reflow below about 800 px, so "narrow" holds each card to the
 * width a card gets on a 390 px phone (the viewport less 16 px a side) with the avatars hidden;
 * "wide" is the Playground as it is at 1280 px. Environment: CHROMIUM_PATH (default
 * /usr/bin/chromium), LOOK_TIMEOUT_SECONDS (default 300: the whole run stops, cleaned up, after it).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { SCENARIOS } from './look-scenarios.mjs';
import { freePort, LOOPBACK, startPlayground } from './playground-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'look');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WIDTHS = { narrow: { width: 390, height: 844 }, wide: { width: 1280, height: 900 } };
const CARDS = ['question', 'understood', 'verdict', 'assumptions'];
const STEP_MS = 30_000;

/** Applied under html.look-narrow only: hides the avatars and holds every card to the phone's width less 16 px a side. */
const NARROW_CSS = `
html.look-narrow div { min-width: 0 !important; }
html.look-narrow div:has(> .fui-Avatar) { display: none !important; }
html.look-narrow div:has(> div > .fai-OutputCard) { margin: 0 !important; }
html.look-narrow .fai-OutputCard { padding-left: 0 !important; padding-right: 0 !important; }
html.look-narrow div:has(> .ac-preview-panel) { width: calc(100vw - 32px) !important; }
html.look-narrow .ac-preview-panel { width: 100% !important; }`;

const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) await step().catch(() => {});
  })();
  return cleaning;
}
let failing = false;
async function fail(message, code = 1) {
  // The first failure speaks and exits; what breaks while it cleans up (a page it closed) is not news.
  if (failing) return new Promise(() => {});
  failing = true;
  process.stderr.write(`look: ${message}\n`);
  await cleanup();
  process.exit(code);
}

/** Stops a child we started, by its handle: SIGTERM, then SIGKILL after 5 s. */
function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function loadChromium() {
  if (!existsSync(CHROMIUM)) await fail(`no Chromium at ${CHROMIUM}; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`, 2);
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    return fail('playwright-core is not installed; run npm install (it is a devDependency)', 2);
  }
}

/** The advisor from dist/, Teams in local mode on loopback, on a fresh SQLite file; its log goes to dir/advisor.log. */
async function startAdvisor(dir) {
  const server = join(root, 'dist/adapters/server.js');
  if (!existsSync(server)) await fail(`${relative(root, server)} is missing; run npm run build`, 2);
  const port = await freePort(0);
  const log = join(dir, 'advisor.log');
  const env = { PATH: process.env.PATH, HOME: dir, TEAMS_LOCAL: '1', HOST: LOOPBACK, PORT: String(port), DATABASE_PATH: join(dir, 'advisor.db'), LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [server], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  cleanups.push(() => stopChild(child));
  const tail = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '');
  for (let i = 0; i < 80; i += 1) {
    if (child.exitCode !== null) await fail(`the advisor exited (code ${child.exitCode}) at start:\n${tail()}`);
    try {
      const health = await (await fetch(`http://${LOOPBACK}:${port}/healthz`, { signal: AbortSignal.timeout(1000) })).json();
      if (health.platforms?.teams === 'local') return `http://${LOOPBACK}:${port}/api/messages`;
      await fail(`the advisor started without Teams in local mode: ${JSON.stringify(health)}`);
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return fail(`the advisor did not answer /healthz within 20 s:\n${tail()}`);
}

/** What the run is doing, on stderr: stdout is the list of screenshots. */
function progress(line) {
  process.stderr.write(`look: ${line}\n`);
}

async function waitFor(what, check, ms = STEP_MS) {
  const until = Date.now() + ms;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The chat's message cards as { index, text, buttons }: the text as shown, one line per block, to match questions and quote in errors. */
function readCards(page) {
  return page.locator('.fai-OutputCard').evaluateAll((cards) =>
    cards.map((c, index) => ({
      index,
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text keeps the card's line breaks
      text: c.innerText.trim(),
      buttons: [...c.querySelectorAll('button')].map((b) => b.textContent.trim()),
    })),
  );
}

/** Waits for the bot to post something new, then for the chat to stay still for a moment. */
async function afterReply(page, before, what) {
  await waitFor(what, async () => (await readCards(page)).length > before);
  let last = '';
  await waitFor(`${what} to settle`, async () => {
    const now = JSON.stringify(await readCards(page));
    const still = now === last;
    last = now;
    if (!still) await page.waitForTimeout(500);
    return still;
  });
  return readCards(page);
}

async function say(page, text) {
  const box = page.locator('[contenteditable=true][data-lexical-editor=true]');
  await box.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function clickButton(page, cardIndex, label) {
  await page.locator('.fai-OutputCard').nth(cardIndex).locator('button').filter({ hasText: label }).first().click();
}

/** Screenshots the Adaptive Card inside message card `index` at both widths; returns the files. */
async function shoot(page, index, name) {
  const files = [];
  for (const [width, viewport] of Object.entries(WIDTHS)) {
    await page.setViewportSize(viewport);
    await page.evaluate((narrow) => document.documentElement.classList.toggle('look-narrow', narrow), width === 'narrow');
    const card = page.locator('.fai-OutputCard').nth(index).locator('.ac-adaptiveCard').first();
    await page.waitForTimeout(300);
    // The chat scrolls inside a panel, so a card taller than the window would be cut: grow the window to fit it.
    const box = await card.boundingBox();
    if (!box) throw new Error(`the ${name} card has no Adaptive Card to photograph`);
    if (box.height + 200 > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(box.height) + 200, 16000) });
    // The chat may still be scrolling to a card just posted: a card that won't hold still is tried again.
    for (let tries = 1; ; tries += 1) {
      const still = await card.scrollIntoViewIfNeeded({ timeout: 5_000 }).then(
        () => true,
        (err) => (tries < 4 ? false : Promise.reject(err)),
      );
      if (still) break;
      await page.waitForTimeout(1_000);
    }
    await page.waitForTimeout(300);
    const file = join(OUT, `${name}-${width}.png`);
    await card.screenshot({ path: file });
    files.push(file);
  }
  await page.setViewportSize(WIDTHS.wide);
  return files;
}

/**
 * "Try other numbers" on the verdict card: its form, then the verdict worked out again, each
 * shown in place of the card (to the clicker alone, as Teams does with an invoke's answer).
 */
async function tryOtherNumbers(page, index, scenario) {
  const cardText = async () => (await readCards(page))[index]?.text ?? '';
  await clickButton(page, index, 'Try other numbers');
  await waitFor(`the "Try other numbers" form of "${scenario.name}"`, async () => (await cardText()).startsWith('Try other numbers'));
  const form = await shoot(page, index, `${scenario.name}-what-if-form`);
  const card = page.locator('.fai-OutputCard').nth(index);
  for (const [label, value] of Object.entries(scenario.whatIf)) await card.getByLabel(label).fill(value);
  await clickButton(page, index, 'Show the verdict');
  await waitFor(`the verdict tried with other numbers of "${scenario.name}"`, async () => (await cardText()).startsWith('What if'));
  progress(
    `${scenario.name}: ${(await cardText()).split('\n')[0]} (${Object.entries(scenario.whatIf)
      .map(([l, v]) => `${l} ${v}`)
      .join(', ')})`,
  );
  return { 'what-if-form': form, 'what-if': await shoot(page, index, `${scenario.name}-what-if`) };
}

/** One interview from its sentence to the assumptions card; returns the screenshots and the cards it could not find. */
async function runScenario(page, scenario) {
  const shots = {};
  progress(`${scenario.name}: finetune-advisor ${scenario.task}`);
  const start = (await readCards(page)).length;
  let cards = await (async () => {
    await say(page, `finetune-advisor ${scenario.task}`);
    return afterReply(page, start, `the advisor to answer "${scenario.name}"`);
  })();
  const understood = cards.slice(start).find((c) => c.text.startsWith('Here is what I understood'));
  if (understood) shots.understood = await shoot(page, understood.index, `${scenario.name}-understood`);
  let sameQuestion = 0;
  let previous = '';
  let questionChosen = false;
  for (let turn = 0; turn < 30; turn += 1) {
    const mine = cards.slice(start);
    const verdict = mine.find((c) => /^Verdict\b/.test(c.text));
    if (verdict) {
      shots.verdict = await shoot(page, verdict.index, `${scenario.name}-verdict`);
      const show = verdict.buttons.find((b) => /assumptions/i.test(b));
      if (!show) throw new Error(`${scenario.name}: the verdict card has no assumptions button (its buttons: ${verdict.buttons.join(', ') || 'none'})`);
      await clickButton(page, verdict.index, show);
      cards = await afterReply(page, cards.length, `the assumptions card of "${scenario.name}"`);
      const assumptions = cards.slice(start).find((c) => c.text.startsWith('Assumptions'));
      if (assumptions) shots.assumptions = await shoot(page, assumptions.index, `${scenario.name}-assumptions`);
      progress(`${scenario.name}: ${verdict.text.split('\n')[0]}`);
      if (scenario.whatIf) Object.assign(shots, await tryOtherNumbers(page, verdict.index, scenario));
      return shots;
    }
    const open = mine.filter((c) => /^Question \d+/.test(c.text) && c.buttons.length).pop();
    if (!open) throw new Error(`${scenario.name}: no open question and no verdict; the last card says:\n${mine.at(-1)?.text ?? '(nothing)'}`);
    // The scenario's chosen question when it comes, else the first one asked.
    const chosen = scenario.question?.test(open.text) ?? false;
    if (!shots.question || (chosen && !questionChosen)) {
      shots.question = await shoot(page, open.index, `${scenario.name}-question`);
      questionChosen = chosen;
    }
    sameQuestion = open.text === previous ? sameQuestion + 1 : 0;
    if (sameQuestion >= 2) throw new Error(`${scenario.name}: the advisor keeps asking the same question:\n${open.text}\nlast reply: ${mine.at(-1)?.text}`);
    previous = open.text;
    const answer = scenario.answers.find(([pattern]) => pattern.test(open.text))?.[1] ?? { skip: true };
    const skip = open.buttons.find((b) => b.startsWith('Skip'));
    if (answer.choose && open.buttons.includes(answer.choose)) await clickButton(page, open.index, answer.choose);
    else if (answer.skip && skip) await clickButton(page, open.index, skip);
    else if (answer.skip) throw new Error(`${scenario.name}: no answer prepared for a question that can't be skipped:\n${open.text}`);
    else await say(page, answer.type ?? answer.choose);
    const prompt = open.text.split('\n').filter(Boolean).slice(1, 2).join('');
    progress(`${scenario.name}: ${prompt} ${answer.skip ? '(skipped)' : (answer.type ?? answer.choose)}`);
    cards = await afterReply(page, cards.length, `the advisor to take the answer to "${open.text.split('\n').slice(0, 3).join(' ')}"`);
  }
  throw new Error(`${scenario.name}: no verdict after 30 answers`);
}

async function main() {
  const seconds = Number(process.env.LOOK_TIMEOUT_SECONDS || 300);
  if (!Number.isFinite(seconds) || seconds <= 0) await fail(`LOOK_TIMEOUT_SECONDS="${process.env.LOOK_TIMEOUT_SECONDS}" is not a positive number of seconds`, 2);
  setTimeout(() => void fail(`stopped after ${seconds} s (LOOK_TIMEOUT_SECONDS); the screenshots written so far are in ${relative(process.cwd(), OUT) || '.'}`), seconds * 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void fail(`stopped by ${signal}`, 130));

  const chromium = await loadChromium();
  const dir = mkdtempSync(join(tmpdir(), 'finetune-advisor-look-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const endpoint = await startAdvisor(dir);

  mkdirSync(join(dir, 'playground'));
  const playground = startPlayground({ endpoint, port: await freePort(0), cwd: join(dir, 'playground') });
  cleanups.push(() => stopChild(playground.child));
  const port = await playground.listening.catch((err) => fail(err.message));

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Our own handlers close it, after the rest: Playwright's would exit the process before the children are stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: WIDTHS.wide });
  // Belt and braces beside the resolver rules: the page's requests for web fonts and the like end here.
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`http://${LOOPBACK}:${port}`, { waitUntil: 'load' });
  await page.addStyleTag({ content: NARROW_CSS });
  await waitFor('the Playground chat to show the advisor', async () => (await readCards(page)).length > 0);
  const hide = page.locator('button[title="Hide log panel"]');
  if (await hide.isVisible()) await hide.click();

  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (file.endsWith('.png')) rmSync(join(OUT, file));
  const written = [];
  const missing = [];
  for (const scenario of SCENARIOS) {
    const shots = await runScenario(page, scenario);
    for (const card of [...CARDS, ...(scenario.whatIf ? ['what-if-form', 'what-if'] : [])]) {
      if (shots[card]) written.push(...shots[card]);
      else missing.push(`${scenario.name}: no ${card} card`);
    }
  }
  process.stdout.write(`${written.map((f) => relative(process.cwd(), f)).join('\n')}\n`);
  if (missing.length) await fail(`some cards were not shown:\n${missing.join('\n')}`);
  await cleanup();
  process.exit(0); // the run's timer would otherwise keep the process waiting
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
