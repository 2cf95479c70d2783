export { AXIS_FONT_SIZE, axisTitle, INK, LABEL_FONT_SIZE, layer, styleAxis, styleGrid } from './axes';
export { inView } from './inView';
export { CATEGORICAL, categorical, diverging, OKABE_ITO, sequential, textOn, tint } from './palette';
export { quietWrites } from './quietWrites';
export { type SharedTransition, settle } from './settle';
export { type SvgSelection, useD3 } from './useD3';
export { prefersReducedMotion, useFrame } from './useFrame';
export { useMotion } from './useMotion';
export { type Size, useSize } from './useSize';
