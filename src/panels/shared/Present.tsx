/**
 * Presenting: one "see inside" panel alone on the page, full width, for a class on a projector.
 * The rest of the page leaves layout and paint (app.css, html[data-presenting]), so each generated
 * token costs only the panel shown (bench/panels.ts --present). Esc or Exit brings the page back.
 */
import { useT } from '../../i18n/useT';
import { actions } from '../../store/actions';
import { useStore } from '../../store/store';
import { StepPlayButtons, usePlayer } from './usePlayer';

/** The panel's class: `panel`, and `presented` while it is the one shown alone. */
export function usePresentedClass(panel: string): string {
  return useStore((s) => s.presenting === panel) ? 'panel presented' : 'panel';
}

export function PresentButton({ panel, title }: { panel: string; title: string }) {
  const t = useT();
  const on = useStore((s) => s.presenting === panel);
  return (
    <button
      type="button"
      className="present-button"
      data-testid={`${panel}-present`}
      aria-pressed={on}
      title={on ? t('shared.backToPage') : t('shared.showAlone', { what: title })}
      onClick={() => actions().present(on ? null : panel)}
    >
      {on ? t('shared.exit') : t('shared.present')}
    </button>
  );
}

/** Step, Play and Exit while a panel is presented, whichever panel it is. */
export function PresenterBar() {
  const t = useT();
  const presenting = useStore((s) => s.presenting);
  const hasModel = useStore((s) => s.model !== null);
  const player = usePlayer(hasModel && presenting !== null);
  if (!presenting) return null;
  return (
    <div
      className="presenter-bar"
      role="toolbar"
      aria-label={t('shared.presenterBar')}
      data-testid="presenter-bar"
    >
      <StepPlayButtons prefix="present" player={player} />
      <button type="button" data-testid="present-exit" onClick={() => actions().present(null)}>
        {t('shared.exitEsc')}
      </button>
    </div>
  );
}
