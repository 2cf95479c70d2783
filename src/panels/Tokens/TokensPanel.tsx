/**
 * The corpus as the model sees it: the first few hundred characters cut into tokens, each a
 * tinted span (hover for its id, or show every id), plus the tokenizer's size and, for BPE,
 * its first merges in the order they were learned.
 */
import { memo, useId, useState } from 'react';
import { useStore } from '../../store/store';
import { OKABE_ITO, tint } from '../../viz';
import type { CorpusStats } from '../../worker/api';
import styles from './Tokens.module.css';
import { lineBreaks, tokenParts, tokensPerChar, tokenTitle } from './tokenDisplay';

const MERGES_SHOWN = 50;
const TOKEN_COLORS = [OKABE_ITO.skyBlue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];
const BACKGROUNDS = TOKEN_COLORS.map((c, i) => tint(c, i % 2 ? 0.22 : 0.3));

export function TokensPanel() {
  const stats = useStore((s) => s.corpus.stats);
  const [showIds, setShowIds] = useState(false);
  const headingId = useId();

  return (
    <section className={`panel ${styles.root}`} data-testid="panel-tokens" aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          Tokens
        </h2>
        <label className={`inline-control ${styles.toggle}`}>
          <input
            type="checkbox"
            checked={showIds}
            data-testid="tokens-show-ids"
            onChange={(e) => setShowIds(e.currentTarget.checked)}
          />
          <span>Show ids</span>
        </label>
      </div>
      {stats ? (
        <>
          <Summary stats={stats} />
          <TokenFlow preview={stats.preview} showIds={showIds} />
          {stats.merges.length > 0 && <Merges merges={stats.merges} />}
        </>
      ) : (
        <p className={styles.empty}>Load or paste a corpus to see how it is cut into tokens.</p>
      )}
    </section>
  );
}

function Summary({ stats }: { stats: CorpusStats }) {
  const kind = stats.tokenizer === 'bpe' ? 'byte-level BPE' : 'character';
  const tpc = tokensPerChar(stats.tokens, stats.characters);
  return (
    <p className={styles.summary} data-testid="tokens-summary">
      <span>
        <b>{kind}</b> tokenizer
      </span>
      <span>
        vocab <b>{stats.vocabSize.toLocaleString('en')}</b>
      </span>
      <span>
        <b>{tpc.toFixed(3)}</b> tokens/char
      </span>
      <span className={styles.muted}>
        {stats.characters.toLocaleString('en')} chars → {stats.tokens.toLocaleString('en')} tokens
      </span>
    </p>
  );
}

const TokenFlow = memo(function TokenFlow({
  preview,
  showIds,
}: {
  preview: CorpusStats['preview'];
  showIds: boolean;
}) {
  const chars = preview.reduce((n, t) => n + t.text.length, 0);
  return (
    <section
      className={`${styles.flow} ${showIds ? styles.withIds : ''}`}
      aria-label={`The first ${chars} characters as ${preview.length} tokens`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
    >
      {preview.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the preview is a fixed sequence; position is identity.
        <Token key={i} text={t.text} id={t.id} index={i} />
      ))}
    </section>
  );
});

function Token({ text, id, index }: { text: string; id: number; index: number }) {
  const c = index % TOKEN_COLORS.length;
  const breaks = lineBreaks(text);
  return (
    <>
      <span
        className={styles.token}
        style={{ background: BACKGROUNDS[c], borderBottomColor: TOKEN_COLORS[c] }}
        title={tokenTitle(text, id)}
        data-id={id}
      >
        <span className={styles.text}>
          {tokenParts(text).map((p, j) =>
            p.kind === 'text' ? (
              p.text
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one token never reorder.
              <span key={j} className={styles.ws}>
                {p.text}
              </span>
            ),
          )}
        </span>
        <span className={styles.id}>{id}</span>
      </span>
      {Array.from({ length: breaks }, (_, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: line breaks are interchangeable.
        <br key={j} />
      ))}
    </>
  );
}

function Merges({ merges }: { merges: string[] }) {
  const shown = merges.slice(0, MERGES_SHOWN);
  return (
    <details className={styles.merges}>
      <summary>
        First {shown.length} of {merges.length.toLocaleString('en')} BPE merges, in the order learned
      </summary>
      <ol>
        {shown.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: merges are an ordered, fixed list.
          <li key={i}>
            <span className={styles.rank}>{i + 1}.</span>
            {m}
          </li>
        ))}
      </ol>
    </details>
  );
}
