/**
 * d3 writes every attribute and text it is handed, even when the element already shows that value,
 * and each write invalidates the element's style and paint. The panels redraw their whole chart
 * for each generated token, so most writes repeat what is there: skipping those is what keeps a
 * token's frame short (bench/panels.ts: the logit lens made ~2,200 attribute writes per token).
 * `quietWrites()` makes selection.attr, .style and .text write only what changed (text in place);
 * reads, removals, namespaced attributes, !important styles and transitions behave as in d3.
 */
import { selection } from 'd3';

type Value = string | number | boolean | null | undefined;
type ValueFn = (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => Value;
type AnySelection = {
  each(fn: (this: Element, d: unknown, i: number, nodes: ArrayLike<Element>) => void): unknown;
};

let installed = false;

export function quietWrites(): void {
  if (installed) return;
  installed = true;
  const proto = selection.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const attr = proto.attr;
  const text = proto.text;
  const style = proto.style;

  proto.attr = function (this: AnySelection, ...args: unknown[]) {
    const [name, value] = args as [string, Value | ValueFn];
    if (args.length < 2 || typeof name !== 'string' || name.includes(':')) return attr.apply(this, args);
    return this.each(function (d, i, nodes) {
      const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
      if (v === null || v === undefined) {
        if (this.hasAttribute(name)) this.removeAttribute(name);
      } else {
        const s = String(v);
        if (this.getAttribute(name) !== s) this.setAttribute(name, s);
      }
    });
  };

  proto.style = function (this: AnySelection, ...args: unknown[]) {
    const [name, value, priority] = args as [string, Value | ValueFn, string | undefined];
    if (args.length < 2 || typeof name !== 'string' || priority) return style.apply(this, args);
    return this.each(function (d, i, nodes) {
      const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
      const css = (this as HTMLElement).style;
      if (v === null || v === undefined) {
        if (css.getPropertyValue(name) !== '') css.removeProperty(name);
      } else {
        const s = String(v);
        // The browser may serialise a value differently (colours as rgb()): then it is written.
        if (css.getPropertyValue(name) !== s) css.setProperty(name, s);
      }
    });
  };

  proto.text = function (this: AnySelection, ...args: unknown[]) {
    if (args.length === 0) return text.apply(this, args);
    const value = args[0] as Value | ValueFn;
    return this.each(function (d, i, nodes) {
      const v = typeof value === 'function' ? value.call(this, d, i, nodes) : value;
      const s = v === null || v === undefined ? '' : String(v);
      if (this.textContent === s) return;
      // A lone text node is rewritten in place: replacing it (d3's textContent) removes its layout
      // object and builds a new one, ~50 text nodes a token in the next-token chart alone.
      const only = this.firstChild;
      if (s !== '' && only !== null && only === this.lastChild && only.nodeType === 3 /* a text node */)
        (only as Text).data = s;
      else this.textContent = s;
    });
  };
}
