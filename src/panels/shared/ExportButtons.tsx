/** SVG / PNG / CSV export buttons for a panel: the SVG comes from a ref, the CSV from a function. */
import type { RefObject } from 'react';
import { useT } from '../../i18n/useT';
import { type Decorate, exportCsv, exportPng, exportSvg } from '../../viz/exporting';
import { slot, withData } from './withData';

interface Props {
  name: string;
  svg: RefObject<SVGSVGElement | null>;
  csv: () => { header: string[]; rows: (string | number)[][] };
  testIdPrefix?: string;
  /** Adds what the panel draws outside its svg to the exported copy. */
  decorate?: Decorate;
}

export function ExportButtons({ name, svg, csv, testIdPrefix = name, decorate }: Props) {
  const t = useT();
  return (
    <fieldset className="export-buttons">
      <legend className="sr-only">
        {withData(t('shared.exportLegend', { name: slot('name') }), { name })}
      </legend>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-svg`}
        onClick={() => svg.current && exportSvg(svg.current, name, decorate)}
      >
        {t('shared.svg')}
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-png`}
        onClick={() => svg.current && void exportPng(svg.current, name, decorate)}
      >
        {t('shared.png')}
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-csv`}
        onClick={() => {
          const { header, rows } = csv();
          exportCsv(header, rows, name);
        }}
      >
        {t('shared.csv')}
      </button>
    </fieldset>
  );
}
