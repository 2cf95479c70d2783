/** The de catalogue: one namespace per part of the app, each in its own file. */

import type { Catalogue } from '../catalogue';
import { app } from './app';
import { arrival } from './arrival';
import { attention } from './attention';
import { checkpoint } from './checkpoint';
import { concepts } from './concepts';
import { corpus } from './corpus';
import { errors } from './errors';
import { fineTune } from './fineTune';
import { generate } from './generate';
import { lesson } from './lesson';
import { logitLens } from './logitLens';
import { loss } from './loss';
import { model } from './model';
import { models } from './models';
import { nextToken } from './nextToken';
import { pytorch } from './pytorch';
import { saliency } from './saliency';
import { shared } from './shared';
import { tokens } from './tokens';
import { training } from './training';

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
  fineTune,
  pytorch,
};
