/** The lifecycle strip: text → tokens → embeddings → layers → softmax → loss → update, the explained stage lit. */

import styles from './Concepts.module.css';
import { STAGES, type Stage } from './conceptsData';

export const STAGE_TEXT: Record<Stage, string> = {
  text: 'text: the characters you typed or generated.',
  tokens: 'tokens: the text cut into vocabulary ids (one per character with the char tokenizer).',
  embeddings:
    'embeddings: each id looks up a row of wte, each position a row of wpe; their sum x enters the first block.',
  layers:
    'layers: in every block each head compares its query with every earlier key (q·k/√hs), softmaxes, and mixes values.',
  softmax: 'softmax: the final logits become next-token probabilities; temperature divides the logits first.',
  loss: 'loss: cross-entropy −log p(true next token), averaged over positions while training.',
  update:
    'update: backpropagation gives each weight its gradient of the loss; AdamW nudges the weights downhill.',
};

interface Props {
  active: Stage | null;
  onStage: (s: Stage | null) => void;
}

export function Lifecycle({ active, onStage }: Props) {
  return (
    <div className={styles.lifecycle}>
      <ol aria-label="The lifecycle of a prediction" data-testid="concepts-lifecycle">
        {STAGES.map((s, i) => (
          <li key={s}>
            {i > 0 && (
              <span aria-hidden="true" className={styles.arrow}>
                →
              </span>
            )}
            <button
              type="button"
              className={s === active ? styles.stageActive : styles.stage}
              aria-pressed={s === active}
              data-testid={`concepts-stage-${s}`}
              title={STAGE_TEXT[s]}
              onMouseEnter={() => onStage(s)}
              onMouseLeave={() => onStage(null)}
              onFocus={() => onStage(s)}
              onBlur={() => onStage(null)}
            >
              {s}
            </button>
          </li>
        ))}
      </ol>
      <p className={styles.stageText} aria-live="polite">
        {active ? STAGE_TEXT[active] : 'Hover a section (or a stage) to see where it sits in the lifecycle.'}
      </p>
    </div>
  );
}
