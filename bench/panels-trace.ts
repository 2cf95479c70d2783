/**
 * bench/panels.ts's devtools timeline trace: the renderer main thread's tasks while a token is
 * generated and shown (script, style, layout, paint), and the development listings it prints:
 * PANELS_TASKS=1 each long task's parts, timed from the click the page stamps in the trace;
 * PANELS_INVAL=1 what each token invalidates.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** What the main thread did in one token's window (ms). */
export interface MainThreadCost {
  mainMs: number;
  tasks: number;
  longestTaskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  paintMs: number;
}

/** The traced figures of a run without a trace. */
export const UNTRACED: MainThreadCost = {
  mainMs: 0,
  tasks: 0,
  longestTaskMs: 0,
  scriptMs: 0,
  styleMs: 0,
  layoutMs: 0,
  paintMs: 0,
};

/**
 * PANELS_INVAL=1: which nodes each token invalidates (style and layout), counted by kind and by the
 * test id of the chart and panel they sit in — how the fieldset that re-attached every context
 * token, and the next-token bars replaced on every token, were found.
 */
async function printInvalidations(cdp: CDPSession, events: TraceEvent[]): Promise<void> {
  const where = new Map<number, string>();
  const describe = `function () {
    const el = this.nodeType === 1 ? this : this.parentElement;
    const chart = el?.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
    return chart + ' in ' + (el?.closest('section')?.getAttribute('data-testid') ?? '?');
  }`;
  const counts = new Map<string, number>();
  for (const e of events.filter((e) => e.name.endsWith('InvalidationTracking'))) {
    const d = (e.args as { data?: { nodeId?: number; nodeName?: string; reason?: string } }).data ?? {};
    const id = d.nodeId ?? 0;
    if (id && !where.has(id)) {
      try {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: id });
        const r = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: describe,
          returnByValue: true,
        });
        where.set(id, String(r.result.value));
      } catch {
        where.set(id, '(removed)');
      }
    }
    const key = `${e.name.replace('InvalidationTracking', '')} ${d.nodeName ?? ''} ${d.reason ?? ''} @ ${where.get(id) ?? ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`   ${n} ${k}`);
}

/** The renderer main thread's tasks while `during` runs, from a devtools timeline trace. */
export async function traceMainThread(
  cdp: CDPSession,
  during: () => Promise<void>,
  clickStamp: string,
): Promise<MainThreadCost> {
  const events: TraceEvent[] = [];
  const collect = (d: { value: object[] }) => events.push(...(d.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      ...(process.env.PANELS_INVAL ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
    ].join(','),
    transferMode: 'ReportEvents',
  });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  // The page's renderer main thread: of the CrRendererMain threads (the browser keeps a blank tab
  // too), the one with the most events.
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (m: TraceEvent) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid);
  const ms = (names: string[]) =>
    onMain.filter((e) => names.includes(e.name)).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  if (process.env.PANELS_INVAL) await printInvalidations(cdp, events);
  if (process.env.PANELS_TASKS) {
    const top = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 1000).sort((a, b) => a.ts - b.ts);
    // Times from the click (the page stamps it), as the lost frames are reported.
    const click = onMain.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args).includes(clickStamp));
    const t0 = click?.ts ?? top[0]?.ts ?? 0;
    for (const t of top) {
      const inside = onMain.filter(
        (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0),
      );
      const by = new Map<string, number>();
      for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const parts = [...by].filter(([, v]) => v > 0.05).map(([k, v]) => `${k} ${v.toFixed(1)}`);
      console.log(
        `    task ${((t.ts - t0) / 1000).toFixed(0)} ms +${((t.dur ?? 0) / 1000).toFixed(1)}: ${parts.join(', ')}`,
      );
      for (const e of inside.filter((e) => e.name === 'Layout' && (e.dur ?? 0) > 2000))
        console.log(
          `      layout ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify((e.args as { beginData?: object })?.beginData ?? {})}`,
        );
    }
  }
  const tasks = onMain
    .filter((e) => e.name === 'RunTask')
    .map((e) => (e.dur ?? 0) / 1000)
    .filter((d) => d > 0.5); // scheduler ticks aside
  return {
    mainMs: tasks.reduce((a, b) => a + b, 0),
    tasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
    scriptMs: ms(['FunctionCall', 'EvaluateScript', 'TimerFire', 'EventDispatch', 'FireAnimationFrame']),
    styleMs: ms(['UpdateLayoutTree']),
    layoutMs: ms(['Layout']),
    paintMs: ms(['PrePaint', 'Paint', 'Layerize']),
  };
}
