/**
 * The attention panel: the small multiples (select, ablate), the large heatmap, the arrows, the
 * training-snapshot scrubber and the screen-reader table. In a quoted '{{token}}' the token is data.
 */
export const attention = {
  title: 'Attention',
  /** Completes shared.showAlone: "Show … alone, full width". */
  presentWhat: 'the attention heatmaps',
  updating: 'updating…',
  csvAll: 'CSV: all heads',
  noModel: 'No model yet. Train one (or load the pretrained model) to see where each head looks.',
  noSource: 'Generate a token, or inspect the prompt, to see what each head attends to.',
  inspectPrompt: 'Inspect the prompt',
  /** Followed by the ablated heads' labels in brackets, e.g. "(L0 H1)". */
  ablationNotice_one: '{{count}} head ablated — the next-token panel shows the effect',
  ablationNotice_other: '{{count}} heads ablated — the next-token panel shows the effect',
  restoreAll: 'Restore all',
  gridHint:
    'Click a map to show it below; “off” (or shift-click) ablates that head and recomputes the prediction.',
  watchTitle: 'Watch a head learn',
  probeNote: 'Showing the probe text recorded at step {{step}}; press “live” for the current text.',
  arrowsTitle: 'Arrows: what the selected token looks back at',
  /** The heatmap's title after the head's label ("L0 H1 · live"): a training snapshot's step, or now. */
  whenStep: 'step {{step}}',
  live: 'live',
  ablatedTag: 'ablated',
  /** {{title}}: the heatmap's title, e.g. "L0 H1 · live". */
  tableOf: 'Attention of {{title}}',
  // The small multiples. {{label}} is a head's label, "L0 H1" (layer 0, head 1).
  layer: 'layer {{layer}}',
  gridLegend: "Every head's attention map: rows are layers, columns are heads",
  showHead: '{{label}}: show this head',
  showHeadAblated: '{{label}} (ablated): show this head',
  clickToAblate: '{{label}}: click to show, shift-click to ablate',
  clickToRestore: '{{label}}: click to show, shift-click to restore',
  ablate: 'Ablate {{label}}',
  restore: 'Restore {{label}}',
  ablateTitle: 'Switch this head off (ablate) and recompute',
  restoreTitle: 'Switch this head back on',
  /** The toggle's caption: what pressing it does ("off" ablates the head, "on" restores it). */
  off: 'off',
  on: 'on',
  // The large heatmap.
  heatmapRole: 'attention heatmap',
  /** {{readout}} is `readout`. */
  heatmapLabel:
    '{{title}}: attention of each query token (rows) to each earlier key token (columns). {{readout}} Up and down arrows move the query, left and right switch heads.',
  readout:
    "Query '{{query}}' at position {{queryPos}} attends most to '{{key}}' at position {{keyPos}}: {{weight}}.",
  heatmapHint:
    'Hover a cell to read it; click a row to select that token. Focus the map: ↑ ↓ move the query, ← → switch heads.',
  cell: "query '{{query}}' → key '{{key}}': {{weight}}",
  cellMasked: "query '{{query}}' → key '{{key}}': masked (a token cannot see the future)",
  maskTitle: 'masked: a token cannot attend to later tokens',
  axisQuery: 'query (each row sums to 1)',
  axisKey: 'key: the token attended to',
  legendCaption: 'attention probability',
  legendMask: 'future: masked',
  // The arrows.
  stripRole: 'token strip',
  stripLabel: 'Selected token (query) for the arrows',
  /** {{list}}: the arrowsTo entries joined by commas. */
  arrows: "Arrows from '{{token}}' (position {{pos}}) to the tokens it attends to most: {{list}}.",
  arrowsTo: "'{{token}}' at {{pos}} ({{weight}})",
  // The training snapshots.
  historyEmpty:
    "Train to record snapshots: the model's attention on a probe text is saved at every evaluation, so you can watch a head learn.",
  historyLegend: 'Attention while training',
  playLabel: 'Play the training snapshots',
  pauseLabel: 'Pause',
  playButton: '▶ play',
  pauseButton: '❚❚ pause',
  scrubberLabel: 'Training step of the attention snapshot',
  backToLive: 'Back to the current text',
  noLive: 'Generate or inspect a text to see live attention',
  // The screen-reader table: one query's row of the selected head.
  tableCaption:
    "{{caption}}: how much query {{query}} '{{token}}' attends to each earlier token (later keys are masked; the whole matrix is in the CSV export).",
  keyPosition: 'key position',
  keyToken: 'key token',
  weight: 'weight',
};
