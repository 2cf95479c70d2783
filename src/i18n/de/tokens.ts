import type { Messages } from '../catalogue';

export const tokens: Messages<'tokens'> = {
  title: 'Tokens',
  showIds: 'IDs zeigen',
  empty: 'Lade einen Korpus oder füge einen ein, um zu sehen, wie er in Tokens zerlegt wird.',
  tokenizer: '{{kind}}-Tokenizer',
  kindBpe: 'Byte-Level-BPE',
  kindChar: 'Zeichen',
  vocab: 'Vokabular {{size}}',
  perChar: '{{ratio}} Tokens/Zeichen',
  charsToTokens: '{{characters}} Zeichen → {{tokens}} Tokens',
  flow: 'Die ersten {{characters}} Zeichen als {{tokens}} Tokens',
  merges: 'Die ersten {{shown}} von {{total}} BPE-Merges, in der gelernten Reihenfolge',
};
