/**
 * The worker's one session: corpus, tokenizer, model, optimizer and history, behind the
 * EngineApi surface. Every call that can fail checks first and swaps state last, so a
 * rejected input leaves what the user had untouched. Generation and the inspections, which only
 * read the model, are model-calls.ts.
 */
import * as Comlink from 'comlink';
import { set } from 'idb-keyval';
import type { Messages } from '../i18n/catalogue';
import { t } from '../i18n/i18n';
import { type Checkpoint, decodeCheckpoint, encodeCheckpoint, sha256Hex } from '../model/checkpoint';
import { makeConfig } from '../model/config';
import { GPT } from '../model/gpt';
import type { Rng } from '../model/rng';
import { type Tokenizer, type TokenizerJSON, tokenizerFromJSON } from '../model/tokenizer';
import { type Trainer, trainerAt } from '../model/trainer';
import type {
  EngineApi,
  EvalPoint,
  FineTunePlan,
  FineTuneRequest,
  FineTuneStart,
  ImportOptions,
  LoadedModel,
  LossPoint,
  MeasureOptions,
  ModelInfo,
  ModelSpec,
  SaveOutcome,
  SessionSnapshot,
  TokenizerChoice,
  TrainEvents,
  TrainSettings,
} from './api';
import { type BackendRequest, initBackend } from './backend';
import { type PreparedCorpus, prepareCorpus, withTokenizer } from './corpus';
import { fineTuneParts, fineTunePlan, fineTuneStart } from './fine-tune';
import { watchGpuLoss } from './gpu-loss';
import { measureBackends } from './measure';
import { engineMemory } from './memory';
import { ModelCalls } from './model-calls';
import { modelInfo } from './model-info';
import { pytorchBundle } from './pytorch-export';
import { type OptimizerState, Snapshots } from './snapshots';
import { checkMemory, checkTrainable } from './train-checks';
import { runTraining } from './training-loop';

type History = { losses: LossPoint[]; evals: EvalPoint[] };

export class Session extends ModelCalls implements EngineApi {
  /** The training text, tokenized with `tokenizer`; null when the text does not fit the model's vocab. */
  private corpus: PreparedCorpus | null = null;
  private corpusText = '';
  private choice: TokenizerChoice = { kind: 'char' };
  private tokenizer: Tokenizer | null = null;
  private model: GPT | null = null;
  private trainer: Trainer | null = null;
  private trainerKey = '';
  /** Where a freshly loaded model resumes: its step and (after a reload) its optimizer state. */
  private resume: { step: number; optimizer: OptimizerState | null; rng: number | null } = {
    step: 0,
    optimizer: null,
    rng: null,
  };
  private history: History = { losses: [], evals: [] };
  private elapsedMs = 0;
  private stopping = false;
  private training = false;
  private lastSettings: TrainSettings | null = null;
  private readonly snapshots = new Snapshots();
  private onGpuLost: ((why: string) => void) | null = null;

  async measureBackends(batchSize: number, options?: MeasureOptions) {
    this.idle('measuring');
    const config =
      this.model?.config ??
      makeConfig(
        { n_layer: 2, n_head: 4, n_embd: 64, block_size: 32 },
        this.corpus?.tokenizer.vocabSize ?? 65,
      );
    return measureBackends(config, batchSize, options);
  }

  async ping(): Promise<true> {
    return true;
  }

  async init(request: BackendRequest, onGpuLost?: (why: string) => void) {
    const info = await initBackend(request);
    this.onGpuLost = onGpuLost ?? null;
    if (onGpuLost) watchGpuLoss(onGpuLost);
    return info;
  }

