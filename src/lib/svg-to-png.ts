/**
 * SVG to PNG with resvg, on worker threads: drawing a share card takes tens of milliseconds
 * (laying out glyphs, rasterising, compressing), which would otherwise hold up the build's main
 * thread while it renders pages. One worker per spare core (at least one), each drawing one image
 * at a time; workers stop as soon as there is nothing left to draw, so they hold the process open
 * only while an image someone asked for is being drawn.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { encodeOpaquePng } from './png-encode.ts';

// Evaluated as CommonJS in each worker: the bundled build has no separate worker file to point at,
// so the PNG encoder comes as its source text. An opaque image (a share card: its first rect fills
// it) is encoded by png-encode.ts in about half the CPU of resvg's asPng(); one with transparent
// pixels by asPng(), which keeps the alpha channel.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { Resvg } = require(workerData.resvgPath);
const encodeOpaquePng = (${encodeOpaquePng.toString()});
const scratch = {};
parentPort.on('message', ({ id, svg, options }) => {
  try {
    const image = new Resvg(svg, options).render();
    parentPort.postMessage({ id, png: encodeOpaquePng(image.pixels, image.width, image.height, zlib, scratch) ?? image.asPng() });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});`;

interface Job {
  id: number;
  svg: string;
  options: ResvgRenderOptions;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

const resvgPath = createRequire(import.meta.url).resolve('@resvg/resvg-js');
const maxWorkers = Math.max(1, availableParallelism() - 1);
const queue: Job[] = [];
const running = new Map<Worker, Job | undefined>();
let nextId = 1;

function startWorker(): Worker {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { resvgPath } });
  worker.on('message', (message: { id: number; png?: Uint8Array; error?: string }) => {
    const job = running.get(worker);
    if (!job) return;
    if (message.png) job.resolve(message.png);
    else job.reject(new Error(`resvg could not draw an image: ${message.error}`));
    feed(worker);
  });
  worker.on('error', (error: Error) => {
    running.get(worker)?.reject(error);
    running.delete(worker);
    pump();
  });
  running.set(worker, undefined);
  return worker;
}

/** Gives the worker its next job, or stops it when there is none. */
function feed(worker: Worker): void {
  const job = queue.shift();
  running.set(worker, job);
  if (job) worker.postMessage({ id: job.id, svg: job.svg, options: job.options });
  else {
    running.delete(worker);
    void worker.terminate();
  }
}

function pump(): void {
  while (queue.length && running.size < maxWorkers) feed(startWorker());
}

export function svgToPng(svg: string, options: ResvgRenderOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, svg, options, resolve, reject });
    pump();
  });
}
