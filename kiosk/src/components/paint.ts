import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Colours that depend on data (a status, a priority), set through the element's style object
 * rather than a `style` attribute: the gateway's Content-Security-Policy forbids style
 * attributes (`style-src-attr 'none'`), not CSSOM. Use on an element: `<p ${paint({ color })}>`.
 */
class Paint extends Directive {
  #names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('paint() goes on an element, not in an attribute');
  }

  render(_styles: Record<string, string>) {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [Record<string, string>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#names) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.#names = new Set(Object.keys(styles));
    return noChange;
  }
}

export const paint = directive(Paint);
