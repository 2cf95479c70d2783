/**
 * Per-token update cost of the "see inside" panels in the built app: the pretrained baby model on
 * wasm, greedy, stepping one token at a time (the teacher's "To be, or not to be" demo). For each
 * token, from the click until 400 ms after every panel shows it: the latency (worker included), the
 * page's frames (the longest interval between two requestAnimationFrame callbacks: frames come at
 * vsync, so one over 1.5 frames is a frame the viewer did not get) and, from a devtools timeline
 * trace (which slows every task; --no-trace leaves it out), the renderer main thread's own tasks
 * (script, style, layout, paint).
 *
 *   npx tsx bench/panels.ts [--tokens 12] [--view panel-attention] [--present] [--view-only] [--pace 2500]
 *     [--no-trace] [--compositor software|swiftshader] [--reduced-motion] [--no-build] [--profile out.cpuprofile]
 *   PANELS_APP=<dir>: serve another build (A/B against a copy of an earlier one); PANELS_TASKS=1:
 *   each long task's parts; PANELS_INVAL=1: what each token invalidates (printInvalidations).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_OUT, buildApp } from './app-longtask';
import { launch } from './browser';
import { type MainThreadCost, traceMainThread, UNTRACED } from './panels-trace';
import { serve } from './server';

const { values: args } = parseArgs({
  options: {
    tokens: { type: 'string', default: '12' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'string' },
    /** The panel scrolled to the top of the 1280×720 viewport while measuring (what a class sees). */
    view: { type: 'string', default: 'panel-next-token' },
    /** Present the panel in view (its Present button): the rest of the page leaves layout and paint (and is not waited for). */
    present: { type: 'boolean', default: false },
    /** Development: hide these test ids (comma-separated) to see what each costs; they are not waited for. */
    hide: { type: 'string', default: '' },
    /** Development: extra CSS for the page (e.g. 'svg text { display: none }' to see what text costs). */
    css: { type: 'string', default: '' },
    /**
     * Step at a teacher's pace: each token's window lasts at least this long (ms) after the click,
     * so what happens after the stream (panels out of view catching up, the page leaving live mode)
     * is measured with the token. 0: step as soon as the panels show it.
     */
    pace: { type: 'string', default: '0' },
    /** Wait for the panel in view only (tokens streaming as with Play: panels out of view catch up later). */
    'view-only': { type: 'boolean', default: false },
    /**
     * No devtools trace (it slows every task): only the page's own frame intervals (requestAnimationFrame
     * to requestAnimationFrame), what a viewer sees as a dropped frame.
     */
    'no-trace': { type: 'boolean', default: false },
    /**
     * How the page is composited. `software` (default): Chromium's display compositor in software,
     * what it falls back to where there is no usable GPU — where the app runs on wasm (its SwiftShader
     * GL fallback is being withdrawn since M139 and needs --enable-unsafe-swiftshader).
     * `swiftshader`: GL through SwiftShader, as the e2e tests force it (WebGL tests need it), where the
     * GPU process rasters and swaps each changed frame on the CPU.
     */
    compositor: { type: 'string', default: 'software' },
    /** Development: emulate prefers-reduced-motion (the panels then jump instead of animating). */
    'reduced-motion': { type: 'boolean', default: false },
  },
});
const TOKENS = Number(args.tokens);
const FRAME_MS = 16.7; // one frame at 60 Hz
const CLICK_STAMP = 'panels-bench-click';
const PROMPT = 'To be, or not to be, that is the question:'; // 42 chars: with 1 + 20 tokens, T ≤ 63 (block 64)

/**
 * Which panels show a context of T tokens with the newest selected (as e2e/panels.ts checks), by
 * container id: those in `ids`, or all. Self-contained: it is sent to the page as text.
 */
function panelsShowing(T: number, ids?: readonly string[]): Record<string, boolean> {
  const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const sel = T - 1;
  const checks: Record<string, () => boolean> = {
    'panel-next-token': () => {
      const buttons = q('next-token-context')?.querySelectorAll('button');
      return !!buttons?.length && buttons[buttons.length - 1].title.startsWith(`position ${sel}:`);
    },
    'panel-attention': () =>
      q('attention-cells')?.getAttribute('data-rows') === String(T) &&
      !!q('attention-readout')?.textContent?.includes(`at position ${sel} attends`),
    'panel-logit-lens': () => q('logit-lens-grid')?.querySelectorAll('g.col').length === T,
    'panel-saliency': () => !!q('saliency-question')?.textContent?.includes(`after position ${sel} (`),
    'panel-concepts': () => !!q('concepts-chart')?.getAttribute('aria-label')?.startsWith(`Position ${sel} `),
  };
  const shown: Record<string, boolean> = {};
  for (const id of ids ?? Object.keys(checks)) shown[id] = checks[id]();
  return shown;
}

