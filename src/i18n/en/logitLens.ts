/**
 * The logit lens panel: a layer × position grid of what the model would predict next if it
 * stopped after the embeddings or after each block; its tooltip, legend, table and read-outs.
 */
export const logitLens = {
  title: 'Logit lens',
  /** Ends "Show … alone, full width (for a projector)". */
  presentTitle: 'the logit lens',
  sub: 'what each layer would predict next',
  updating: 'updating…',
  noModel:
    'Train a model (or load the pretrained one) and generate some text: this grid then shows what each layer would predict at every position.',
  /** Ends "Generate a token, or inspect the current text …". */
  purpose: 'to see what each layer guesses.',
  hint: 'Hover a cell for the top {{k}} guesses; click to select its position. Keyboard: focus the grid, ← → move the position, ↑ ↓ the layer, Enter shows the top {{k}}.',
  /** Row labels: the residual stream after the embeddings, after block k, and after the last one. */
  rowEmbed: 'embed',
  rowBlock: 'after block {{k}}',
  rowOutput: 'after block {{k}} = output',
  /** Read when the keyboard moves to a cell: row, position, its token, the top guess and its probability. */
  announce: '{{row}}, position {{pos}} “{{token}}”: top guess “{{guess}}” {{prob}}{{hit}}.',
  announceCorrect: ', the actual next token',
  announcePrediction: ', the model’s prediction',
  /** A column header's tooltip: position, then the token's raw text in quotes. */
  columnTitle: 'position {{pos}}: {{token}}',
  legendTitle: 'top-token probability',
  legendCorrect: 'guess = actual next token',
  legendPrediction: 'model’s prediction',
  legendSelected: 'selected',
  tipPosition: 'position {{pos}}',
  tipNext: 'actual next token',
  tipGuess: 'the model’s guess for the next token',
  tipCorrect: 'the actual next token',
  /** The screen-reader summary of the whole grid. */
  summaryEmpty: 'Logit lens: nothing inspected yet.',
  summaryLayer: '{{row}}: {{correct}} of {{checkable}}',
  summary:
    'Logit lens over {{T}} positions and {{layers}} layers. Top guess equals the actual next token — {{parts}}. The model predicts “{{token}}” next, with probability {{prob}}.',
  /** Separates the summary's per-layer counts. */
  summarySeparator: '; ',
  tableCaption:
    "Logit lens at position {{pos}} '{{token}}': what each layer would predict next, top guesses first; a check mark means the guess is the actual next token (the whole grid is in the CSV export).",
  tableLayer: 'layer',
  tableTop: 'top guess',
  tableOthers: 'other guesses',
  tablePrediction: ' (prediction)',
  /** Separates the other guesses in a table cell. */
  listSeparator: ', ',
};
