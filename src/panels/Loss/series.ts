/** How each loss series looks; shared by the chart, its legend and the hover read-out. */
import { OKABE_ITO } from '../../viz';
import type { SeriesVisibility } from './lossSeries';

export type SeriesId = keyof SeriesVisibility;

export interface SeriesStyle {
  id: SeriesId;
  label: string;
  color: string;
  /** Line width in px; 0 = no line (points only). */
  width: number;
  opacity: number;
  dash?: string;
  /** Marker drawn at each point: none, a filled circle, or a hollow diamond. */
  marker: 'none' | 'circle' | 'diamond';
}

export const SERIES: Record<SeriesId, SeriesStyle> = {
  raw: {
    id: 'raw',
    label: 'train, each step',
    color: OKABE_ITO.blue,
    width: 1.25,
    opacity: 0.3,
    marker: 'none',
  },
  smooth: {
    id: 'smooth',
    label: 'train, smoothed',
    color: OKABE_ITO.blue,
    width: 3,
    opacity: 1,
    marker: 'none',
  },
  trainEst: {
    id: 'trainEst',
    label: 'train, estimate',
    color: OKABE_ITO.blue,
    width: 0,
    opacity: 1,
    marker: 'diamond',
  },
  val: {
    id: 'val',
    label: 'validation',
    color: OKABE_ITO.vermillion,
    width: 2,
    opacity: 1,
    dash: '7 4',
    marker: 'circle',
  },
};

export const SERIES_ORDER: SeriesId[] = ['raw', 'smooth', 'trainEst', 'val'];
