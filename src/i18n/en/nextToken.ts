/**
 * Next token, step by step: the model's candidates under six sampling rules, the context strip,
 * the chart's legend and its screen-reader table. Tokens are data and never pass through here.
 */
export const nextToken = {
  title: 'Next token, step by step',
  /** Completes shared.showAlone: "Show … alone, full width". */
  presentWhat: 'the next-token view',
  ablated_one: 'with {{count}} head ablated',
  ablated_other: 'with {{count}} heads ablated',
  noModel: 'Train a model (or load the pretrained one), then press Step to watch it pick each next token.',
  noResult: 'Press Step (or Generate) to see the model’s candidates for the next token.',
  ownText: 'Showing the inspected text; Step continues the prompt + output.',
  ablatedNote: 'Bars, Step and Generate use the model with those heads ablated.',
  /** The chart's accessible name; {{summary}} is `summary` (or nothing). */
  chartLabel: 'Next-token candidates under six sampling rules. {{summary}}',
  /** What Step will append: {{token}} is the token, {{p}} its probability, {{u}} the shared uniform draw. */
  summary: 'Step appends “{{token}}” ({{p}} under your settings, u = {{u}}).',
  /** The legend, before and after a colour swatch of the picked token. */
  legendBefore:
    'Each column is one rule applied to the same logits; “yours” is your generation settings, which Step uses (* = off in your settings, shown at a demo value). Bars: probability;',
  legendAfter:
    'the token that rule picks. Strips: the cumulative distribution in vocabulary order; the black mark is the shared draw u. Keys: ↑↓ candidates, ←→ context position, Enter = Step, Space = Play/Pause.',
  contextLabel: 'Context (click a token to select it)',
  /** A context token's tooltip; {{token}} is the token written as JSON ("\n" for a newline). */
  tokenTitle: 'position {{pos}}: {{token}}',
  tokenTitleNewest: 'position {{pos}}: {{token}} (just appended)',
  /** The column heads: each sampling rule, short (the columns are narrow). */
  rules: {
    model: 'model',
    greedy: 'greedy',
    /** Temperature, abbreviated. */
    temperature: 'temp.',
    topk: 'top-k',
    topp: 'top-p',
    /** The column with the person's own generation settings. */
    yours: 'yours',
  },
  /** Under each rule's name: its setting (T temperature, k and p the cut-offs). */
  detailT: 'T = {{t}}',
  detailArgmax: 'argmax',
  detailK: 'k = {{k}}',
  detailP: 'p = {{p}}',
  /** The "yours" column's setting: greedy, or sampling as the Step button does. */
  detailGreedy: 'greedy',
  detailStep: 'Step',
  /** The shared uniform draw, beside the cumulative strips. */
  stripTitle: 'u={{u}}',
  /** A token this rule leaves out (probability 0 after the cut-off). */
  cut: 'cut',
  /** One rule's probability for a token, in the read-out of a row. */
  rowPart: '{{rule}} {{p}}',
  rowPartPicked: '{{rule}} {{p}} (picked)',
  /** A row's read-out: {{token}} the token, {{parts}} the rowParts joined by commas. */
  row: '“{{token}}”: {{parts}}',
  tableCaption: 'Next-token probability under each sampling rule; one shared draw u = {{u}}',
  tableToken: 'token',
  pickedWithU: 'picked with u',
};