/** Every panel shows the token. */
function panelsShow(T: number): boolean {
  return Object.values(panelsShowing(T)).every(Boolean);
}

interface TokenCost extends MainThreadCost {
  /** Until the panel in view shows the token (what the class sees). */
  viewMs: number;
  /** Until every panel does (one out of view catches up within a second: panels/shared/useInspection). */
  latencyMs: number;
  /** The longest interval between two frames from the click until 400 ms after the token showed. */
  longestFrameMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

async function main(): Promise<void> {
  if (!['software', 'swiftshader'].includes(args.compositor))
    throw new Error('--compositor software|swiftshader');
  if (!args['no-build']) await buildApp(!args.profile);
  const server = await serve({ '/app/': process.env.PANELS_APP ?? APP_OUT }, {});
  const browser = await launch(args.compositor === 'software' ? ['--disable-gpu-compositing'] : []);
  try {
    const page = await browser.open(`${server.origin}/app/?preset=baby&seed=1&backend=wasm`);
    if (args['reduced-motion']) await page.emulateMedia({ reducedMotion: 'reduce' });
    // tsx keeps function names through a `__name` helper that functions sent to the page call.
    await page.evaluate('window.__name = (f) => f');
    const id = (t: string) => page.getByTestId(t);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="backend"]')?.textContent === 'wasm',
    );
    await id('load-pretrained').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="prompt"]') as HTMLInputElement | null)?.value === 'ROMEO:',
      null,
      { timeout: 120_000 },
    );
    await id('sampling-mode').selectOption('greedy');
    await id('prompt').fill(PROMPT);
    await id('generate-step').click();
    let T = PROMPT.length + 1;
    await page.evaluate(`window.panelsShowing = ${panelsShowing.toString()}`);
    await page.waitForFunction(panelsShow, T, { timeout: 60_000 });
    for (const h of args.hide.split(',').filter(Boolean))
      await page.addStyleTag({ content: `[data-testid="${h}"] { display: none !important; }` });
    if (args.css) await page.addStyleTag({ content: args.css });
    if (args.present) await id(`${args.view}-present`).click();
    else
      await page.evaluate((v) => document.querySelector(`[data-testid="${v}"]`)?.scrollIntoView(), args.view);
    await page.waitForTimeout(2000); // autosave after loading, first draws
    // What frames look like with nothing to do: the floor of the frame intervals below.
    const idleFrameMs = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let last = 0;
          let longest = 0;
          const t0 = performance.now();
          const tick = (frame: number) => {
            if (last) longest = Math.max(longest, frame - last);
            last = frame;
            if (frame - t0 < 1000) requestAnimationFrame(tick);
            else done(longest);
          };
          requestAnimationFrame(tick);
        }),
    );
    console.log(`[panels] idle page: longest frame ${idleFrameMs.toFixed(0)} ms in a second`);

    const cdp = await page.context().newCDPSession(page);
    if (process.env.PANELS_INVAL) await cdp.send('DOM.getDocument', { depth: -1 }); // node ids resolvable
    if (args.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const costs: TokenCost[] = [];
    for (let i = 0; i < TOKENS; i++) {
      await page.waitForFunction(
        () => !(document.querySelector('[data-testid="generate-step"]') as HTMLButtonElement).disabled,
      );
      await page.waitForTimeout(300); // the previous token's trailing work is done
      T += 1;
      let latency = { viewMs: 0, latencyMs: 0, longestFrameMs: 0, dropped: [] as string[] };
      const during = async () => {
        latency = await page.evaluate(
          ([T, view, hidden, present, pace, frameMs, stamp]) =>
            new Promise<typeof latency>((done) => {
              const showing = (window as unknown as { panelsShowing: typeof panelsShowing }).panelsShowing;
              // Waited for: the panel in view only (presented, or streaming), else every panel not hidden.
              const waiting = new Set(
                present ? [view] : Object.keys(showing(T)).filter((id) => !hidden.includes(id)),
              );
              const t0 = performance.now();
              const dropped: string[] = [];
              let viewMs = 0;
              let latencyMs = 0;
              let last = 0;
              let longestFrameMs = 0;
              console.timeStamp(stamp); // where the trace's task times count from
              (document.querySelector('[data-testid="generate-step"]') as HTMLButtonElement).click();
              const tick = (frame: number) => {
                if (last) longestFrameMs = Math.max(longestFrameMs, frame - last);
                if (last && frame - last > 1.5 * frameMs)
                  dropped.push(`${(frame - last).toFixed(0)} ms ending at ${(frame - t0).toFixed(0)}`);
                last = frame;
                const now = performance.now() - t0;
                if (!latencyMs) {
                  // Only panels not yet showing the token are looked at (the bench's own cost per frame).
                  for (const [id, ok] of Object.entries(showing(T, [...waiting]))) if (ok) waiting.delete(id);
                  if (!viewMs && !waiting.has(view)) viewMs = now;
                  if (waiting.size === 0) latencyMs = now;
                }
                // Frames are watched 400 ms past the token too: transitions and effects that follow it.
                if (latencyMs && now >= Math.max(pace, latencyMs + 400))
                  done({ viewMs, latencyMs, longestFrameMs, dropped });
                else requestAnimationFrame(tick);
              };
              requestAnimationFrame(tick);
            }),
          [
            T,
            args.view,
            args.hide.split(','),
            args.present || args['view-only'],
            Number(args.pace),
            FRAME_MS,
            CLICK_STAMP,
          ] as const,
        );
      };
      const traced = args['no-trace'] ? null : await traceMainThread(cdp, during, CLICK_STAMP);
      if (!traced) await during();
      const c: TokenCost = { ...latency, ...(traced ?? UNTRACED) };
      costs.push(c);
      const frames = `longest frame ${c.longestFrameMs.toFixed(0)} ms${latency.dropped.length ? ` (over 1.5 frames: ${latency.dropped.join(', ')})` : ''}`;
      console.log(
        `T=${T}: in view ${c.viewMs.toFixed(0)} ms, all panels ${c.latencyMs.toFixed(0)} ms; ${frames}` +
          (traced
            ? `; main thread ${c.mainMs.toFixed(0)} ms in ${c.tasks} tasks, longest task ${c.longestTaskMs.toFixed(0)} ms ` +
              `(script ${c.scriptMs.toFixed(0)}, style ${c.styleMs.toFixed(0)}, layout ${c.layoutMs.toFixed(0)}, paint ${c.paintMs.toFixed(0)})`
            : ''),
      );
    }
    if (args.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(resolve(args.profile), JSON.stringify(profile));
      console.log(`profile written to ${args.profile}`);
    }
    const m = (k: keyof TokenCost) => median(costs.map((c) => c[k])).toFixed(0);
    const traced = !args['no-trace'];
    console.log(
      `\n[panels] baby on wasm, ${TOKENS} tokens (medians): in view ${m('viewMs')} ms, all panels ${m('latencyMs')} ms; ` +
        `longest frame ${m('longestFrameMs')} ms` +
        (traced
          ? `; main thread ${m('mainMs')} ms in ${m('tasks')} tasks, longest task ${m('longestTaskMs')} ms ` +
            `(script ${m('scriptMs')}, style ${m('styleMs')}, layout ${m('layoutMs')}, paint ${m('paintMs')})`
          : ''),
    );
    // The frame budget at 60 Hz. Frames come at vsync, so one that misses its budget shows as an
    // interval of two (33 ms): a token keeps its frames when no interval is over 1.5 frames.
    const kept = costs.filter((c) => c.longestFrameMs <= 1.5 * FRAME_MS).length;
    const worstFrame = Math.max(...costs.map((c) => c.longestFrameMs));
    console.log(
      `[panels] no frame dropped for ${kept} of ${TOKENS} tokens; longest frame ${worstFrame.toFixed(0)} ms`,
    );
    if (traced) {
      // How many tokens kept every main-thread task within the budget (a stricter, traced figure).
      const within = costs.filter((c) => c.longestTaskMs <= FRAME_MS).length;
      const worst = Math.max(...costs.map((c) => c.longestTaskMs));
      console.log(
        `[panels] every task ≤ ${FRAME_MS} ms for ${within} of ${TOKENS} tokens; worst ${worst.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
