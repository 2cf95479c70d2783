import type { Messages } from '../catalogue';

export const arrival: Messages<'arrival'> = {
  title: 'Un GPT diminuto, pensando',
  learned: 'Aprendió de {{name}} ({{millions}} millones de caracteres) y funciona en esta pestaña.',
  loading: 'Cargando un modelo que aprendió de Shakespeare…',
  below: 'Abajo: qué predice a continuación, dónde mira y qué adivinaría cada capa.',
  tryPrompt: 'Prueba tu propio prompt',
  trainOwn: 'Entrena tu propio modelo →',
  trainOwnNotice: 'Pega o elige el texto que debe aprender tu modelo y pulsa Entrenar.',
};
