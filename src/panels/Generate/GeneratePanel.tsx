/** Prompt in, text out: greedy or sampled, streamed token by token, or one token at a time. */
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { patch, useStore } from '../../store/store';
import { NumberField } from '../shared/NumberField';

export function GeneratePanel() {
  const t = useT();
  const g = useStore((s) => s.generation);
  const hasModel = useStore((s) => s.model !== null);
  const a = actions();
  const set = (p: Partial<typeof g>) => patch('generation', p);

  return (
    <section className="panel" aria-labelledby="gen-h">
      <h2 id="gen-h">{t('generate.title')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void a.generate();
        }}
      >
        <input
          data-testid="prompt"
          className="grow"
          aria-label={t('generate.prompt')}
          placeholder={t('generate.promptPlaceholder')}
          value={g.prompt}
          onChange={(e) => set({ prompt: e.target.value })}
        />
        <button type="submit" className="primary" data-testid="generate" disabled={!hasModel || g.running}>
          {t('generate.generate')}
        </button>
        <button
          type="button"
          data-testid="generate-step"
          disabled={!hasModel || g.running}
          onClick={() => void a.generateStep()}
        >
          {t('generate.oneToken')}
        </button>
        {g.running && (
          <button type="button" onClick={() => void a.stopGenerating()}>
            {t('generate.stop')}
          </button>
        )}
      </form>
      <div className="grid6">
        <label>
          {t('generate.mode')}
          <select
            data-testid="sampling-mode"
            value={g.mode}
            onChange={(e) => set({ mode: e.target.value as 'greedy' | 'sample' })}
          >
            <option value="greedy">{t('generate.greedy')}</option>
            <option value="sample">{t('generate.sample')}</option>
          </select>
        </label>
        <NumberField
          testId="gen-length"
          label={t('generate.length')}
          value={g.length}
          min={1}
          max={10000}
          onCommit={(v) => set({ length: v })}
        />
        <NumberField
          testId="temperature"
          label={t('generate.temperature')}
          value={g.temperature}
          min={0}
          max={10}
          step={0.1}
          integer={false}
          onCommit={(v) => set({ temperature: v })}
        />
        <NumberField
          testId="top-k"
          label={t('generate.topK')}
          value={g.topK}
          min={0}
          max={100000}
          onCommit={(v) => set({ topK: v })}
        />
        <NumberField
          testId="top-p"
          label={t('generate.topP')}
          value={g.topP}
          min={0.01}
          max={1}
          step={0.05}
          integer={false}
          onCommit={(v) => set({ topP: v })}
        />
        <NumberField
          label={t('generate.seed')}
          value={g.seed}
          min={0}
          max={2 ** 31 - 1}
          onCommit={(v) => set({ seed: v })}
        />
      </div>
      <pre className="output" aria-live="polite" translate="no">
        <span className="prompt-echo">{g.prompt}</span>
        <span data-testid="output">{g.output}</span>
        {g.running && <span className="cursor">▍</span>}
      </pre>
    </section>
  );
}
