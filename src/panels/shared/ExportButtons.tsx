/** SVG / PNG / CSV export buttons for a panel: the SVG comes from a ref, the CSV from a function. */
import type { RefObject } from 'react';
import { exportCsv, exportPng, exportSvg } from '../../viz/exporting';

interface Props {
  name: string;
  svg: RefObject<SVGSVGElement | null>;
  csv: () => { header: string[]; rows: (string | number)[][] };
  testIdPrefix?: string;
}

export function ExportButtons({ name, svg, csv, testIdPrefix = name }: Props) {
  return (
    <fieldset className="export-buttons">
      <legend className="sr-only">Export {name}</legend>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-svg`}
        onClick={() => svg.current && exportSvg(svg.current, name)}
      >
        SVG
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}-export-png`}
        onClick={() => svg.current && void exportPng(svg.current, name)}
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
