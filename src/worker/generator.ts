/** Text in, text out: prompt encoding, streamed generation and the samples shown while training. */

import { formatNumber, t } from '../i18n/i18n';
import { generate } from '../model/generate';
import type { GPT } from '../model/gpt';
import type { Rng } from '../model/rng';
import type { SamplingOptions } from '../model/sample';
import type { Tokenizer } from '../model/tokenizer';

const TRAINING_SAMPLE_TOKENS = 120;

export class Generator {
  private stopFlag = false;

  constructor(
    private readonly model: () => GPT,
    private readonly tokenizer: () => Tokenizer | null,
  ) {}

  private requireTokenizer(): Tokenizer {
    const tok = this.tokenizer();
    if (!tok) throw new Error(t('errors.noTokenizer'));
    return tok;
  }

  encode(text: string): { ids: number[]; tokens: string[] } {
    const tok = this.requireTokenizer();
    const ids = Array.from(tok.encode(text)); // throws OutOfVocabularyError naming the characters
    return { ids, tokens: ids.map((id) => tok.decode([id])) };
  }

  /** Prompt ids; an empty prompt starts from a newline (nanoGPT's sample.py) or token 0. */
  promptIds(prompt: string): number[] {
    const tok = this.requireTokenizer();
    if (prompt.length > 0) {
      try {
        return Array.from(tok.encode(prompt));
      } catch (e) {
        throw new Error(t('errors.promptNotEncoded', { reason: (e as Error).message }));
      }
    }
    try {
      return Array.from(tok.encode('\n'));
    } catch {
      return [0];
    }
  }

  /** Generate `count` tokens, streaming each one's new text to onToken; returns the generated text. */
  async generate(
    prompt: string,
    count: number,
    sampling: SamplingOptions,
    rng: Rng,
    onToken?: (text: string, id: number) => void,
    headMask?: number[],
  ): Promise<string> {
    if (!Number.isInteger(count) || count < 1 || count > 10_000) {
      throw new Error(t('errors.length', { max: formatNumber(10_000) }));
    }
    const tok = this.requireTokenizer();
    const model = this.model();
    const ids = this.promptIds(prompt);
    this.stopFlag = false;
    const out: number[] = [];
    let shown = '';
    const streamed = (id: number) => {
      out.push(id);
      // Decode the whole output each time so multi-byte characters split over BPE tokens arrive whole.
      const text = tok.decode(out).replace(/\uFFFD$/, '');
      onToken?.(text.slice(shown.length), id);
      shown = text;
      return !this.stopFlag;
    };
    await generate(model, ids, count, sampling, rng, { onToken: streamed, headMask });
    return tok.decode(out);
  }

  sampleText(rng: Rng): Promise<string> {
    return this.generate(
      '',
      TRAINING_SAMPLE_TOKENS,
      { mode: 'sample', temperature: 0.8, topK: 0, topP: 1 },
      rng,
    );
  }

  stop(): void {
    this.stopFlag = true;
  }
}
