/** Text in, text out: prompt encoding, streamed generation and the samples shown while training. */

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
    const t = this.tokenizer();
    if (!t) throw new Error('There is no tokenizer yet: load a corpus or a model first.');
    return t;
  }

  encode(text: string): { ids: number[]; tokens: string[] } {
    const t = this.requireTokenizer();
    const ids = Array.from(t.encode(text)); // throws OutOfVocabularyError naming the characters
    return { ids, tokens: ids.map((id) => t.decode([id])) };
  }

  /** Prompt ids; an empty prompt starts from a newline (nanoGPT's sample.py) or token 0. */
  promptIds(prompt: string): number[] {
    const t = this.requireTokenizer();
    if (prompt.length > 0) {
      try {
        return Array.from(t.encode(prompt));
      } catch (e) {
        throw new Error(`The prompt cannot be encoded: ${(e as Error).message}`);
      }
    }
    try {
      return Array.from(t.encode('\n'));
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
      throw new Error('The length must be a whole number of tokens from 1 to 10,000.');
    }
    const t = this.requireTokenizer();
    const model = this.model();
    const ids = this.promptIds(prompt);
    this.stopFlag = false;
    const out: number[] = [];
    let shown = '';
    const streamed = (id: number) => {
      out.push(id);
      // Decode the whole output each time so multi-byte characters split over BPE tokens arrive whole.
      const text = t.decode(out).replace(/\uFFFD$/, '');
      onToken?.(text.slice(shown.length), id);
      shown = text;
      return !this.stopFlag;
    };
    await generate(model, ids, count, sampling, rng, { onToken: streamed, headMask });
    return t.decode(out);
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
