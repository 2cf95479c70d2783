/**
 * Page object for the "see inside" panels (next token, attention, logit lens, saliency, concepts):
 * what a person reads off each one, gathered in one pass so before/after states can be compared.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** What each panel shows about the inspected context, read from the rendered page. */
export interface PanelsState {
  /** Next token: the context strip's tokens as shown, and each button's position (from its tooltip). */
  context: { text: string; pos: number; pressed: boolean; newest: boolean }[];
  /** Next token: every number drawn in the candidates chart (e.g. "12.3%", "● 40.1%"). */
  nextTokenNumbers: string[];
  /** Attention: rows painted in the large heatmap (one per query token). */
  heatmapRows: number;
  /** Attention: the last row's first cell (key 0, never masked) has paint on the canvas. */
  heatmapLastRowPainted: boolean;
  /** Attention: the query position named by the readout under the heatmap. */
  readoutPos: number | null;
  readout: string;
  /** Attention: the arrows strip's query position (aria-valuenow) and last position (aria-valuemax). */
  arcsQuery: number | null;
  arcsMax: number | null;
  /** Logit lens: one column per position. */
  lensCols: number;
  /** Logit lens: the position whose column header is drawn selected (bold), or null. */
  lensSelected: number | null;
  /** Saliency: the position named by the question ("… after position N ('x')?"). */
  saliencyPos: number | null;
  saliencyQuestion: string;
  /** Concepts: "Selected position N". */
  conceptsPos: number | null;
  /** Concepts: the position the chart was computed for (its label starts "Position N"). */
  conceptsChartPos: number | null;
}

