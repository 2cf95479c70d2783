/**
 * Presenting one "see inside" panel (panels/shared/Present.tsx): `html[data-presenting]` takes the
 * rest of the page out of layout and paint (app.css), so a class on a projector sees one large
 * panel and each token costs only that panel. Esc ends it, and the page comes back scrolled to
 * the panel that was shown. Page Down steps one token, as a presentation clicker's "next" does.
 */
import { useStore } from '../store/store';
import { generateStep } from './generation-actions';

export function present(panel: string | null): void {
  useStore.setState({ presenting: panel });
}

export function followPresenting(): void {
  useStore.subscribe((s, prev) => {
    if (s.presenting === prev.presenting) return;
    const root = document.documentElement;
    if (s.presenting) {
      root.dataset.presenting = s.presenting;
      window.scrollTo(0, 0);
    } else {
      delete root.dataset.presenting;
      if (prev.presenting) document.querySelector(`[data-testid="${prev.presenting}"]`)?.scrollIntoView();
    }
  });
  // A key a chart used (its own Esc) is not also an exit; Page Down in a text field stays its own.
  window.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || !useStore.getState().presenting) return;
    if (e.key === 'Escape') present(null);
    const typing = e.target instanceof HTMLElement && e.target.matches('input, textarea, select');
    if (e.key === 'PageDown' && !typing && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      void generateStep();
    }
  });
}
