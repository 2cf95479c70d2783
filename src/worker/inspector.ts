/** The session's analysis side: inspections, saliency, and attention snapshots recorded during training. */
import { inspect } from '../analysis/inspect';
import { saliency } from '../analysis/saliency';
import type { GPT } from '../model/gpt';
import type { Tokenizer } from '../model/tokenizer';
import type { AttentionSnapshot, InspectResult, SaliencyQuery } from './api';

const MAX_SNAPSHOTS = 40;

export class Inspector {
  private probe = '';
  private history: AttentionSnapshot[] = [];

  constructor(
    private readonly model: () => GPT,
    private readonly tokenizer: () => Tokenizer,
  ) {}

  private ids(text: string): number[] {
    if (text.length === 0) throw new Error('Type some text to inspect.');
    try {
      return Array.from(this.tokenizer().encode(text));
    } catch (e) {
      throw new Error(`The text cannot be encoded: ${(e as Error).message}`);
    }
  }

  async inspect(text: string, headMask?: number[]): Promise<InspectResult> {
    const t = this.tokenizer();
    const r = await inspect(this.model(), this.ids(text), { headMask, lensK: 5 });
    return {
      ...r,
      tokens: r.ids.map((id) => t.decode([id])),
      vocab: Array.from({ length: t.vocabSize }, (_, id) => t.tokenText(id)),
    };
  }

  saliency(q: SaliencyQuery) {
    return saliency(this.model(), { ...q, ids: this.ids(q.text) });
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

  clear(): void {
    this.history = [];
  }
}
