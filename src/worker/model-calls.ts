/**
 * The calls that read the model without changing it — generation and the see-inside inspections —
 * for the Session (session.ts) to extend: it owns the model and tokenizer, these only use them.
 */
import * as Comlink from 'comlink';
import { embeddingNeighbours, stepDemo } from '../analysis/lesson';
import { setLanguage, t } from '../i18n/i18n';
import type { Lang } from '../i18n/languages';
import type { GPT } from '../model/gpt';
import { Rng } from '../model/rng';
import { validateSampling } from '../model/sample';
import type { Tokenizer } from '../model/tokenizer';
import type {
  ConceptsQuery,
  Inspected,
  InspectQuery,
  SaliencyQuery,
  SamplingSettings,
  StepQuery,
} from './api';
import { Generator } from './generator';
import { Inspector } from './inspector';

export abstract class ModelCalls {
  protected abstract requireModel(): GPT;
  protected abstract currentTokenizer(): Tokenizer | null;

  protected readonly generator = new Generator(
    () => this.requireModel(),
    () => this.currentTokenizer(),
  );
  protected readonly inspector = new Inspector(
    () => this.requireModel(),
    () => {
      const tok = this.currentTokenizer();
      if (!tok) throw new Error(t('errors.noTokenizer'));
      return tok;
    },
  );

  /** The language the engine's messages are written in (the UI's, i18n/). */
  async setLanguage(lang: Lang): Promise<void> {
    setLanguage(lang);
  }

  async encode(text: string) {
    return this.generator.encode(text);
  }

  async generate(
    prompt: string,
    count: number,
    sampling: SamplingSettings,
    onToken: (text: string, id: number) => void,
    headMask?: number[],
  ) {
    validateSampling(sampling);
    return this.generator.generate(prompt, count, sampling, new Rng(sampling.seed), onToken, headMask);
  }

  async stopGenerating() {
    this.generator.stop();
  }

  async inspect(text: string, query?: InspectQuery) {
    const ids = query?.fromPrompt ? this.generator.promptIds(text) : this.inspector.ids(text);
    return handOver(await this.inspector.inspectWith(ids, query));
  }

  async step(query: StepQuery) {
    validateSampling(query.sampling);
    return handOver(await this.inspector.step(this.generator.promptIds(query.context), query));
  }

  async recycle(buffers: ArrayBuffer[]) {
    this.inspector.recycle(buffers);
  }

  async saliency(query: SaliencyQuery) {
    return this.inspector.saliency(query);
  }

  async concepts(query: ConceptsQuery) {
    return this.inspector.concepts(query);
  }

  async neighbours(id: number, k: number) {
    return embeddingNeighbours(this.requireModel(), id, k);
  }

  async stepDemo(text: string, learningRate: number) {
    return stepDemo(this.requireModel(), this.inspector.ids(text), learningRate);
  }

  async setProbe(text: string) {
    this.inspector.setProbe(text);
  }

  async attentionHistory() {
    return this.inspector.snapshots();
  }
}

/**
 * An inspection's large arrays go to the page by transfer instead of a structured-clone copy (for
 * baby: 2.2 → 0.05 ms, paid half here and half on the page's main thread, every token). The worker
 * keeps none of them (the Inspector caches only the logits, which stay); the page hands the
 * attention's buffer back when it is done with it (`recycle`).
 */
function handOver<T extends Inspected>(x: T): T {
  const { attention, lensIds, lensProbs } = x.result;
  return Comlink.transfer(x, [attention.buffer, lensIds.buffer, lensProbs.buffer]);
}
