/** The de catalogue: one namespace per part of the app, each in its own file. */
import { app } from './app';
import { errors } from './errors';
import { lesson } from './lesson';
import { corpus } from './corpus';
import { tokens } from './tokens';
import { model } from './model';
import { training } from './training';
import { loss } from './loss';
import { generate } from './generate';
import { checkpoint } from './checkpoint';
import { models } from './models';
import { arrival } from './arrival';
import { nextToken } from './nextToken';
import { attention } from './attention';
import { logitLens } from './logitLens';
import { saliency } from './saliency';
import { concepts } from './concepts';
import { shared } from './shared';

import type { Catalogue } from '../catalogue';

export const de: Catalogue = {
  app,
  errors,
  lesson,
  corpus,
  tokens,
  model,
  training,
  loss,
  generate,
  checkpoint,
  models,
  arrival,
  nextToken,
  attention,
  logitLens,
  saliency,
  concepts,
  shared,
};