/** Read every panel in one evaluate, so the snapshot is consistent (no render between reads). */
function readPanels(): PanelsState {
  const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const cells = q('attention-cells') as HTMLCanvasElement | null;
  const heatmapRows = () => Number(cells?.getAttribute('data-rows') ?? 0);
  const lastRowPainted = () => {
    const rows = heatmapRows();
    if (!cells || rows === 0) return false;
    // One pixel a cell from the top-left (the bitmap may hold more rows than are shown).
    return (cells.getContext('2d')?.getImageData(0, rows - 1, 1, 1).data[3] ?? 0) > 0;
  };
  const num = (m: RegExpMatchArray | null | undefined) => (m ? Number(m[1]) : null);
  const context = Array.from(q('next-token-context')?.querySelectorAll('button') ?? []).map((b) => ({
    text: b.textContent ?? '',
    pos: Number(/^position (\d+):/.exec(b.title)?.[1] ?? Number.NaN),
    pressed: b.getAttribute('aria-pressed') === 'true',
    newest: b.title.endsWith('(just appended)'),
  }));
  const nextTokenNumbers = Array.from(q('next-token-chart')?.querySelectorAll('text') ?? [])
    .map((t) => t.textContent ?? '')
    .filter((t) => /\d%$/.test(t));
  const readout = q('attention-readout')?.textContent ?? '';
  const arcs = q('attention-arcs');
  const cols = Array.from(q('logit-lens-grid')?.querySelectorAll('g.col') ?? []);
  const selCol = cols.find((c) => {
    const tok = c.querySelector('text.tok');
    return tok instanceof SVGElement && tok.style.fontWeight === '700';
  });
  const saliencyQuestion = q('saliency-question')?.textContent ?? '';
  const concepts = q('panel-concepts');
  const selectedLine = Array.from(concepts?.querySelectorAll('p') ?? []).find((p) =>
    p.textContent?.startsWith('Selected position'),
  );
  return {
    context,
    nextTokenNumbers,
    heatmapRows: heatmapRows(),
    heatmapLastRowPainted: lastRowPainted(),
    readoutPos: num(/ at position (\d+) attends/.exec(readout)),
    readout,
    arcsQuery: arcs ? Number(arcs.getAttribute('aria-valuenow')) : null,
    arcsMax: arcs ? Number(arcs.getAttribute('aria-valuemax')) : null,
    lensCols: cols.length,
    lensSelected: num(/^position (\d+):/.exec(selCol?.querySelector('title')?.textContent ?? '')),
    saliencyPos: num(/after position (\d+) \(/.exec(saliencyQuestion)),
    saliencyQuestion,
    conceptsPos: num(/^Selected position (\d+)/.exec(selectedLine?.textContent ?? '')),
    conceptsChartPos: num(/^Position (\d+) /.exec(q('concepts-chart')?.getAttribute('aria-label') ?? '')),
  };
}

/**
 * In the page: true once every panel shows a context of `T` tokens with `sel` selected —
 * the same test the per-token timing polls with requestAnimationFrame.
 */
export function panelsShow({ T, sel }: { T: number; sel: number }): boolean {
  const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
  const buttons = q('next-token-context')?.querySelectorAll('button');
  const last = buttons?.[buttons.length - 1];
  const selectedLine = Array.from(q('panel-concepts')?.querySelectorAll('p') ?? []).find((p) =>
    p.textContent?.startsWith('Selected position'),
  );
  return (
    !!last &&
    last.title.startsWith(`position ${T - 1}:`) &&
    q('attention-cells')?.getAttribute('data-rows') === String(T) &&
    !!q('attention-readout')?.textContent?.includes(`at position ${sel} attends`) &&
    q('logit-lens-grid')?.querySelectorAll('g.col').length === T &&
    !!q('saliency-question')?.textContent?.includes(`after position ${sel} (`) &&
    !!selectedLine?.textContent?.startsWith(`Selected position ${sel}:`) &&
    !!q('concepts-chart')?.getAttribute('aria-label')?.startsWith(`Position ${sel} `)
  );
}

export class Panels {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async state(): Promise<PanelsState> {
    return this.page.evaluate(readPanels);
  }

  /** Wait until every panel shows a context of T tokens with position `sel` selected (default: the last). */
  async expectShowing(T: number, sel = T - 1): Promise<PanelsState> {
    await expect
      .poll(() => this.page.evaluate(panelsShow, { T, sel }), {
        message: `every panel shows ${T} tokens with position ${sel} selected`,
        intervals: [50, 100, 250],
      })
      .toBe(true);
    return this.state();
  }

  /** Wait until every panel names `pos` as the selected position. */
  async expectSelected(pos: number): Promise<PanelsState> {
    await expect
      .poll(
        async () => {
          const s = await this.state();
          return [
            s.readoutPos,
            s.arcsQuery,
            s.lensSelected,
            s.saliencyPos,
            s.conceptsPos,
            s.conceptsChartPos,
          ];
        },
        { message: `every panel selects position ${pos}`, intervals: [50, 100, 250] },
      )
      .toEqual([pos, pos, pos, pos, pos, pos]);
    const s = await this.state();
    expect(s.context.find((c) => c.pos === pos)?.pressed, `context strip marks position ${pos}`).toBe(true);
    expect(s.context.filter((c) => c.pressed)).toHaveLength(1);
    return s;
  }

  /** A logit-lens column header (the token under its position index); clicking it selects that position. */
  lensHeader(pos: number): Locator {
    return this.id('logit-lens-grid').locator('g.col').nth(pos).locator('text.tok');
  }

  /** The logit-lens cell at (`layer`, `pos`) — default the output row — found by where it is drawn. */
  async lensCell(pos: number, layer?: number): Promise<Locator> {
    const grid = this.id('logit-lens-grid');
    const index = await grid.evaluate(
      (svg, { pos, layer }) => {
        const cells = Array.from(svg.querySelectorAll('g.cell'));
        const xy = cells.map((c) => {
          const bg = c.querySelector('rect.bg');
          return [Number(bg?.getAttribute('x') ?? Number.NaN), Number(bg?.getAttribute('y') ?? Number.NaN)];
        });
        const xs = [...new Set(xy.map(([x]) => x))].sort((a, b) => a - b);
        const ys = [...new Set(xy.map(([, y]) => y))].sort((a, b) => a - b);
        const y = ys[layer ?? ys.length - 1];
        return xy.findIndex(([cx, cy]) => cx === xs[pos] && cy === y);
      },
      { pos, layer },
    );
    expect(index, `logit-lens cell for position ${pos}`).toBeGreaterThanOrEqual(0);
    return grid.locator('g.cell').nth(index).locator('rect.bg');
  }

  /** A token in the attention arrows strip. */
  arcToken(pos: number): Locator {
    return this.id('attention-arcs').locator(`g.tok[data-pos="${pos}"]`);
  }

  /** A token button in the next-token context strip. */
  contextToken(pos: number): Locator {
    return this.id('next-token-context').locator(`button[title^="position ${pos}:"]`);
  }

  /** A token in the saliency text. */
  saliencyToken(pos: number): Locator {
    return this.id('saliency-text').locator(`button[data-pos="${pos}"]`);
  }

  /** The integrated-gradients completeness line: Σ attributions and logit − baseline. */
  async completeness(): Promise<{ text: string; sum: number; delta: number; logit: number }> {
    const text = (await this.id('saliency-completeness').textContent()) ?? '';
    const n = (re: RegExp) => Number(re.exec(text)?.[1] ?? Number.NaN);
    return {
      text,
      sum: n(/Σ attributions = (-?[\d.]+)/),
      delta: n(/logit − baseline = (-?[\d.]+)/),
      logit: n(/logit for '[\s\S]*?' = (-?[\d.]+)/),
    };
  }
}
