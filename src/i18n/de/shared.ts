import type { Messages } from '../catalogue';

export const shared: Messages<'shared'> = {
  exportLegend: '{{name}} exportieren',
  svg: 'SVG',
  png: 'PNG',
  csv: 'CSV',
  inspecting: 'Untersuche…',
  generateOr: 'Generiere ein Token oder ',
  inspectCurrent: 'untersuche den aktuellen Text',
  present: 'Präsentieren',
  exit: 'Beenden',
  backToPage: 'Zurück zur ganzen Seite (Esc)',
  showAlone: 'Nur {{what}} zeigen, in voller Breite (für einen Beamer)',
  presenterBar: 'Präsentation: Page Down geht weiter, Esc beendet',
  exitEsc: 'Beenden (Esc)',
  step: 'Schritt',
  play: 'Abspielen',
  pause: 'Pause',
};
