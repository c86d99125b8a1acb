import { setText, svg } from '../view/dom.ts';

/*
 * Keyed updates of SVG groups: what a filter change leaves alone is neither rebuilt nor repainted.
 */

export type Attrs = Record<string, string | number | null>;

/** Coordinates to a tenth of a pixel: finer than the eye sees, and short path data. */
export const round = (v: number) => Math.round(v * 10) / 10;

export function setAttr(node: Element, name: string, value: string | number | null): void {
  const v = value === null ? null : String(value);
  if (node.getAttribute(name) === v) return;
  if (v === null) node.removeAttribute(name);
  else node.setAttribute(name, v);
}

/**
 * Makes `group` hold one element per item, in order, matched by key: a kept element only has its
 * changed attributes set.
 */
export function reconcile<T>(group: Element | null, items: T[], tag: 'path' | 'circle' | 'text', key: (t: T) => string, attrs: (t: T) => Attrs, text?: (t: T) => string): void {
  if (!group) return;
  const old = new Map<string, Element>();
  for (const c of group.children) old.set(c.getAttribute('data-key') ?? '', c);
  const next = items.map((item) => {
    const k = key(item);
    const node = old.get(k) ?? svg(tag, { 'data-key': k });
    for (const [name, value] of Object.entries(attrs(item))) setAttr(node, name, value);
    const content = text?.(item);
    if (content !== undefined) setText(node, content);
    return node;
  });
  if (next.length !== group.children.length || next.some((n, i) => group.children[i] !== n)) group.replaceChildren(...next);
}
