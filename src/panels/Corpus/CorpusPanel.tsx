/** The corpus: paste, pick or drop a file, load a URL or a sample; stats below. */
import { type DragEvent, useState } from 'react';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';

/**
 * Above this many characters the box shows only the start of the text, read-only: a browser takes
 * seconds to lay out a 20-million-character textarea (a 9 s frame, measured), and an editable
 * excerpt would put the excerpt in place of the whole text at the first keystroke.
 */
const EDITABLE_CHARS = 2_000_000;
const EXCERPT_CHARS = 100_000;

export function CorpusPanel() {
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
      <h2 id="corpus-h">1 · Corpus</h2>
      <div className="row wrap">
        <button type="button" onClick={() => void a.loadTinyShakespeare()} disabled={training}>
          Tiny Shakespeare
        </button>
        <label className="inline">
          <span className="sr-only">Built-in sample</span>
          <select
            aria-label="Built-in sample"
            value=""
            disabled={training}
            onChange={(e) => e.target.value && void a.loadSample(e.target.value)}
          >
            <option value="">Samples…</option>
            {a.samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="button-like">
          Open file…
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
          placeholder="https://… a .txt file"
          aria-label="Corpus URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" disabled={training || !url.trim()}>
          Load URL
        </button>
      </form>
      {excerpt && (
        <p className="muted small" id="corpus-excerpt">
          Showing the first {EXCERPT_CHARS.toLocaleString('en')} of {text.length.toLocaleString('en')}{' '}
          characters; the whole text is the corpus.{' '}
          <button
            type="button"
            className="link-button"
            disabled={training}
            onClick={() => setWritingOver(text)}
          >
            Write my own text instead
          </button>
        </p>
      )}
      <textarea
        data-testid="corpus-text"
        aria-label="Training text"
        aria-describedby={excerpt ? 'corpus-excerpt' : undefined}
        className={dragging ? 'dragging' : ''}
        value={
          excerpt ? `${text.slice(0, EXCERPT_CHARS)}…` : writing && text.length > EDITABLE_CHARS ? '' : text
        }
        spellCheck={false}
        readOnly={training || excerpt}
        placeholder="Paste or type the text to train on, or drop a text file here."
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
          aria-label="Training the BPE tokenizer"
          aria-valuenow={Math.round(tokenizing * 100)}
        >
          <div style={{ width: `${tokenizing * 100}%` }} />
          <span>Learning BPE merges… {Math.round(tokenizing * 100)}%</span>
        </div>
      )}
      <p className="stats" data-testid="corpus-stats">
        {stats ? (
          <>
            <b>{stats.characters.toLocaleString('en')}</b> characters · vocabulary <b>{stats.vocabSize}</b> ·{' '}
            <b>{stats.tokens.toLocaleString('en')}</b> tokens ({stats.tokenizer}) · train{' '}
            {stats.trainTokens.toLocaleString('en')} / val {stats.valTokens.toLocaleString('en')}
            {source && <span className="muted"> · {source}</span>}
          </>
        ) : learnedFrom ? (
          <>
            No corpus loaded: the model learned from <b>{learnedFrom.name}</b> (
            {learnedFrom.characters.toLocaleString('en')} characters).{' '}
            <button
              type="button"
              className="link-button"
              disabled={training}
              onClick={() => void a.loadUrl(learnedFrom.url, learnedFrom.name)}
            >
              Load it
            </button>{' '}
            to train on it, or give it text of your own.
          </>
        ) : (
          'No corpus yet.'
        )}
      </p>
    </section>
  );
}
