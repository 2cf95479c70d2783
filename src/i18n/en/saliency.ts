/**
 * The saliency panel: which context tokens made the model predict what it predicts at the
 * selected position, by gradient × input or integrated gradients; its text, bars, checks and table.
 */
export const saliency = {
  title: 'Saliency',
  /** Ends "Show … alone, full width (for a projector)". */
  presentTitle: 'saliency',
  noModel:
    'Train a model (or load the pretrained one) and generate some text; then see which input tokens made it predict each next token.',
  /** Ends "Generate a token, or inspect the current text …". */
  purpose: 'to explain its predictions.',
  /** The question the panel answers; {{token}} the prediction, {{after}} the token at {{pos}}. */
  question: "Why does the model predict '{{token}}' after position {{pos}} ('{{after}}')?",
  explaining: 'Explaining…',
  updatingSoon: 'Updating in a moment (or press Explain).',
  stale: 'Stale — press Explain.',
  /** After the stale notice: what the shown explanation is about; {{earlier}} is staleEarlier or nothing. */
  showing: "Showing why '{{token}}' after position {{pos}}{{earlier}}.",
  staleEarlier: ' in an earlier context',
  pressExplain: 'Press Explain to see which tokens mattered.',
  hint: 'Click a token, or focus the text or chart and press ← →, to pick the position; Enter explains it.',
  method: 'Method',
  steps: 'steps',
  explain: 'Explain',
  methodGradInput: 'gradient × input',
  methodIntegrated: 'integrated gradients',
  /** The completeness line. Its numbers stay as English writes them (a test reads them). */
  checkSteps: ' ({{steps}} steps)',
  checkLogit: " · logit for '{{token}}' = {{logit}}",
  completeness: 'Σ attributions = {{sum}} vs logit − baseline = {{delta}}',
  moreSteps: ' (more steps tighten this)',
  /** A token after the explained position: attention is causal, so it cannot matter. */
  future: 'future',
  zeroByCausality: '(0 by causality)',
  futureZero: 'future (0 by causality)',
  futureMark: 'future (0 by causality):',
  /** A token's tooltip: position, its raw text in quotes, its score (or futureZero). */
  tokenTitle: '{{pos}} {{token}}: {{score}}',
  predictionTitle: 'the model’s top prediction, explained here',
  textLabel: 'The context, each token tinted by its attribution; arrow keys move the explained position',
  axis: 'attribution',
  pushesToward: "pushes toward '{{token}}'",
  pushesAgainst: 'pushes against',
  /** The screen-reader summary, joined by summarySeparator and ended with a full stop. */
  summaryMethod: "{{method}} for '{{token}}' after position {{pos}}",
  summaryToward: "most for it: '{{token}}' at {{pos}} ({{score}})",
  summaryAgainst: "most against it: '{{token}}' at {{pos}} ({{score}})",
  /** English says "tokens" for any count; _one is there for languages that need it. */
  summaryFuture_one: '{{count}} later tokens score 0 by causality',
  summaryFuture_other: '{{count}} later tokens score 0 by causality',
  summarySeparator: '; ',
  summaryEnd: '{{summary}}.',
  tableCaption:
    "{{method}} attribution of each context token to the prediction '{{token}}' after position {{pos}}",
  tablePosition: 'position',
  tableToken: 'token',
  tableScore: 'score',
  tableOutput: ' (output position)',
};
