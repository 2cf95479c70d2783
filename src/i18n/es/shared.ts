import type { Messages } from '../catalogue';

export const shared: Messages<'shared'> = {
  exportLegend: 'Exportar {{name}}',
  svg: 'SVG',
  png: 'PNG',
  csv: 'CSV',
  inspecting: 'Inspeccionando…',
  generateOr: 'Genera un token o ',
  inspectCurrent: 'inspecciona el texto actual',
  present: 'Presentar',
  exit: 'Salir',
  backToPage: 'Volver a la página completa (Esc)',
  showAlone: 'Mostrar solo {{what}}, a todo el ancho (para un proyector)',
  presenterBar: 'Presentando: Page Down avanza, Esc sale',
  exitEsc: 'Salir (Esc)',
  step: 'Paso',
  play: 'Reproducir',
  pause: 'Pausa',
};
