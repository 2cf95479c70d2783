/**
 * The "see inside" panels (next token, attention, logit lens, saliency, concepts), driven as a
 * person does: step a generation and watch every panel follow, select a token in one panel and
 * see it selected everywhere, ablate a head, check integrated gradients adds up, export figures,
 * present one panel to a class. Journeys 1–6 share one trained nano model (training is the slow part on a 2-core machine);
 * each leaves the page as it found it (selection on the newest token, no head ablated).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Lab } from './lab';
import { Panels, type PanelsState, panelsShow } from './panels';

const PRETRAINED = fileURLToPath(
  new URL('../public/pretrained/baby-shakespeare.safetensors', import.meta.url),
);

/** How the context strips show a token: whitespace made visible. */
const visible = (t: string) => t.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥');
const lastChar = (s: string) => [...s].at(-1) ?? '';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.describe('see inside, on a trained nano model', () => {
  test.describe.configure({ mode: 'serial' });

  let page: Page;
  let lab: Lab;
  let panels: Panels;

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(180_000);
    page = await browser.newPage({ baseURL: testInfo.project.use.baseURL, acceptDownloads: true });
    lab = new Lab(page);
    panels = new Panels(page);
    await lab.open('preset=nano&seed=2&maxSteps=60');
    expect(await lab.train()).toBe('done');
    expect(await lab.number('train-step')).toBe(60);
    await lab.id('sampling-mode').selectOption('greedy');
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test('each generated token updates every panel: context strip, heatmap, logit lens, saliency, concepts', async () => {
    const prompt = 'The ';
    await lab.id('prompt').fill(prompt);
    let output = await lab.generateStep();
    expect([...output]).toHaveLength(1);
    let T = prompt.length + 1;
    let before: PanelsState = await panels.expectShowing(T);
    expect(before.context.map((c) => c.text).join('')).toBe(visible(prompt + output));

    for (let step = 0; step < 3; step++) {
      output = await lab.generateStep();
      T += 1;
      expect([...output]).toHaveLength(T - prompt.length);
      const after = await panels.expectShowing(T);

      // Next token: the context strip gains exactly the new token, at the end, marked as just appended.
      expect(after.context).toHaveLength(before.context.length + 1);
      expect(after.context.slice(0, -1).map((c) => c.text)).toEqual(before.context.map((c) => c.text));
      expect(after.context.at(-1)).toMatchObject({
        text: visible(lastChar(output)),
        pos: T - 1,
        newest: true,
      });
      expect(after.context.filter((c) => c.newest)).toHaveLength(1);
      expect(after.nextTokenNumbers.length).toBeGreaterThan(0);
      expect(after.nextTokenNumbers, 'the candidates for the next token are recomputed').not.toEqual(
        before.nextTokenNumbers,
      );
      // Attention: one more query row, the readout and the arrows follow the newest token.
      expect(after.heatmapRows).toBe(before.heatmapRows + 1);
      expect(after.heatmapLastRowPainted).toBe(true);
      expect(after.readoutPos).toBe((before.readoutPos ?? -2) + 1);
      expect(after.arcsMax).toBe((before.arcsMax ?? -2) + 1);
      expect(after.arcsQuery).toBe(T - 1);
      // Logit lens: one more column, and the new one is the selected one.
      expect(after.lensCols).toBe(before.lensCols + 1);
      expect(after.lensSelected).toBe(T - 1);
      // Saliency asks about the new last position; concepts explain it.
      expect(after.saliencyPos).toBe((before.saliencyPos ?? -2) + 1);
      expect(after.saliencyQuestion).toContain(`('${visible(lastChar(output))}')`);
      expect(after.conceptsPos).toBe((before.conceptsPos ?? -2) + 1);
      expect(after.conceptsChartPos).toBe(T - 1);
      // …and gradient × input explains it by itself a moment later.
      await expect(lab.id('saliency-text')).toHaveAttribute('data-explained', String(T - 1));
      await expect(lab.id('saliency-stale')).toHaveCount(0);
      before = after;
    }
    await expect(lab.id('error')).toBeEmpty();
  });

  test('selecting a token in one panel selects it in all, by mouse and by keyboard', async () => {
    const T = (await panels.state()).lensCols;
    expect(T).toBeGreaterThanOrEqual(6);

    // Mouse: a logit-lens cell, a token in the attention arrows, a context-strip token, a saliency token.
    await (await panels.lensCell(2)).click();
    await panels.expectSelected(2);
    await panels.arcToken(4).click();
    await panels.expectSelected(4);
    await panels.contextToken(1).click();
    await panels.expectSelected(1);
    await panels.saliencyToken(3).click();
    await panels.expectSelected(3);
    // The screen-reader tables follow the selection too: the lens column and the attention row.
    await expect(lab.id('logit-lens-table').locator('caption')).toContainText('Logit lens at position 3 ');
    await expect(lab.id('logit-lens-table').locator('tbody tr')).toHaveCount(3); // nano: embeddings + 2 blocks
    await expect(lab.id('attention-table').locator('caption')).toContainText('query 3 ');
    await expect(lab.id('attention-table').locator('tbody tr')).toHaveCount(4); // keys 0..3

    // Keyboard: each chart's arrow keys move the shared selection.
    await lab.id('logit-lens-grid').focus();
    await page.keyboard.press('ArrowLeft');
    await panels.expectSelected(2);
    await lab.id('next-token-chart').focus();
    await page.keyboard.press('ArrowLeft');
    await panels.expectSelected(1);
    await lab.id('concepts-chart').focus();
    await page.keyboard.press('ArrowRight');
    await panels.expectSelected(2);
    await lab.id('attention-heatmap').focus();
    await page.keyboard.press('ArrowDown'); // the heatmap's query runs down its rows
    await panels.expectSelected(3);
    await lab.id('attention-arcs').focus();
    await page.keyboard.press('ArrowLeft');
    await panels.expectSelected(2);

    // End: back to the newest token (where the next journeys expect the selection).
    await lab.id('logit-lens-grid').focus();
    await page.keyboard.press('End');
    await panels.expectSelected(T - 1);
  });

  test('ablating head L0 H0 changes the next-token probabilities; restoring it brings them back exactly', async () => {
    const original = (await panels.state()).nextTokenNumbers;
    expect(original.length).toBeGreaterThan(0);
    const ablate = lab.id('attention-ablate-L0-H0');
    await expect(ablate).toHaveAttribute('aria-pressed', 'false');

    await ablate.click();
    await expect(ablate).toHaveAttribute('aria-pressed', 'true');
    await expect(lab.id('attention-ablation-notice')).toBeVisible();
    await expect(lab.id('attention-ablation-notice')).toContainText('1 head ablated');
    await expect(lab.id('attention-ablation-notice')).toContainText('L0 H0');
    await expect(lab.id('panel-next-token')).toContainText('with 1 head ablated');
    await expect
      .poll(async () => (await panels.state()).nextTokenNumbers, { message: 'probabilities change' })
      .not.toEqual(original);

    await ablate.click();
    await expect(ablate).toHaveAttribute('aria-pressed', 'false');
    await expect(lab.id('attention-ablation-notice')).toHaveCount(0);
    await expect(lab.id('panel-next-token')).not.toContainText('head ablated');
    await expect
      .poll(async () => (await panels.state()).nextTokenNumbers, { message: 'probabilities restored' })
      .toEqual(original);
  });

  test('gradient × input follows the selection; integrated gradients add up to logit − baseline; tokens after the explained position are future', async () => {
    const T = (await panels.state()).lensCols;
    const p = T - 3;
    // Gradient × input follows the generated tokens and the selection by itself.
    await expect(lab.id('saliency-stale')).toHaveCount(0);
    await (await panels.lensCell(p)).click();
    await panels.expectSelected(p);
    await expect(lab.id('saliency-text')).toHaveAttribute('data-explained', String(p));
    await expect(lab.id('saliency-stale')).toHaveCount(0);

    await lab.id('saliency-method-ig').check();
    await expect(lab.id('saliency-stale')).toHaveCount(0);
    await expect(lab.id('saliency-completeness')).toContainText('integrated gradients');
    await expect(lab.id('saliency-completeness')).toContainText('Σ attributions');
    const c = await panels.completeness();
    console.log(`[saliency] ${c.text}`);
    for (const v of [c.sum, c.delta, c.logit]) expect(Number.isFinite(v), c.text).toBe(true);
    // Completeness: Σ attributions = F(x) − F(baseline), up to the Riemann sum's error (and 3-decimal rounding).
    const scale = Math.max(Math.abs(c.sum), Math.abs(c.delta));
    expect(scale, 'a non-trivial logit difference').toBeGreaterThan(0.01);
    expect(Math.abs(c.sum - c.delta), c.text).toBeLessThanOrEqual(0.05 * scale + 0.002);

    // Future tokens: every token after p is greyed as future; p and before are scored.
    const titles = await lab
      .id('saliency-text')
      .locator('button[data-pos]')
      .evaluateAll((bs) =>
        bs.map((b) => [Number(b.getAttribute('data-pos')), b.getAttribute('title') ?? ''] as const),
      );
    expect(titles).toHaveLength(T);
    for (const [pos, title] of titles)
      expect(title.endsWith('future (0 by causality)'), `position ${pos}: ${title}`).toBe(pos > p);
    await expect(lab.id('saliency-text')).toContainText('future (0 by causality):');

    // And the exported scores agree: exactly zero after p (attention is causal).
    const csv = (await lab.download(lab.id('saliency-export-csv'))).bytes.toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('position,token,score');
    const scores = csv.slice(1).map((line) => {
      const cells = line.split(',');
      return { pos: Number(cells[0]), score: Number(cells.at(-1)) };
    });
    expect(scores).toHaveLength(T);
    const sum = scores.reduce((s, r) => s + r.score, 0);
    expect(Math.abs(sum - c.sum)).toBeLessThanOrEqual(0.002 + 1e-3 * Math.abs(c.sum));
    for (const r of scores.filter((r) => r.pos > p)) expect(r.score, `score at ${r.pos}`).toBe(0);
    expect(scores.filter((r) => r.pos <= p).some((r) => r.score !== 0)).toBe(true);

    // Integrated gradients runs when asked: another selection marks it stale until then.
    await lab.id('logit-lens-grid').focus();
    await page.keyboard.press('End');
    await panels.expectSelected(T - 1);
    await expect(lab.id('saliency-stale')).toContainText('Stale');
    // Back to gradient × input, which explains the newest token at once.
    await lab.id('saliency-method-grad').check();
    await expect(lab.id('saliency-stale')).toHaveCount(0);
  });

  test('every panel exports a non-empty SVG, PNG and CSV', async () => {
    const testInfo = test.info();
    for (const name of ['next-token', 'attention', 'logit-lens', 'saliency', 'concepts']) {
      const svg = await lab.download(lab.id(`${name}-export-svg`));
      expect(svg.name).toBe(`${name}.svg`);
      expect(svg.bytes.length).toBeGreaterThan(0);
      const text = svg.bytes.toString('utf8');
      expect(text.startsWith('<svg'), `${name}.svg starts with <svg`).toBe(true);
      expect(text.trimEnd().endsWith('</svg>')).toBe(true);
      expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
      if (name === 'concepts') {
        // The strips are canvases on the page; the export carries their cells as rects instead.
        expect(text).not.toContain('foreignObject');
        expect(
          (text.match(/<rect x="[\d.]+" width="[\d.]+" height="18" fill="/g) ?? []).length,
        ).toBeGreaterThan(100);
      }
      if (name === 'attention') {
        // The page paints the cells on a canvas; the export carries them as vector rects, T(T+1)/2 of them.
        const T = (await panels.state()).heatmapRows;
        const cells = text.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="/g) ?? [];
        expect(cells.length).toBe((T * (T + 1)) / 2);
      }

      const png = await lab.download(lab.id(`${name}-export-png`));
      expect(png.name).toBe(`${name}.png`);
      expect(png.bytes.length).toBeGreaterThan(PNG_SIGNATURE.length);
      expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${name}.png has the PNG signature`).toBe(true);

      const csv = await lab.download(lab.id(`${name}-export-csv`));
      expect(csv.name).toBe(`${name}.csv`);
      expect(csv.bytes.length).toBeGreaterThan(0);
      const lines = csv.bytes.toString('utf8').trim().split('\n');
      const header = lines[0].split(',');
      expect(header.length, `${name}.csv header: ${lines[0]}`).toBeGreaterThan(1);
      expect(
        header.every((h) => /^[a-z][\w ]*$/i.test(h)),
        `${name}.csv header: ${lines[0]}`,
      ).toBe(true);
      expect(lines.length, `${name}.csv has data rows`).toBeGreaterThanOrEqual(2);
      if (name === 'attention') {
        // Real probabilities, not a buffer handed back to the worker too early: each query row sums to 1.
        const sums = new Map<string, number>();
        for (const line of lines.slice(1)) {
          const f = line.split(','); // layer, head, query_pos first; the weight last (tokens may hold commas)
          const key = f.slice(0, 3).join(',');
          sums.set(key, (sums.get(key) ?? 0) + Number(f[f.length - 1]));
        }
        expect(sums.size).toBe((await panels.state()).heatmapRows);
        for (const [row, sum] of sums) expect(sum, `attention row ${row} sums to 1`).toBeCloseTo(1, 4);
      }
      await testInfo.attach(`${name}: sizes`, {
        body: `svg ${svg.bytes.length} B, png ${png.bytes.length} B, csv ${csv.bytes.length} B (${lines.length - 1} rows)`,
        contentType: 'text/plain',
      });
      expect((await readFile(csv.path)).length).toBe(csv.bytes.length);
    }
  });

  test('presenting one panel: it alone fills the page; the bar (and Page Down) steps and plays, the panel follows; Esc brings the page back', async () => {
    const others = [
      'panel-next-token',
      'panel-logit-lens',
      'panel-saliency',
      'panel-concepts',
      'corpus-text',
      'train-start',
    ];
    const heatmapRows = async () => (await panels.state()).heatmapRows;
    // Rows of the heatmap once nothing is landing any more (no step running, two reads alike).
    const settled = async (step: string) => {
      let rows = -1;
      await expect
        .poll(async () => {
          const a = await heatmapRows();
          await page.waitForTimeout(500);
          rows = await heatmapRows();
          return a === rows && (await lab.id(step).isEnabled());
        })
        .toBe(true);
      return rows;
    };
    await lab.id('prompt').fill('To ');
    await lab.id('generate-step').click(); // from the whole page, as before presenting
    let T = await settled('generate-step');
    await lab.id('panel-attention-present').click();
    await expect(lab.id('panel-attention-present')).toHaveAttribute('aria-pressed', 'true');
    for (const id of others) await expect(lab.id(id), `${id} while presenting`).toBeHidden();
    const box = await lab.id('panel-attention').boundingBox();
    expect(box!.width).toBeGreaterThan(page.viewportSize()!.width * 0.9);

    await lab.id('present-step').click();
    await expect.poll(heatmapRows).toBe(++T);
    await expect(lab.id('present-step')).toBeEnabled();
    await page.keyboard.press('PageDown'); // a presentation clicker's "next"
    await expect.poll(heatmapRows).toBe(++T);
    await lab.id('present-play').click();
    await expect.poll(heatmapRows).toBeGreaterThan(T + 1);
    await lab.id('present-play').click();
    await expect(lab.id('present-play')).toHaveAttribute('aria-pressed', 'false');
    T = await settled('present-step');

    await page.keyboard.press('Escape');
    await expect(lab.id('presenter-bar')).toHaveCount(0);
    for (const id of others) await expect(lab.id(id), `${id} after Esc`).toBeVisible();
    await panels.expectShowing(T); // the panels that were hidden caught up
    await expect(lab.id('panel-attention-present')).toHaveAttribute('aria-pressed', 'false');
  });

  test('while tokens stream, a panel out of view waits, then catches up', async () => {
    await lab.id('prompt').fill('So ');
    await lab.generateStep();
    await expect(page.locator('html')).not.toHaveClass(/live/);
    await page.evaluate(() => document.querySelector('[data-testid="panel-next-token"]')?.scrollIntoView());
    const before = await panels.state();
    // A click that does not scroll (Playwright's would bring the Generate panel into view).
    await page.evaluate(() =>
      (document.querySelector('[data-testid="generate-step"]') as HTMLElement).click(),
    );
    await expect.poll(async () => (await panels.state()).context.length).toBe(before.context.length + 1);
    expect(await page.locator('html').getAttribute('class')).toContain('live');
    expect(
      (await panels.state()).lensCols,
      'the logit lens, below the fold, has not drawn the token yet',
    ).toBe(before.lensCols);
    await expect(page.locator('html')).not.toHaveClass(/live/);
    await expect.poll(async () => (await panels.state()).lensCols).toBe(before.lensCols + 1);
  });

  test('a step with the page scrolled to the bottom leaves the view where it is', async () => {
    // Panels out of view skip rendering at the size they last had (at a placeholder size they
    // would shrink the page under a reader at its bottom), and do not render streaming tokens.
    await lab.id('prompt').fill('Be ');
    await lab.generateStep();
    await expect(page.locator('html')).not.toHaveClass(/live/);
    const rows = (await panels.state()).heatmapRows;
    // At the bottom, once the panels scrolled past have rendered and nothing moves any more.
    const bottom = () =>
      page.evaluate(async () => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        await new Promise((r) => setTimeout(r, 500));
        return `${window.scrollY} ${document.querySelector('[data-testid="panel-concepts"]')?.getBoundingClientRect().top}`;
      });
    let was = '';
    await expect
      .poll(async () => {
        const now = await bottom();
        const still = now === was;
        was = now;
        return still;
      })
      .toBe(true);
    const drift = page.evaluate(
      () =>
        new Promise<number>((done) => {
          const el = document.querySelector('[data-testid="panel-concepts"]') as HTMLElement;
          const top0 = el.getBoundingClientRect().top;
          let most = 0;
          const t0 = performance.now();
          const watch = () => {
            most = Math.max(most, Math.abs(el.getBoundingClientRect().top - top0));
            if (performance.now() - t0 < 3000) requestAnimationFrame(watch);
            else done(most);
          };
          // A click that does not scroll the button into view first (Playwright's would).
          (document.querySelector('[data-testid="generate-step"]') as HTMLButtonElement).click();
          requestAnimationFrame(watch);
        }),
    );
    await expect.poll(async () => (await panels.state()).heatmapRows).toBe(rows + 1);
    expect(await drift, 'how far the last panel moved on screen (px)').toBeLessThan(60);
  });
});

test('baby on wasm: per-token update time of the see-inside panels (measured, not asserted)', async ({
  page,
}, testInfo) => {
  const lab = new Lab(page);
  const panels = new Panels(page);
  await lab.open('preset=baby&seed=1&maxSteps=3&backend=wasm');
  await expect(lab.id('backend')).toHaveText('wasm');
  let source: string;
  if (existsSync(PRETRAINED)) {
    await lab.id('load-pretrained').click();
    // The URL's preset is baby already: wait for the load itself (its steps, and the prompt it fills in).
    await expect.poll(() => lab.number('train-step')).toBeGreaterThan(0);
    await expect(lab.id('prompt')).toHaveValue('ROMEO:');
    await expect(lab.modelStats()).toContainText('4×4×128, block 64');
    await expect(lab.id('error')).toBeEmpty();
    source = 'pretrained';
  } else {
    expect(await lab.train()).toBe('done');
    source = '3 training steps';
  }
  await lab.id('sampling-mode').selectOption('greedy');
  // 55 characters: with 1 + 8 more tokens the context still fits baby's block of 64.
  const prompt = 'JULIET:\nO Romeo, Romeo! wherefore art thou Romeo?\nDeny ';
  expect(prompt).toHaveLength(55);
  await lab.id('prompt').fill(prompt);
  await lab.generateStep();
  let T = prompt.length + 1;
  await panels.expectShowing(T);

  // Install the same DOM check the expectations use, then time click → every panel shows the new token.
  await page.evaluate(`window.__panelsShow = ${panelsShow.toString()}`);
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    await expect(lab.id('generate-step')).toBeEnabled();
    T += 1;
    const ms = await page.evaluate(
      (T) =>
        new Promise<number>((resolve, reject) => {
          const show = (window as unknown as { __panelsShow: typeof panelsShow }).__panelsShow;
          const t0 = performance.now();
          (document.querySelector('[data-testid="generate-step"]') as HTMLButtonElement).click();
          const tick = () => {
            if (show({ T, sel: T - 1 })) resolve(performance.now() - t0);
            else if (performance.now() - t0 > 60_000) reject(new Error(`panels never showed ${T} tokens`));
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      T,
    );
    times.push(ms);
  }
  // The panels did update: every one shows the full context with the newest token selected.
  const end = await panels.expectShowing(T);
  expect(end.context).toHaveLength(T);
  expect(end.heatmapRows).toBe(T);
  expect(end.lensCols).toBe(T);
  await expect(lab.id('error')).toBeEmpty();

  const sorted = [...times].sort((a, b) => a - b);
  const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  const line = `[panels] baby per-token update: median ${median.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} tokens (${source}, ${await lab.text('backend')}, T ${T - times.length}→${T})`;
  console.log(line);
  await testInfo.attach('baby per-token update', {
    body: `${line}\nper token (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`,
    contentType: 'text/plain',
  });
});
