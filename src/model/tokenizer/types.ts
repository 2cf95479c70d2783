/** The tokenizer contract shared by the char-level and byte-level BPE tokenizers. */
import { t } from '../../i18n/i18n';

export type TokenizerJSON =
  | { kind: 'char'; chars: string[] }
  | { kind: 'bpe'; merges: [number, number][]; pattern: string };

export interface Tokenizer {
  readonly kind: TokenizerJSON['kind'];
  readonly vocabSize: number;
  /** Text → ids. Throws OutOfVocabularyError naming every character the vocab lacks. */
  encode(text: string): Int32Array;
  /** Ids → text. Throws RangeError on an id outside [0, vocabSize). */
  decode(ids: ArrayLike<number>): string;
  /** A printable form of one token, for the tokens view (e.g. "␣the", "\\n", "<0xE2>"). */
  tokenText(id: number): string;
  toJSON(): TokenizerJSON;
}

/** Progress of a long tokenizer training run: `done` of `total` units of work. */
export type Progress = (done: number, total: number) => void;

export class OutOfVocabularyError extends Error {
  constructor(readonly missing: string[]) {
    const shown = missing
      .slice(0, 10)
      .map((c) => JSON.stringify(c))
      .join(', ');
    const more =
      missing.length > 10
        ? t('errors.tokenizer.outOfVocabularyMore', { n: String(missing.length - 10) })
        : '';
    super(t('errors.tokenizer.outOfVocabulary', { n: String(missing.length), shown, more }));
    this.name = 'OutOfVocabularyError';
  }
}
