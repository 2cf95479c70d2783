/** The corpus: paste, pick or drop a file, load a URL or a sample; stats below. */
import { type DragEvent, useState } from 'react';
import type { Messages } from '../../i18n/catalogue';
import { formatNumber } from '../../i18n/i18n';
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';

/**
 * Above this many characters the box shows only the start of the text, read-only: a browser takes
 * seconds to lay out a 20-million-character textarea (a 9 s frame, measured), and an editable
 * excerpt would put the excerpt in place of the whole text at the first keystroke.
 */
const EDITABLE_CHARS = 2_000_000;
const EXCERPT_CHARS = 100_000;

type SampleId = keyof Messages<'corpus'>['samples'];

/** A built-in sample's name in the person's language (its English label, for one this catalogue lacks). */
function sampleName(t: ReturnType<typeof useT>, sample: { id: string; label: string }): string {
  return t(`corpus.samples.${sample.id as SampleId}`, { defaultValue: sample.label });
}

/** A corpus source is kept as it was given (app/corpus-actions.ts): shown here in the person's language. */
function SourceText({ source }: { source: string }) {
  const t = useT();
  const samples = actions().samples;
  if (source === 'typed or pasted') return t('corpus.sourceTyped');
  const sample = samples.find((s) => s.label === source);
  if (sample) return sampleName(t, sample);
  const part = /^(.*) \(first (\d+) MB\)$/.exec(source);
  if (part)
    return (
      <>
        <span translate="no">{part[1]}</span> {t('corpus.sourcePart', { mb: formatNumber(Number(part[2])) })}
      </>
    );
  return <span translate="no">{source}</span>;
}

export function CorpusPanel() {
  const t = useT();
  const text = useStore((s) => s.corpus.text);
  const source = useStore((s) => s.corpus.source);
  const stats = useStore((s) => s.corpus.stats);
  const tokenizing = useStore((s) => s.corpus.tokenizing);
  const training = useStore((s) => s.training.status === 'training');
  const learnedFrom = useStore((s) => s.learnedFrom);
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  // A long text is shown as an excerpt until the person asks to write their own over it (the box
  // is then empty; the long text stays the corpus until they type).
  const [writingOver, setWritingOver] = useState<string | null>(null);
  const long = text.length > EDITABLE_CHARS;
  const writing = long && writingOver === text;
  const excerpt = long && !writing;
  const a = actions();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void a.loadFile(file);
  };

  return (
    <section className="panel" aria-labelledby="corpus-h">
      <h2 id="corpus-h">{t('corpus.title')}</h2>
      <div className="row wrap">
        <button type="button" onClick={() => void a.loadTinyShakespeare()} disabled={training}>
          {t('corpus.tinyShakespeare')}
        </button>
        <label className="inline">
          <span className="sr-only">{t('corpus.sample')}</span>
          <select
            aria-label={t('corpus.sample')}
            value=""
            disabled={training}
            onChange={(e) => e.target.value && void a.loadSample(e.target.value)}
          >
            <option value="">{t('corpus.samplesPick')}</option>
            {a.samples.map((s) => (
              <option key={s.id} value={s.id}>
                {sampleName(t, s)}
              </option>
            ))}
          </select>
        </label>
        <label className="button-like">
          {t('corpus.openFile')}
          <input
            data-testid="corpus-file"
            type="file"
            accept=".txt,.md,.csv,.json,.py,.js,.ts,text/*"
            className="visually-hidden-file"
            disabled={training}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void a.loadFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void a.loadUrl(url.trim());
        }}
      >
        <input
          type="url"
          placeholder={t('corpus.urlPlaceholder')}
          aria-label={t('corpus.url')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" disabled={training || !url.trim()}>
          {t('corpus.loadUrl')}
        </button>
      </form>
      {excerpt && (
        <p className="muted small" id="corpus-excerpt">
          {t('corpus.excerpt', { shown: formatNumber(EXCERPT_CHARS), total: formatNumber(text.length) })}{' '}
          <button
            type="button"
            className="link-button"
            disabled={training}
            onClick={() => setWritingOver(text)}
          >
            {t('corpus.writeOwn')}
          </button>
        </p>
      )}
      <textarea
        data-testid="corpus-text"
        aria-label={t('corpus.text')}
        aria-describedby={excerpt ? 'corpus-excerpt' : undefined}
        className={dragging ? 'dragging' : ''}
        value={
          excerpt ? `${text.slice(0, EXCERPT_CHARS)}…` : writing && text.length > EDITABLE_CHARS ? '' : text
        }
        spellCheck={false}
        readOnly={training || excerpt}
        placeholder={t('corpus.textPlaceholder')}
        onChange={(e) => a.draftCorpus(e.target.value)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      />
      {tokenizing !== null && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t('corpus.tokenizing')}
          aria-valuenow={Math.round(tokenizing * 100)}
        >
          <div style={{ width: `${tokenizing * 100}%` }} />
          <span>{t('corpus.learningMerges', { percent: Math.round(tokenizing * 100) })}</span>
        </div>
      )}
      <p className="stats" data-testid="corpus-stats">
        {/* A contract line (CONTRACT): its numbers are written as English writes them, in every language. */}
        {stats ? (
          <>
            <b>{stats.characters.toLocaleString('en')}</b> {t('corpus.characters')} · {t('corpus.vocabulary')}{' '}
            <b>{stats.vocabSize}</b> · <b>{stats.tokens.toLocaleString('en')}</b> {t('corpus.tokens')} (
            <span translate="no">{stats.tokenizer}</span>) · {t('corpus.train')}{' '}
            {stats.trainTokens.toLocaleString('en')} / {t('corpus.val')}{' '}
            {stats.valTokens.toLocaleString('en')}
            {source && (
              <span className="muted">
                {' '}
                · <SourceText source={source} />
              </span>
            )}
          </>
        ) : learnedFrom ? (
          <>
            {t('corpus.learnedFrom')} <b translate="no">{learnedFrom.name}</b>{' '}
            {t('corpus.learnedCharacters', { characters: learnedFrom.characters.toLocaleString('en') })}{' '}
            <button
              type="button"
              className="link-button"
              disabled={training}
              onClick={() => void a.loadUrl(learnedFrom.url, learnedFrom.name)}
            >
              {t('corpus.loadIt')}
            </button>{' '}
            {t('corpus.loadItRest')}
          </>
        ) : (
          t('corpus.none')
        )}
      </p>
    </section>
  );
}
