/**
 * A labelled number input. It commits a valid value shortly after typing stops, and at once
 * on blur or Enter; values outside its range are marked invalid and never committed.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number | 'any';
  integer?: boolean;
  testId?: string;
  onCommit(value: number): void;
}

export function NumberField({ label, value, min, max, step, integer = true, testId, onCommit }: Props) {
  const [draft, setDraft] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => setDraft(String(value)), [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const v = Number(raw);
    const ok =
      raw.trim() !== '' &&
      Number.isFinite(v) &&
      (!integer || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max);
    setInvalid(!ok);
    if (ok && v !== value) onCommit(v);
  };

  return (
    <label className={invalid ? 'invalid' : undefined}>
      {label}
      <input
        data-testid={testId}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={draft}
        min={min}
        max={max}
        step={step ?? 1}
        aria-invalid={invalid}
        onChange={(e) => {
          const raw = e.target.value;
          setDraft(raw);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(raw), 400);
        }}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
