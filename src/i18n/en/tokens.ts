/** Tokens: the corpus's start as the model sees it, cut into tokens, and the tokenizer's figures. */
export const tokens = {
  title: 'Tokens',
  showIds: 'Show ids',
  empty: 'Load or paste a corpus to see how it is cut into tokens.',
  /** {{kind}}: kindBpe or kindChar, in bold. */
  tokenizer: '{{kind}} tokenizer',
  kindBpe: 'byte-level BPE',
  kindChar: 'character',
  /** {{size}}: the vocabulary's size, in bold. */
  vocab: 'vocab {{size}}',
  /** {{ratio}}: tokens per character, in bold. */
  perChar: '{{ratio}} tokens/char',
  charsToTokens: '{{characters}} chars → {{tokens}} tokens',
  /** The token preview, for a screen reader. */
  flow: 'The first {{characters}} characters as {{tokens}} tokens',
  merges: 'First {{shown}} of {{total}} BPE merges, in the order learned',
};
