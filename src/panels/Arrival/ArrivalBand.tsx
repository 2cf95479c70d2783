/** The first visit's band: what is on screen, a prompt to change, and the way to a model of one's own. */
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import styles from './Arrival.module.css';

/** The student's path: the lab's steps come first, the corpus box takes the focus. */
function trainYourOwn(): void {
  actions().leaveArrival();
  useStore.setState({ notice: 'Paste or pick the text your model should learn, then press Train.' });
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="corpus-text"]');
    box?.scrollIntoView({ block: 'center' });
    box?.focus();
  });
}

export function ArrivalBand() {
  const prompt = useStore((s) => s.generation.prompt);
  const learnedFrom = useStore((s) => s.learnedFrom);
  const ready = useStore((s) => s.model !== null);
  const a = actions();
  return (
    <section className={styles.band} aria-labelledby="arrival-h">
      <div>
        <h2 id="arrival-h">A tiny GPT, thinking</h2>
        <p>
          {learnedFrom
            ? `It learned ${learnedFrom.name} (${(learnedFrom.characters / 1e6).toFixed(1)} million characters) and runs in this tab. `
            : 'Loading a model that learned Shakespeare… '}
          Below: what it predicts next, where it looks, and what each layer would guess.
        </p>
      </div>
      <label className={styles.prompt}>
        <span>Try your own prompt</span>
        <input
          aria-label="Try your own prompt"
          value={prompt}
          disabled={!ready}
          spellCheck={false}
          onChange={(e) => a.tryPrompt(e.target.value)}
        />
      </label>
      <button type="button" className={`primary ${styles.train}`} onClick={trainYourOwn}>
        Train your own model →
      </button>
    </section>
  );
}
