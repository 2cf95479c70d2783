/**
 * The bench page: runs one job at a time in a fresh module worker (ours or the peer's) and watches
 * its own main thread for long tasks while the worker trains. Driven by bench/browser.ts.
 */
import type { Job, PageResult, WorkerMessage } from './protocol';

interface Span {
  start: number;
  end: number;
}

const longTasks: Span[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask', buffered: true });

const status = document.getElementById('status')!;

function makeWorker(job: Job): Worker {
  return job.system === 'tinygpt-lab'
    ? new Worker(new URL('./ours.worker.ts', import.meta.url), { type: 'module', name: 'ours' })
    : new Worker(new URL('./peer.worker.ts', import.meta.url), { type: 'module', name: 'peer' });
}

/** Longest long task overlapping any training span. */
function longest(spans: Span[]): { max: number; count: number } {
  const hits = longTasks.filter((t) => spans.some((s) => t.end >= s.start && t.start <= s.end));
  return { max: Math.max(0, ...hits.map((t) => t.end - t.start)), count: hits.length };
}

function run(job: Job): Promise<PageResult> {
  status.textContent = `${job.kind} ${job.system} ${job.config} ${job.backend}`;
  const worker = makeWorker(job);
  const spans: Span[] = [];
  return new Promise<PageResult>((resolve) => {
    const finish = (r: Omit<PageResult, 'longtask_max_ms' | 'longtask_count'>) => {
      worker.terminate();
      const open = spans.at(-1);
      if (open && !Number.isFinite(open.end)) open.end = performance.now();
      // Long-task entries arrive a little after the task; give the observer a moment.
      setTimeout(() => {
        const { max, count } = longest(spans);
        status.textContent = 'idle';
        resolve({ ...r, longtask_max_ms: max, longtask_count: count });
      }, 200);
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'log') console.log(m.text);
      else if (m.type === 'phase' && m.training) spans.push({ start: performance.now(), end: Infinity });
      else if (m.type === 'phase') spans[spans.length - 1].end = performance.now();
      else if (m.type === 'done') finish({ result: m.result });
      else finish({ error: m.message });
    };
    worker.onerror = (e) => finish({ error: `worker error: ${e.message}` });
    worker.postMessage(job);
  });
}

(window as unknown as { bench: { run: typeof run } }).bench = { run };
