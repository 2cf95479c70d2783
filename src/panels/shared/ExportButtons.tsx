/** SVG / PNG / CSV export buttons for a panel: the SVG comes from a ref, the CSV from a function. */
import type { RefObject } from 'react';
import { type Decorate, exportCsv, exportPng, exportSvg } from '../../viz/exporting';

interface Props {
  name: string;
  svg: RefObject<SVGSVGElement | null>;
  csv: () => { header: string[]; rows: (string | number)[][] };
  testIdPrefix?: string;
  /** Adds what the panel draws outside its svg to the exported copy. */
  decorate?: Decorate;
}

export function ExportButtons({ name, svg, csv, testIdPrefix = name, decorate }: Props) {
  return (
    <fieldset className="export-buttons">
      <legend className="sr-only">Export {name}</legend>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-svg`}
        onClick={() => svg.current && exportSvg(svg.current, name, decorate)}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-png`}
        onClick={() => svg.current && void exportPng(svg.current, name, decorate)}
      >
        PNG
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-csv`}
        onClick={() => {
          const { header, rows } = csv();
          exportCsv(header, rows, name);
        }}
      >
        CSV
      </button>
    </fieldset>
  );
}
