/**
 * The lesson's path, in order: from "a language model predicts the next token" to seeing it
 * think, then a game and the way to train one's own. Each stop's words are the catalogue's
 * lesson.stops.<id> (title, body, try); its figure is live on the model in the tab.
 */
import type { ComponentType } from 'react';
import { AttentionFigure } from './figures/AttentionFigure';
import { EmbeddingFigure } from './figures/EmbeddingFigure';
import { GameFigure } from './figures/GameFigure';
import { GenerationFigure } from './figures/GenerationFigure';
import { LensFigure } from './figures/LensFigure';
import { PredictFigure } from './figures/PredictFigure';
import { SaliencyFigure } from './figures/SaliencyFigure';
import { SoftmaxFigure } from './figures/SoftmaxFigure';
import { StackFigure } from './figures/StackFigure';
import { TokensFigure } from './figures/TokensFigure';
import { TrainingFigure } from './figures/TrainingFigure';
import { YoursFigure } from './figures/YoursFigure';

export type StopId =
  | 'predict'
  | 'tokens'
  | 'embeddings'
  | 'attention'
  | 'stack'
  | 'softmax'
  | 'training'
  | 'generation'
  | 'lens'
  | 'saliency'
  | 'game'
  | 'yours';

export const STOPS: { id: StopId; Figure: ComponentType }[] = [
  { id: 'predict', Figure: PredictFigure },
  { id: 'tokens', Figure: TokensFigure },
  { id: 'embeddings', Figure: EmbeddingFigure },
  { id: 'attention', Figure: AttentionFigure },
  { id: 'stack', Figure: StackFigure },
  { id: 'softmax', Figure: SoftmaxFigure },
  { id: 'training', Figure: TrainingFigure },
  { id: 'generation', Figure: GenerationFigure },
  { id: 'lens', Figure: LensFigure },
  { id: 'saliency', Figure: SaliencyFigure },
  { id: 'game', Figure: GameFigure },
  { id: 'yours', Figure: YoursFigure },
];

export const STOP_COUNT = STOPS.length;
