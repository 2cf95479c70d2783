/** How each loss series looks; shared by the chart, its legend and the hover read-out. */
import { t } from '../../i18n/i18n';
import { OKABE_ITO } from '../../viz';
import type { SeriesVisibility } from './lossSeries';

export type SeriesId = keyof SeriesVisibility;

export interface SeriesStyle {
  id: SeriesId;
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
    color: OKABE_ITO.blue,
    width: 1.25,
    opacity: 0.3,
    marker: 'none',
  },
  smooth: {
    id: 'smooth',
    color: OKABE_ITO.blue,
    width: 3,
    opacity: 1,
    marker: 'none',
  },
  trainEst: {
    id: 'trainEst',
    color: OKABE_ITO.blue,
    width: 0,
    opacity: 1,
    marker: 'diamond',
  },
  val: {
    id: 'val',
    color: OKABE_ITO.vermillion,
    width: 2,
    opacity: 1,
    dash: '7 4',
    marker: 'circle',
  },
};

export const SERIES_ORDER: SeriesId[] = ['raw', 'smooth', 'trainEst', 'val'];

/** A series' name, as the legend and the read-out write it. */
export function seriesLabel(id: SeriesId): string {
  return t(`loss.series.${id}`);
}
