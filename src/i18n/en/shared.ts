/** What every see-inside panel shares: export buttons, Present, Step / Play, the empty state. */
export const shared = {
  /** The export buttons' hidden legend; {{name}} is the file name the exports get (data). */
  exportLegend: 'Export {{name}}',
  svg: 'SVG',
  png: 'PNG',
  csv: 'CSV',
  inspecting: 'Inspecting…',
  /** Followed by the button inspectCurrent, then the panel's purpose ("to explain its predictions."). */
  generateOr: 'Generate a token, or ',
  inspectCurrent: 'inspect the current text',
  present: 'Present',
  exit: 'Exit',
  backToPage: 'Back to the whole page (Esc)',
  /** {{what}}: the panel's own words, e.g. "the next-token view". */
  showAlone: 'Show {{what}} alone, full width (for a projector)',
  presenterBar: 'Presenting: Page Down steps, Esc exits',
  exitEsc: 'Exit (Esc)',
  /** Generate one token (the same word as the panels' legends use for the button). */
  step: 'Step',
  play: 'Play',
  pause: 'Pause',
};
