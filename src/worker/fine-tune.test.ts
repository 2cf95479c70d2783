/**
 * Fine-tuning the shipped pretrained model on a text with characters it never saw: extend grows the
 * vocabulary by exactly those characters and keeps every old weight bit-for-bit, and the model
 * starts far below a fresh one on the new text; drop removes exactly them; nothing leaks over steps.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { decodeCheckpoint } from '../model/checkpoint';
import { CharTokenizer } from '../model/tokenizer';
import type { TrainSettings } from './api';
import { dropChars, missingChars, samplePrompt } from './fine-tune';
import { Session } from './session';

const PRETRAINED = fileURLToPath(
  new URL('../../public/pretrained/baby-shakespeare.safetensors', import.meta.url),
);

/** Shakespeare, with "é", "ü", "{" and "}" the shipped model's vocabulary (Tiny Shakespeare's 65) lacks. */
const LINES = `{ROMEO}:
But soft, what light through yonder window breaks?
It is thé east, and Juliet is thé sun.
Arise, fair sun, and kill thé envious moon,
Who is already sick and pale with grief.

{HAMLET}:
To be, or not to be, that is thé question:
Whether 'tis nobler in thé mind to suffer
The slings and arrows of outrageous fortune,
Or to take arms against a sea of troubles,
And by opposing end them. To die, to sleep;
No more; and by a sleep to say we end
The heart-ache and thé thousand natural shocks
That flesh is heir to.

{JULIET}:
O Romeo, Romeo! wherefore art thoü Romeo?
Deny thy father and refuse thy name;
Or, if thoü wilt not, be but sworn my love,
And I'll no longer be a Capulet.
`;
const TEXT = LINES.repeat(4);
const NEW = ['{', '}', 'é', 'ü']; // in code-point order, as they are listed and appended
const count = (ch: string) => [...TEXT].filter((c) => c === ch).length;

// Small batches: tfjs's cpu backend runs the baby model slowly, and the figures asked for are far apart.
const FT = { seed: 1337, batchSize: 2, evalIters: 2 };
const settings = (from: number, maxSteps: number): TrainSettings => ({
  seed: FT.seed,
  learningRate: 3e-4,
  batchSize: FT.batchSize,
  maxSteps,
  evalInterval: 1000,
  evalIters: 1,
  sampleInterval: 0,
  fineTuneFrom: from,
});

async function pretrainedOn(text: string): Promise<Session> {
  const session = new Session();
  await session.init('cpu');
  await session.setCorpus(text, { kind: 'char' });
  await session.importCheckpoint(new Uint8Array(readFileSync(PRETRAINED)));
  return session;
}

const exported = async (s: Session) => decodeCheckpoint(await s.exportCheckpoint());