  async moveToBackend(request: BackendRequest) {
    this.idle('switching');
    // Read out on the old backend (one GPU→CPU read each), then rebuilt on the new one.
    const model = this.model;
    const moved = model && {
      config: model.config,
      weights: await model.readWeights(),
      step: this.trainer?.iteration ?? this.resume.step,
      optimizer: this.trainer ? await this.trainer.optimizer.readState() : this.resume.optimizer,
      rng: this.trainer?.rngState ?? this.resume.rng,
    };
    this.trainer?.dispose();
    this.trainer = null;
    model?.dispose();
    this.model = null;
    this.snapshots.clear();
    const info = await initBackend(request);
    if (this.onGpuLost) watchGpuLoss(this.onGpuLost);
    if (moved) {
      this.model = new GPT(moved.config, moved.weights);
      this.resume = { step: moved.step, optimizer: moved.optimizer, rng: moved.rng };
    }
    return info;
  }

  /** Refuses a request that must not run while training does: "Pause training before …". */
  private idle(what: keyof Messages<'errors'>['pauseFirst']): void {
    if (this.training) throw new Error(t(`errors.pauseFirst.${what}`));
  }

  async setCorpus(text: string, choice: TokenizerChoice, onProgress?: (done: number, total: number) => void) {
    this.idle('corpus');
    const next = prepareCorpus(text, choice, onProgress); // throws before anything changes
    this.corpus = next;
    this.corpusText = text;
    this.choice = choice;
    // The model keeps its own tokenizer until a new model is built for this corpus.
    if (!this.model) this.tokenizer = next.tokenizer;
    return next.stats;
  }

  async describeModel(spec: ModelSpec): Promise<ModelInfo> {
    const vocab = this.corpus?.tokenizer.vocabSize ?? 65;
    return modelInfo(makeConfig(spec, vocab, { tied: spec.tied, dropout: spec.dropout }));
  }

  async buildModel(spec: ModelSpec, seed: number): Promise<ModelInfo> {
    this.idle('building');
    const corpus = this.corpus;
    if (!corpus) throw new Error(t('errors.corpus.first'));
    const config = makeConfig(spec, corpus.tokenizer.vocabSize, { tied: spec.tied, dropout: spec.dropout });
    this.adoptModel(GPT.create(config, seed), corpus.tokenizer, 0);
    return modelInfo(config);
  }

