/**
 * Stop 11, "be the model": the class guesses each next character of a passage, betting a
 * confidence on it, before the model's distribution is revealed. Both sides pay bits for the true
 * character (lessonMath.guessBits; the model −log2 p), and the running means are bits per character:
 * the cross-entropy the model was trained to lower, made a game.
 */
import { useEffect, useRef, useState } from 'react';
import { fixed, formatNumber } from '../../../i18n/i18n';
import { useT } from '../../../i18n/useT';
import { actions } from '../../../store/actions';
import { showError, useStore } from '../../../store/store';
import type { InspectResult } from '../../../worker/api';
import { BarList, percent } from '../BarList';
import styles from '../Lesson.module.css';
import { distribution, guessBits, topCandidates, visible } from '../lessonMath';
import { gamePassage } from '../lessonState';
import { useModelVersion } from '../useLive';

/** The passage's first characters are given: the guessing starts after them. */
const GIVEN = 15;
const CONFIDENCES = [0.9, 0.5, 0.2];

interface Round {
  truth: string;
  /** The true character's token id. */
  id: number;
  guess: string;
  people: number;
  model: number;
  p: number;
  result: InspectResult;
}

export function GameFigure() {
  const t = useT();
  const corpus = useStore((s) => s.corpus.text);
  const vocabSize = useStore((s) => s.model?.vocab_size ?? 0);
  const [passage] = useState(() => gamePassage(corpus));
  const [at, setAt] = useState(Math.min(GIVEN, passage.length - 1));
  const [guess, setGuess] = useState('');
  const [confidence, setConfidence] = useState(0.5);
  const [rounds, setRounds] = useState<Round[]>([]);
  const [revealed, setRevealed] = useState<Round | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const done = at >= passage.length;
  const version = useModelVersion();
  // A guess made before the model is there (the page still starting) is revealed once it is.
  const [pending, setPending] = useState(false);

  const reveal = async () => {
    if (!guess || revealed || done) return;
    if (version === null) return setPending(true);
    setPending(false);
    try {
      const truth = passage[at];
      // The true character's id from the tokenizer itself (vocab holds display forms: "␣" for a space).
      const [result, { ids }] = await Promise.all([
        actions().lesson.inspect(passage.slice(0, at)),
        actions().lesson.encode(truth),
      ]);
      const p = distribution(result.logits)[ids[0]] ?? 0;
      const round = {
        truth,
        id: ids[0],
        guess,
        p,
        result,
        people: guessBits(guess === truth, confidence, vocabSize),
        model: -Math.log2(p),
      };
      setRevealed(round);
      setRounds((r) => [...r, round]);
    } catch (e) {
      showError(e instanceof Error ? e.message : String(e));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reveal once, when the model arrives
  useEffect(() => {
    if (pending && version !== null) void reveal();
  }, [pending, version]);
  const next = () => {
    setRevealed(null);
    setGuess('');
    setAt(at + 1);
    field.current?.focus();
  };
  const again = () => {
    setRounds([]);
    setRevealed(null);
    setGuess('');
    setAt(Math.min(GIVEN, passage.length - 1));
  };
  const mean = (k: 'people' | 'model') => rounds.reduce((s, r) => s + r[k], 0) / Math.max(1, rounds.length);

  return (
    <figure>
      <figcaption>{t('lesson.fig.gamePassage')}</figcaption>
      <p className={styles.sentence} translate="no" data-testid="lesson-passage">
        {visible(passage.slice(0, revealed ? at + 1 : at))}
        {!done && <span className={styles.cursor}>▮</span>}
      </p>
      {done ? (
        <p>
          {t('lesson.fig.gameDone')}{' '}
          <button type="button" onClick={again}>
            {t('lesson.fig.gameAgain')}
          </button>
        </p>
      ) : (
        <div className={styles.row}>
          <label className={styles.choice}>
            <span>{t('lesson.fig.gameGuess')}</span>
            <input
              ref={field}
              data-testid="lesson-guess"
              className={styles.short}
              value={guess}
              maxLength={1}
              translate="no"
              disabled={!!revealed}
              onChange={(e) => setGuess(e.target.value.slice(-1))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void reveal();
              }}
            />
          </label>
          <label className={styles.choice}>
            <span>{t('lesson.fig.gameSure')}</span>
            <select
              data-testid="lesson-confidence"
              value={confidence}
              onChange={(e) => setConfidence(Number(e.target.value))}
            >
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {percent(c)}
                </option>
              ))}
            </select>
          </label>
          {revealed ? (
            // biome-ignore lint/a11y/noAutofocus: the class's next keypress goes on to the next character
            <button type="button" autoFocus data-testid="lesson-game-next" onClick={next}>
              {t('lesson.fig.gameNext')}
            </button>
          ) : (
            <button
              type="button"
              data-testid="lesson-reveal"
              disabled={!guess || pending}
              onClick={() => void reveal()}
            >
              {pending ? t('lesson.waiting') : t('lesson.fig.gameReveal')}
            </button>
          )}
        </div>
      )}
      {revealed && (
        <>
          <p className={styles.focus}>
            {t('lesson.fig.gameTruth', { char: visible(revealed.truth), p: percent(revealed.p) })}
          </p>
          <BarList
            items={topCandidates(distribution(revealed.result.logits), 5)}
            vocab={revealed.result.vocab}
            focus={revealed.id}
          />
        </>
      )}
      <dl className={styles.score}>
        <dt>{t('lesson.fig.gameYou')}</dt>
        <dd data-testid="lesson-score-people">
          {t('lesson.fig.gameBits', { bits: fixed(mean('people'), 3) })}
        </dd>
        <dt>{t('lesson.fig.gameModel')}</dt>
        <dd data-testid="lesson-score-model">
          {t('lesson.fig.gameBits', { bits: fixed(mean('model'), 3) })}
        </dd>
      </dl>
      <p className={styles.muted}>
        {t('lesson.fig.gameRounds', { count: rounds.length, formatted: formatNumber(rounds.length) })}
      </p>
    </figure>
  );
}
