/**
 * The corpus as the model sees it: the first few hundred characters cut into tokens, each a
 * tinted span (hover for its id, or show every id), plus the tokenizer's size and, for BPE,
 * its first merges in the order they were learned.
 */
import { memo, type ReactNode, useId, useState } from 'react';
import { fixed, formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store/store';
import { OKABE_ITO, tint } from '../../viz';
import type { CorpusStats } from '../../worker/api';
import styles from './Tokens.module.css';
import { lineBreaks, tokenParts, tokensPerChar, tokenTitle } from './tokenDisplay';

const MERGES_SHOWN = 50;
const TOKEN_COLORS = [OKABE_ITO.skyBlue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];
const BACKGROUNDS = TOKEN_COLORS.map((c, i) => tint(c, i % 2 ? 0.22 : 0.3));

/** Stands for an element in a message, so the element goes where the language puts it. */
const SLOT = '\uE000';

/** A message (written with SLOT for one of its values) with that value as the element `slot`. */
function withSlot(message: string, slot: ReactNode): ReactNode {
  const [before, after = ''] = message.split(SLOT);
  return (
    <>
      {before}
      {slot}
      {after}
    </>
  );
}

export function TokensPanel() {
  const t = useT();
  const stats = useStore((s) => s.corpus.stats);
  const [showIds, setShowIds] = useState(false);
  const headingId = useId();

  return (
    <section className={`panel ${styles.root}`} data-testid="panel-tokens" aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.title}>
          {t('tokens.title')}
        </h2>
        <label className={`inline-control ${styles.toggle}`}>
          <input
            type="checkbox"
            checked={showIds}
            data-testid="tokens-show-ids"
            onChange={(e) => setShowIds(e.currentTarget.checked)}
          />
          <span>{t('tokens.showIds')}</span>
        </label>
      </div>
      {stats ? (
        <>
          <Summary stats={stats} />
          <TokenFlow preview={stats.preview} showIds={showIds} />
          {stats.merges.length > 0 && <Merges merges={stats.merges} />}
        </>
      ) : (
        <p className={styles.empty}>{t('tokens.empty')}</p>
      )}
    </section>
  );
}

function Summary({ stats }: { stats: CorpusStats }) {
  const t = useT();
  const kind = stats.tokenizer === 'bpe' ? t('tokens.kindBpe') : t('tokens.kindChar');
  const tpc = tokensPerChar(stats.tokens, stats.characters);
  return (
    <p className={styles.summary} data-testid="tokens-summary">
      <span>{withSlot(t('tokens.tokenizer', { kind: SLOT }), <b>{kind}</b>)}</span>
      <span>{withSlot(t('tokens.vocab', { size: SLOT }), <b>{formatNumber(stats.vocabSize)}</b>)}</span>
      <span>{withSlot(t('tokens.perChar', { ratio: SLOT }), <b>{fixed(tpc, 3)}</b>)}</span>
      <span className={styles.muted}>
        {t('tokens.charsToTokens', {
          characters: formatNumber(stats.characters),
          tokens: formatNumber(stats.tokens),
        })}
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
  const t = useT();
  const chars = preview.reduce((n, token) => n + token.text.length, 0);
  return (
    <section
      className={`${styles.flow} ${showIds ? styles.withIds : ''}`}
      aria-label={t('tokens.flow', { characters: chars, tokens: preview.length })}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
    >
      {preview.map((token, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the preview is a fixed sequence; position is identity.
        <Token key={i} text={token.text} id={token.id} index={i} />
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
        translate="no"
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
  const t = useT();
  const shown = merges.slice(0, MERGES_SHOWN);
  return (
    <details className={styles.merges}>
      <summary>{t('tokens.merges', { shown: shown.length, total: formatNumber(merges.length) })}</summary>
      <ol translate="no">
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
