/** Test helper: a stand-in DOM element for d3 selections in node (no DOM in the unit tests). */

/** Just enough of an Element for d3's attr/text, counting the writes. */
export function fakeElement() {
  const attrs = new Map<string, string>();
  let text = '';
  const props = new Map<string, string>();
  const el = {
    writes: 0,
    style: {
      getPropertyValue: (n: string) => props.get(n) ?? '',
      setProperty(n: string, v: string) {
        el.writes++;
        props.set(n, v);
      },
      removeProperty(n: string) {
        el.writes++;
        props.delete(n);
      },
    },
    getAttribute: (n: string) => attrs.get(n) ?? null,
    hasAttribute: (n: string) => attrs.has(n),
    setAttribute(n: string, v: unknown) {
      el.writes++;
      attrs.set(n, String(v));
    },
    removeAttribute(n: string) {
      el.writes++;
      attrs.delete(n);
    },
    get textContent() {
      return text;
    },
    /** Replaces the children: a new text node (none for ''), as the DOM does. */
    set textContent(v: string) {
      el.writes++;
      el.replaced++;
      text = v;
      el.firstChild = el.lastChild = v === '' ? null : textNode();
    },
    /** How many writes replaced the text node rather than rewriting it. */
    replaced: 0,
    firstChild: null as object | null,
    lastChild: null as object | null,
  };
  const textNode = () => ({
    nodeType: 3,
    get data() {
      return text;
    },
    set data(v: string) {
      el.writes++;
      text = v;
    },
  });
  return el;
}
