import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { checkBatch, type BatchCheck } from "./chain-core.mjs";

/** Checks batches of the chain (chain-core.mjs checkBatch), here or in worker threads. */
export interface BatchChecker {
  /** Answers in the order asked; an in-thread checker has checked before it returns. */
  check(text: string, wanted: readonly number[]): Promise<BatchCheck>;
  close(): Promise<void>;
  /** Batches a worker thread answered (not handed back to this thread). */
  checkedInWorkers(): number;
}

/** In this thread (small trails, where starting workers costs more than it saves). */
export const inThread: BatchChecker = {
  check: async (text, wanted) => checkBatch(text, wanted),
  close: async () => {},
  checkedInWorkers: () => 0,
};

/** Worker threads worth starting on this machine: one per core, at most four. */
export const defaultWorkers = () => Math.min(4, Math.max(1, os.availableParallelism()));

interface Pending {
  text: string;
  wanted: readonly number[];
  resolve: (r: BatchCheck) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  queue: Pending[];
}

let warned = false;

/**
 * `size` workers, each loading chain-core.mjs, batches dealt round-robin. A worker that cannot
 * start or dies (e.g. the file is not where a bundle expected it) hands its batches back to this
 * thread: verification is then slower, never different.
 */
export function workerPool(size: number): BatchChecker {
  let closing = false;
  let answered = 0;
  const fail = (slot: Slot, error: unknown) => {
    slot.worker = null;
    if (!closing && !warned) {
      warned = true;
      console.warn("audit verification: worker threads unavailable, checking in the main thread", error);
    }
    for (const p of slot.queue.splice(0)) {
      try {
        p.resolve(checkBatch(p.text, p.wanted));
      } catch (e) {
        p.reject(e);
      }
    }
  };
  const start = (): Slot => {
    const slot: Slot = { worker: null, queue: [] };
    try {
      const worker = new Worker(new URL("./chain-core.mjs", import.meta.url), {
        workerData: { interlockChainCheck: true },
      });
      slot.worker = worker;
      worker.on("message", (m: { ok: boolean; result?: BatchCheck; error?: string }) => {
        const p = slot.queue.shift();
        if (!p) return;
        answered++;
        if (m.ok) p.resolve(m.result!);
        else p.reject(new Error(m.error));
      });
      worker.on("error", (e) => fail(slot, e));
      worker.on("exit", (code) => fail(slot, new Error(`worker exited with ${code}`)));
    } catch (e) {
      fail(slot, e);
    }
    return slot;
  };
  const slots = Array.from({ length: size }, start);
  let turn = 0;
  return {
    check(text, wanted) {
      const slot = slots[turn++ % slots.length]!;
      if (!slot.worker) return inThread.check(text, wanted);
      return new Promise<BatchCheck>((resolve, reject) => {
        slot.queue.push({ text, wanted, resolve, reject });
        slot.worker!.postMessage({ text, wanted });
      });
    },
    checkedInWorkers: () => answered,
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}
