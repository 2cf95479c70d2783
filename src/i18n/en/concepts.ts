/**
 * The Concepts panel: the selected token's embedding, one attention cell's q·k → softmax chain,
 * softmax at a temperature and the cross-entropy, on the lifecycle of a prediction. Formulas keep
 * their notation (wte, wpe, q, k, hs, T, p) in every language.
 */
export const concepts = {
  title: 'Concepts on the live model',
  /** Ends "Show … alone, full width (for a projector)". */
  presentTitle: 'the concepts',
  noModel: 'Train a model (or load the pretrained one) to see these ideas computed with its own weights.',
  noContext: 'Generate a token (or press Step) so there is a context to explain.',
  /** Followed by the position (bold), then selectedToken. */
  selected: 'Selected position',
  selectedToken: ': “{{token}}”',
  selectedHint: '(id {{id}}; click a token in any panel, or ←/→ on the chart)',
  computing: 'Computing…',
  hint: 'Keys: ←→ query position, ↑↓ key position, Enter = most-attended key. Click a row weight to pick its key.',
  /** The chart's label for screen readers; {{loss}} is summaryLoss or summaryNoNext. */
  summary:
    'Position {{pos}} “{{token}}”: layer {{layer}} head {{head}} gives key {{key}} weight {{weight}} (q·k {{dot}}, scaled {{scaled}}). {{loss}}',
  summaryLoss: 'Loss {{nats}} nats.',
  summaryNoNext: 'No next token yet.',
  layer: 'Layer',
  head: 'Head',
  keyPosition: 'Key position',
  mostAttended: 'most attended',
  temperature: 'Temperature',
  /** The lifecycle strip: each stage's button, and what it means. */
  lifecycle: 'The lifecycle of a prediction',
  lifecycleIdle: 'Hover a section (or a stage) to see where it sits in the lifecycle.',
  stage: {
    text: 'text',
    tokens: 'tokens',
    embeddings: 'embeddings',
    layers: 'layers',
    softmax: 'softmax',
    loss: 'loss',
    update: 'update',
  },
  stageText: {
    text: 'text: the characters you typed or generated.',
    tokens: 'tokens: the text cut into vocabulary ids (one per character with the char tokenizer).',
    embeddings:
      'embeddings: each id looks up a row of wte, each position a row of wpe; their sum x enters the first block.',
    layers:
      'layers: in every block each head compares its query with every earlier key (q·k/√hs), softmaxes, and mixes values.',
    softmax:
      'softmax: the final logits become next-token probabilities; temperature divides the logits first.',
    loss: 'loss: cross-entropy −log p(true next token), averaged over positions while training.',
    update:
      'update: backpropagation gives each weight its gradient of the loss; AdamW nudges the weights downhill.',
  },
  /** The chart's four bands. */
  embedTitle: '① Embedding: x = wte[“{{token}}”] + wpe[{{pos}}]',
  attnTitle: '② Layer {{layer}} · head {{head}}: query {{pos}} “{{token}}” → key {{key}} “{{keyToken}}”',
  softmaxTitle: '③ Softmax at position {{pos}}, T = {{temperature}}',
  lossTitle: '④ Loss against the true next token',
  /** The embedding sum's strip (the others are notation: wte[id], wpe[pos], q @pos, k @pos). */
  stripSum: 'x = sum',
  stripRange: 'min {{min}} · max {{max}}',
  chain: 'q·k = Σ q⊙k = {{dot}}   ÷ √{{hs}} = {{scaled}}   → softmax weight {{weight}}',
  /** Under the chain: how many keys the softmax ran over, and the attention map's value ({{map}}). */
  check_one: 'over {{count}} key 0..{{pos}};  attention map: {{map}}',
  check_other: 'over {{count}} keys 0..{{pos}};  attention map: {{map}}',
  mapReinspecting: '(re-inspecting…)',
  mapSame: '{{value}} ✓ same',
  mapDiffers: '{{value}} ≠ (updating)',
  rowWeights: 'row weights',
  tallest: 'tallest = {{value}}',
  keyTitle: 'key {{key}} “{{token}}”: {{weight}}',
  trueNext: '  ✓ true next',
  lossLine: '−log p(“{{token}}”) = {{nats}} nats = {{bits}} bits',
  lossNoNext: 'No next token yet: this is the last position (Step to append one).',
  lossDetail: 'the true next token has p = {{p}} at T = 1 (rank {{rank}})',
  /** The table for screen readers. */
  tableCaption: 'Position {{pos}} (“{{token}}”), layer {{layer}}, head {{head}}, key {{key}}',
  tableScaled: 'q·k / √{{hs}}',
  tableWeight: 'softmax weight',
  tableMap: 'attention map value',
  notAvailable: 'not available',
  tableProb: 'p({{token}}) at T = {{temperature}}',
  tableLoss: 'cross-entropy',
  tableLossValue: '{{nats}} nats, {{bits}} bits (true “{{token}}”)',
  tableNoNext: 'no next token yet',
  /** Separates the numbers of a vector in a table cell (a comma is the decimal mark in some languages). */
  listSeparator: ', ',
};
