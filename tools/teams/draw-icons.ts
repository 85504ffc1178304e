/**
 * Draws the Teams app icons committed in manifests/teams/ (dev-only: pngjs is a devDependency, and
 * `finetune-advisor package teams` copies the committed PNGs, it never draws them).
 *
 *   color.png    192x192, the mark in light grey and sky blue on a slate #1F2937 square
 *   outline.png  32x32, the same mark in opaque white on a fully transparent background
 *                (Teams wants white and transparent only, so its pixels are never half-covered)
 *
 * The mark is a fork: one stem that splits into two branches, the choice between keeping the prompt
 * and fine-tuning; the color icon puts a blue dot on the fine-tuning branch.
 *
 * Re-draw them with:
 *   npx tsc -p tsconfig.build.json && node dist/tools/teams/draw-icons.js [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];

interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

/** The fork in a unit square (0..1 both ways, y down): stem from the bottom, branches to the upper corners. */
const JOINT = { x: 0.5, y: 0.52 };
const FORK: readonly Segment[] = [
  { ax: 0.5, ay: 0.82, bx: JOINT.x, by: JOINT.y },
  { ax: JOINT.x, ay: JOINT.y, bx: 0.27, by: 0.22 },
  { ax: JOINT.x, ay: JOINT.y, bx: 0.73, by: 0.22 },
];
const DOT = { x: 0.73, y: 0.22 };

const SLATE: Rgb = [0x1f, 0x29, 0x37];
const LIGHT: Rgb = [0xe5, 0xe7, 0xeb];
const SKY: Rgb = [0x38, 0xbd, 0xf8];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function distanceToSegment(px: number, py: number, s: Segment): number {
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  const t = Math.max(0, Math.min(1, ((px - s.ax) * dx + (py - s.ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (s.ax + t * dx), py - (s.ay + t * dy));
}

/** Whether a point of the unit square lies on the fork, drawn with round caps `halfWidth` thick each side. */
function onFork(x: number, y: number, halfWidth: number): boolean {
  return FORK.some((s) => distanceToSegment(x, y, s) <= halfWidth);
}

function onDot(x: number, y: number, radius: number): boolean {
  return Math.hypot(x - DOT.x, y - DOT.y) <= radius;
}

/** The share (0..1) of a pixel that `inside` covers, from an n-by-n grid of samples. */
function coverage(px: number, py: number, size: number, inside: (x: number, y: number) => boolean, n = 4): number {
  let hits = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if (inside((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)) hits += 1;
    }
  }
  return hits / (n * n);
}

const mix = (under: Rgb, over: Rgb, share: number): Rgb => [0, 1, 2].map((k) => Math.round(under[k]! * (1 - share) + over[k]! * share)) as unknown as Rgb;

function setPixel(png: PNG, x: number, y: number, [r, g, b]: Rgb, a: number): void {
  const at = (y * png.width + x) * 4;
  png.data[at] = r;
  png.data[at + 1] = g;
  png.data[at + 2] = b;
  png.data[at + 3] = a;
}

/** 192x192, opaque: the slate square, the fork in light grey, a blue dot on the right branch. */
export function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let rgb = mix(
        SLATE,
        LIGHT,
        coverage(x, y, size, (u, v) => onFork(u, v, 0.055)),
      );
      rgb = mix(
        rgb,
        SKY,
        coverage(x, y, size, (u, v) => onDot(u, v, 0.1)),
      );
      setPixel(png, x, y, rgb, 255);
    }
  }
  return png;
}

/** 32x32: the fork (and dot) in opaque white; everything else fully transparent. No partial alpha. */
export function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const share = coverage(x, y, size, (u, v) => onFork(u, v, 0.075) || onDot(u, v, 0.11));
      setPixel(png, x, y, WHITE, share >= 0.5 ? 255 : 0);
    }
  }
  return png;
}

function main(): void {
  const here = fileURLToPath(import.meta.url);
  const root = here.includes('/dist/') ? here.slice(0, here.lastIndexOf('/dist/')) : here.slice(0, here.lastIndexOf('/tools/'));
  const outDir = resolve(process.argv[2] ?? `${root}/manifests/teams`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/color.png`, PNG.sync.write(drawColorIcon()));
  writeFileSync(`${outDir}/outline.png`, PNG.sync.write(drawOutlineIcon()));
  process.stdout.write(`Wrote ${outDir}/color.png (192x192) and ${outDir}/outline.png (32x32)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
