import { describe, expect, it } from 'vitest';
import { CATEGORICAL, categorical, diverging, sequential, textOn, tint } from './palette';

describe('palette', () => {
  it('cycles categorical colours, negative indices included', () => {
    expect(categorical(0)).toBe(CATEGORICAL[0]);
    expect(categorical(CATEGORICAL.length)).toBe(CATEGORICAL[0]);
    expect(categorical(-1)).toBe(CATEGORICAL[CATEGORICAL.length - 1]);
  });
  it('tints with an alpha', () => {
    expect(tint('#0072B2', 0.25)).toBe('rgba(0, 114, 178, 0.25)');
    expect(tint('not a colour', 0.5)).toBe('not a colour');
  });
  it('clamps sequential and diverging scales', () => {
    const s = sequential([0, 1]);
    expect(s(-5)).toBe(s(0));
    expect(s(5)).toBe(s(1));
    const d = diverging([-1, 0, 1]);
    expect(d(-9)).toBe(d(-1));
  });
  it('picks readable text on dark and light backgrounds', () => {
    expect(textOn('#000000')).toBe('#ffffff');
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn(sequential([0, 1])(0))).toBe('#ffffff');
    expect(textOn(sequential([0, 1])(1))).toBe('#000000');
  });
});