describe('fine-tuning the pretrained model on a text with new characters', () => {
  it('lists exactly the characters its vocabulary lacks, with their counts', async () => {
    const session = await pretrainedOn(TEXT);
    const plan = await session.fineTunePlan();
    expect(plan?.tokenizer).toBe('char');
    expect(plan?.vocabSize).toBe(65);
    expect(plan?.missing).toEqual(NEW.map((char) => ({ char, shown: char, count: count(char) })));
  });

  it('extend: same shape, vocab grown by exactly the new characters, every old weight bit-for-bit, far below a fresh model at step 0', async () => {
    const session = await pretrainedOn(TEXT);
    const before = await exported(session);
    const start = await session.prepareFineTune({ policy: 'extend', ...FT });
    const after = await exported(session);

    const { n_layer, n_head, n_embd, block_size } = before.config;
    expect(start.info).toMatchObject({ n_layer, n_head, n_embd, block_size, vocab_size: 65 + NEW.length });
    expect(after.config).toEqual({ ...before.config, vocab_size: 65 + NEW.length });
    expect(start.added).toEqual(NEW);
    expect(after.tokenizer).toEqual({
      kind: 'char',
      chars: [...(before.tokenizer as { chars: string[] }).chars, ...NEW],
    });
    expect(start.step).toBe(before.step);
    const V = 65;
    const C = n_embd;
    for (const [name, old] of before.weights) {
      const now = after.weights.get(name)!;
      if (name === 'transformer.wte.weight') expect(now.subarray(0, V * C)).toEqual(old);
      else if (name === 'lm_head.weight')
        // stored (C, V): the first V columns of every row
        for (let c = 0; c < C; c++)
          expect(now.subarray(c * (V + NEW.length), c * (V + NEW.length) + V)).toEqual(
            old.subarray(c * V, (c + 1) * V),
          );
      else expect(now).toEqual(old);
    }
    // The corpus is all of the text, now encodable.
    expect(start.stats.characters).toBe([...TEXT].length);
    expect(start.text).toBe(TEXT);

    // A fresh model of the same shape on the same text, before any step, as the fine-tune is measured.
    const fresh = new Session();
    await fresh.init('cpu');
    await fresh.setCorpus(TEXT, { kind: 'char' });
    await fresh.buildModel({ n_layer, n_head, n_embd, block_size, tied: false, dropout: 0 }, 1337);
    const freshStart = await fresh.prepareFineTune({ policy: 'extend', ...FT });
    expect(freshStart.eval.val).toBeGreaterThan(3.5); // ≈ ln(vocab): it knows nothing
    expect(start.eval.val).toBeLessThan(0.7 * freshStart.eval.val);
    expect(start.prompt).toBe('{ROMEO}:');
  });

  it('drop: the corpus it trains on has exactly the listed characters removed, the vocabulary unchanged', async () => {
    const session = await pretrainedOn(TEXT);
    const start = await session.prepareFineTune({ policy: 'drop', ...FT });
    const removed = NEW.reduce((n, ch) => n + count(ch), 0);
    expect(start.removed).toEqual(NEW.map((char) => ({ char, shown: char, count: count(char) })));
    expect([...start.text].length).toBe([...TEXT].length - removed);
    expect(start.text).toBe([...TEXT].filter((c) => !NEW.includes(c)).join(''));
    expect(start.stats.characters).toBe([...TEXT].length - removed);
    expect(start.info.vocab_size).toBe(65);
    expect((await session.fineTunePlan())?.missing).toEqual([]);
  });

  it('keeps the tensor count flat: the swap leaves nothing behind, and steps add nothing', async () => {
    const session = await pretrainedOn(TEXT);
    const base = tf.memory().numTensors;
    const start = await session.prepareFineTune({ policy: 'extend', ...FT });
    const prepared = tf.memory().numTensors;
    // A fresh optimizer's two moments per parameter are the only new tensors.
    const params = (await exported(session)).weights.size;
    expect(prepared).toBe(base + 2 * params);
    const noEvents = { progress: () => {}, sample: () => {} };
    expect((await session.train(settings(start.step, start.step + 1), noEvents)).status).toBe('done');
    const after1 = tf.memory().numTensors;
    expect((await session.train(settings(start.step, start.step + 3), noEvents)).status).toBe('done');
    expect(tf.memory().numTensors).toBe(after1);
  });
});

describe('the pieces', () => {
  it('missingChars counts code points; a byte-level BPE model lacks none', () => {
    const tok = new CharTokenizer(['a', 'b']);
    expect(missingChars('ab😀ca😀', tok)).toEqual([
      { char: 'c', shown: 'c', count: 1 },
      { char: '😀', shown: '😀', count: 2 },
    ]);
    expect(missingChars('a b', tok)).toEqual([{ char: ' ', shown: '␣', count: 1 }]);
  });

  it('dropChars removes whole code points and nothing else', () => {
    expect(dropChars('a😀b😀c', ['😀'])).toBe('abc');
    expect(dropChars('abc', [])).toBe('abc');
  });

  it('the sample prompt is the first line, or the first 40 characters when it is short', () => {
    expect(samplePrompt('HAMLET: To be\nor not')).toBe('HAMLET: To be');
    expect(samplePrompt('Hi\nthere, how are you')).toBe('Hi\nthere, how are you');
  });
});
