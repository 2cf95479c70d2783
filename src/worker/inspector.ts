/** The session's analysis side: inspections, saliency, and attention snapshots recorded during training. */
import { BufferPool } from '../analysis/buffer-pool';
import { concepts } from '../analysis/concepts';
import { contextIds, inspect } from '../analysis/inspect';
import { saliency } from '../analysis/saliency';
import { t } from '../i18n/i18n';
import { nextTokenLogits } from '../model/generate';
import type { GPT } from '../model/gpt';
import { Rng } from '../model/rng';
import { sampleToken } from '../model/sample';
import type { Tokenizer } from '../model/tokenizer';
import type {
  AttentionSnapshot,
  ConceptsAt,
  ConceptsQuery,
  Inspected,
  InspectQuery,
  InspectResult,
  SaliencyQuery,
  Stepped,
  StepQuery,
} from './api';

const MAX_SNAPSHOTS = 40;

/** Cache key of one forward: the cropped context and the head mask it ran with. */
const keyOf = (ids: number[], headMask?: number[]) => `${ids.join(',')}|${headMask?.join('') ?? ''}`;

export class Inspector {
  private probe = '';
  private history: AttentionSnapshot[] = [];
  /** The next-token logits of the last inspection, so stepping after it needs no second forward. */
  private last: { key: string; logits: Float32Array } | null = null;
  /** Every token's text, made once per tokenizer (not at every inspection: up to 512 strings for BPE). */
  private labels: { tokenizer: Tokenizer; vocab: string[] } | null = null;
  /** Attention buffers the page has handed back (recycle), for the inspections it is sent. */
  private buffers = new BufferPool();

  constructor(
    private readonly model: () => GPT,
    private readonly tokenizer: () => Tokenizer,
  ) {}

  ids(text: string): number[] {
    if (text.length === 0) throw new Error(t('errors.inspectEmpty'));
    try {
      return Array.from(this.tokenizer().encode(text));
    } catch (e) {
      throw new Error(t('errors.textNotEncoded', { reason: (e as Error).message }));
    }
  }

  /** An inspection this thread keeps (its attention in a buffer of its own size). */
  async inspect(text: string, headMask?: number[]): Promise<InspectResult> {
    return this.inspectIds(this.ids(text), headMask, false);
  }

  /** An inspection; `forPage`: its attention in a recycled buffer, as it goes to the page by transfer. */
  async inspectIds(ids: number[], headMask?: number[], forPage = true): Promise<InspectResult> {
    const tok = this.tokenizer();
    const buffers = forPage ? this.buffers : undefined;
    const r = await inspect(this.model(), ids, { headMask, lensK: 5, buffers });
    this.last = { key: keyOf(r.ids, headMask), logits: r.logits };
    return {
      ...r,
      tokens: r.ids.map((id) => tok.decode([id])),
      vocab: this.vocabOf(tok),
    };
  }

  private vocabOf(tok: Tokenizer): string[] {
    if (this.labels?.tokenizer !== tok)
      this.labels = {
        tokenizer: tok,
        vocab: Array.from({ length: tok.vocabSize }, (_, id) => tok.tokenText(id)),
      };
    return this.labels.vocab;
  }

  /** An inspection and, when asked, the Concepts cell on the same context. */
  async inspectWith(ids: number[], q: InspectQuery = {}): Promise<Inspected> {
    const result = await this.inspectIds(ids, q.headMask);
    return { result, concepts: q.concepts ? await this.cell(ids, result, q.concepts, q.headMask) : null };
  }

  private cell(ids: number[], r: InspectResult, c: ConceptsAt, headMask?: number[]) {
    const T = r.ids.length;
    const position = c.position === 'last' ? T - 1 : Math.min(c.position, T - 1);
    return concepts(this.model(), {
      ids,
      position,
      layer: Math.min(c.layer, r.n_layer - 1),
      head: Math.min(c.head, r.n_head - 1),
      keyPosition: c.keyPosition !== undefined && c.keyPosition <= position ? c.keyPosition : undefined,
      headMask,
    });
  }

  concepts(q: ConceptsQuery) {
    return concepts(this.model(), { ...q, ids: this.ids(q.text) });
  }

  /** Draw the next token from the distribution the panels show for `ids`, append it, inspect again. */
  async step(ids: number[], q: StepQuery): Promise<Stepped> {
    const logits = await this.nextLogits(ids, q.headMask);
    const id = sampleToken(logits, q.sampling, new Rng(q.sampling.seed));
    const inspected = await this.inspectWith([...ids, id], q);
    return { ...inspected, id, text: this.tokenizer().decode([id]) };
  }

  /** Next-token logits after `ids` (with heads ablated by `headMask`), from the last inspection when it saw the same context. */
  async nextLogits(ids: number[], headMask?: number[]): Promise<Float32Array> {
    const model = this.model();
    const key = keyOf(contextIds(model, ids), headMask);
    if (this.last?.key === key) return this.last.logits;
    return nextTokenLogits(model, ids, headMask);
  }

  saliency(q: SaliencyQuery) {
    return saliency(this.model(), q);
  }

  setProbe(text: string): void {
    this.probe = text;
    this.history = [];
  }

  /** Record the probe's attention at this step (thinned to MAX_SNAPSHOTS, keeping the first). */
  async record(step: number): Promise<void> {
    if (!this.probe) return;
    let r: InspectResult;
    try {
      r = await this.inspect(this.probe);
    } catch {
      return; // a probe the vocab cannot encode records nothing
    }
    this.history.push({ step, tokens: r.tokens, attention: r.attention });
    if (this.history.length > MAX_SNAPSHOTS)
      this.history = this.history.filter((_, i) => i === 0 || i % 2 === 1);
  }

  snapshots(): AttentionSnapshot[] {
    return this.history;
  }

  /** Attention buffers the page is done with (store/held-inspections.ts says when). */
  recycle(buffers: ArrayBuffer[]): void {
    this.buffers.give(buffers);
  }

  /** The weights changed (training): cached logits no longer hold. */
  forget(): void {
    this.last = null;
  }

  clear(): void {
    this.history = [];
    this.last = null;
    this.buffers = new BufferPool(); // sized for the model before
  }
}
