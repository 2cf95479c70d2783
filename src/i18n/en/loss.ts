/** The loss chart: its controls, legend, axes, hover read-out and the words for screen readers. */
export const loss = {
  title: 'Loss',
  empty: 'Train to see the loss fall',
  hint: 'Hover the chart, or focus it and use ← →, to read values.',
  compareNote: 'Comparing in bits per character',
  unitsLocked: 'Compared models are shown in bits per character, the unit fair across tokenizers',
  smoothing: 'Smoothing',
  logScale: 'Log scale',
  units: 'Units',
  /** The unit as the radio buttons and read-outs write it. */
  unitNats: 'nats',
  unitBits: 'bits/char',
  legend: 'Legend (press to show or hide a series)',
  series: {
    raw: 'train, each step',
    smooth: 'train, smoothed',
    trainEst: 'train, estimate',
    val: 'validation',
  },
  /** The x axis's title and the table's first column. */
  step: 'step',
  axisNats: 'loss (nats)',
  axisBits: 'bits per char',
  readoutStep: 'step {{step}}',
  readout: '{{label}}: {{value}}',
  /** A value read at a nearby evaluation, not at the hovered step itself. */
  readoutAt: '{{label}}: {{value}} (step {{step}})',
  noEvals: 'No evaluations yet.',
  tableCaption_one: 'Latest {{count}} evaluation, loss in {{unit}}',
  tableCaption_other: 'Latest {{count}} evaluations, loss in {{unit}}',
  colTrain: 'train (estimate)',
  colVal: 'validation',
  summaryEmpty: 'Loss chart: no training yet.',
  /** {{parts}}: the three phrases below that apply, joined by commas. */
  summary: 'Loss chart: {{parts}}.',
  summaryTraining: 'training loss {{value}} at step {{step}}',
  summaryValidation: 'validation loss {{value}} at step {{step}}',
  summaryStart: 'starting from {{value}} at step {{step}}',
  /** {{models}}: one compareModel phrase per compared model, joined by semicolons. */
  compareSummary: 'Comparing in bits per character with {{models}}.',
  compareModel: '{{name}}, validation {{value}} at step {{step}}',
};
