/**
 * Reports what the user did in a component: an event that bubbles out of its shadow root
 * to whoever owns the component.
 */
export function emit(from: EventTarget, name: string, detail?: unknown): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