  private adoptModel(model: GPT, tokenizer: Tokenizer, step: number): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.model?.dispose();
    this.model = model;
    this.tokenizer = tokenizer;
    this.resume = { step, optimizer: null, rng: null };
    this.history = { losses: [], evals: [] };
    this.elapsedMs = 0;
    this.snapshots.clear();
    this.inspector.clear();
  }

  protected currentTokenizer(): Tokenizer | null {
    return this.tokenizer;
  }

  protected requireModel(): GPT {
    if (!this.model) throw new Error(t('errors.noModel'));
    return this.model;
  }

  /**
   * The corpus tokenized with the model's own tokenizer. A corpus edited after training keeps
   * training the same model as long as the model's vocabulary covers every character of it.
   */
  private corpusForModel(): PreparedCorpus {
    const corpus = this.corpus;
    if (!corpus) throw new Error(t('errors.corpus.toTrain'));
    if (corpus.tokenizer === this.tokenizer || !this.tokenizer) return corpus;
    try {
      this.corpus = withTokenizer(corpus.text, this.tokenizer);
      return this.corpus;
    } catch (e) {
      const why = t('errors.corpus.outsideVocabulary', { reason: (e as Error).message });
      throw new Error(`${why} ${t('fineTune.orFineTune')}`);
    }
  }

  private trainerFor(s: TrainSettings): Trainer {
    const model = this.requireModel();
    const corpus = this.corpusForModel();
    checkTrainable(s, model.config.block_size, corpus.split);
    checkMemory(model.config, s.batchSize);
    const key = `${s.seed}|${s.batchSize}`;
    if (!this.trainer || this.trainerKey !== key) {
      const step = this.trainer?.iteration ?? this.resume.step;
      this.trainer?.dispose();
      this.trainer = trainerAt(model, corpus.split, { batchSize: s.batchSize, seed: s.seed }, step);
      if (this.resume.optimizer) this.trainer.optimizer.loadState(this.resume.optimizer);
      if (this.resume.rng !== null) this.trainer.rngState = this.resume.rng;
      this.resume = { step: 0, optimizer: null, rng: null };
      this.trainerKey = key;
    }
    this.trainer.data = corpus.split; // the corpus may have changed under a trained model
    return this.trainer;
  }

  async train(settings: TrainSettings, events: TrainEvents) {
    if (this.training) throw new Error(t('errors.training.running'));
    const trainer = this.trainerFor(settings);
    this.training = true;
    this.stopping = false;
    this.lastSettings = settings;
    const corpus = this.corpusForModel();
    const host = {
      trainer,
      history: this.history,
      tokensPerChar: corpus.ids.length / Math.max(1, corpus.stats.characters),
      elapsedMs: this.elapsedMs,
      stopRequested: () => this.stopping,
      checkpointGood: async () => {
        await this.snapshots.keep(trainer);
        await this.inspector.record(trainer.iteration);
      },
      restoreGood: () => this.snapshots.restore(trainer),
      sampleText: (rng: Rng) => this.generator.sampleText(rng),
      memory: engineMemory,
    };
    try {
      return await runTraining(host, settings, events);
    } finally {
      this.elapsedMs = host.elapsedMs;
      this.training = false;
      this.inspector.forget();
    }
  }

  async pause() {
    this.stopping = true;
  }

  async fineTunePlan(base?: TokenizerJSON): Promise<FineTunePlan | null> {
    const tokenizer = base ? tokenizerFromJSON(base) : this.model && this.tokenizer;
    return tokenizer && this.corpusText ? fineTunePlan(this.corpusText, tokenizer) : null;
  }

  async prepareFineTune(r: FineTuneRequest): Promise<FineTuneStart> {
    if (this.training) throw new Error(t('fineTune.pauseFirst'));
    const old = this.requireModel();
    // Checked before anything changes: a refusal leaves the model, corpus and optimizer as they were.
    const parts = await fineTuneParts(old, this.tokenizer!, this.corpusText, r);
    const step = this.trainer?.iteration ?? this.resume.step;
    this.trainer?.dispose();
    if (parts.model !== old) old.dispose();
    this.model = parts.model;
    this.tokenizer = parts.tokenizer;
    this.corpus = parts.corpus;
    this.corpusText = parts.text;
    this.choice = { kind: parts.tokenizer.kind, vocabSize: parts.tokenizer.vocabSize };
    this.trainer = trainerAt(parts.model, parts.corpus.split, { batchSize: r.batchSize, seed: r.seed }, step);
    this.trainerKey = `${r.seed}|${r.batchSize}`;
    this.resume = { step: 0, optimizer: null, rng: null };
    this.snapshots.clear();
    this.inspector.clear();
    const evalPoint = { step, ...(await this.trainer.estimateLoss(r.evalIters)) };
    this.history.evals.push(evalPoint);
    return fineTuneStart(parts, evalPoint);
  }

  private async checkpointBytes(): Promise<Uint8Array> {
    const model = this.requireModel();
    return encodeCheckpoint({
      config: model.config,
      tokenizer: this.tokenizer!.toJSON(),
      step: this.trainer?.iteration ?? this.resume.step,
      corpusSha256: this.corpus ? await sha256Hex(this.corpusText) : '',
      weights: await model.readWeights(),
    });
  }

  async exportCheckpoint() {
    const bytes = await this.checkpointBytes();
    return Comlink.transfer(bytes, [bytes.buffer]);
  }

  /** "Train this in PyTorch": the .zip that goes on from this model, corpus and batch stream (worker/pytorch-export.ts). */
  async exportPytorch(settings: TrainSettings): Promise<Uint8Array> {
    const model = this.requireModel();
    const corpus = this.corpusForModel(); // throws a person's message when there is no corpus to train on
    const zip = pytorchBundle(settings, {
      model,
      corpus,
      checkpoint: await this.checkpointBytes(),
      step: this.trainer?.iteration ?? this.resume.step,
      rngState: this.trainer?.rngState ?? this.resume.rng,
      adamw: this.trainer?.optimizer.options,
    });
    return Comlink.transfer(zip, [zip.buffer]);
  }

  async importCheckpoint(bytes: Uint8Array, options: ImportOptions = {}): Promise<LoadedModel> {
    this.idle('loading');
    const ck = decodeCheckpoint(bytes); // throws before anything changes
    const loaded = this.adoptCheckpoint(ck, options.withoutCorpus ? '' : this.corpusText);
    if (options.history) this.history = options.history;
    return { ...loaded, history: this.history };
  }

  /** Take a checkpoint's model and tokenizer; keep the corpus text, re-tokenized when it fits. */
  private adoptCheckpoint(ck: Checkpoint, text: string): LoadedModel {
    const tokenizer = tokenizerFromJSON(ck.tokenizer);
    let corpus: PreparedCorpus | null = null;
    try {
      corpus = text ? withTokenizer(text, tokenizer) : null;
    } catch {
      corpus = null; // the text has characters this model never saw: it can generate, not train on it
    }
    this.adoptModel(new GPT(ck.config, ck.weights), tokenizer, ck.step);
    this.corpus = corpus;
    this.corpusText = text;
    this.choice = { kind: tokenizer.kind, vocabSize: tokenizer.vocabSize };
    return { info: modelInfo(ck.config), step: ck.step, stats: corpus?.stats ?? null, history: this.history };
  }

  /**
   * Write the session, with what the UI adds, to IndexedDB from this thread: sent to the UI to be
   * stored there, its structured clones cost the page a 150–200 ms task (bench/NOTES.md).
   */
  async autosave(key: string, extras: Record<string, unknown>): Promise<SaveOutcome> {
    const snap = await this.snapshot();
    if (!snap) return { saved: false, reason: 'no-model' };
    try {
      await set(key, { snap, ...extras }); // one transaction: it lands whole or not at all
    } catch (e) {
      const full = (e as DOMException)?.name === 'QuotaExceededError';
      return { saved: false, reason: full ? 'storage-full' : 'failed', message: (e as Error)?.message };
    }
    return { saved: true, bytes: snapshotBytes(snap) };
  }

  private async snapshot(): Promise<SessionSnapshot | null> {
    if (!this.model || !this.tokenizer) return null;
    return {
      corpus: this.corpusText,
      tokenizer: this.choice,
      checkpoint: await this.checkpointBytes(),
      optimizer: this.trainer ? await this.trainer.optimizer.readState() : this.resume.optimizer,
      rngState: this.trainer?.rngState ?? this.resume.rng,
      history: this.history,
      train: this.lastSettings,
      elapsedMs: this.elapsedMs,
    };
  }

  async restore(s: SessionSnapshot): Promise<LoadedModel> {
    this.idle('restoring');
    const loaded = this.adoptCheckpoint(decodeCheckpoint(s.checkpoint), s.corpus);
    this.choice = s.tokenizer;
    this.history = s.history;
    this.elapsedMs = s.elapsedMs;
    this.lastSettings = s.train;
    this.resume = { step: s.optimizer?.step ?? loaded.step, optimizer: s.optimizer, rng: s.rngState };
    return { ...loaded, history: this.history };
  }
}

/** About what a snapshot takes in storage: checkpoint, optimizer moments, corpus (UTF-16 in IndexedDB). */
function snapshotBytes(snap: SessionSnapshot): number {
  let bytes = snap.checkpoint.byteLength + snap.corpus.length * 2;
  for (const moments of [snap.optimizer?.m, snap.optimizer?.v])
    for (const a of moments?.values() ?? []) bytes += a.byteLength;
  return bytes;
}
