import type { Messages } from '../catalogue';

export const tokens: Messages<'tokens'> = {
  title: 'Tokens',
  showIds: 'Mostrar ids',
  empty: 'Carga o pega un corpus para ver cómo se corta en tokens.',
  tokenizer: 'tokenizador {{kind}}',
  kindBpe: 'BPE a nivel de byte',
  kindChar: 'por caracteres',
  vocab: 'vocabulario {{size}}',
  perChar: '{{ratio}} tokens/carácter',
  charsToTokens: '{{characters}} caracteres → {{tokens}} tokens',
  flow: 'Los primeros {{characters}} caracteres como {{tokens}} tokens',
  merges: 'Las primeras {{shown}} de {{total}} fusiones BPE, en el orden en que se aprendieron',
};
