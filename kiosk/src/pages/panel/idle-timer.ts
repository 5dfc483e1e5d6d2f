/**
 * Calls `onIdle` once nothing touched the page for `ms`. Any pointer, key or scroll
 * resets it; it runs only while armed (a signed-in panel).
 */
export class IdleTimer {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #armed = false;
  readonly #events = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
  readonly #reset = () => this.#restart();

  constructor(private readonly target: EventTarget, private readonly ms: number, private readonly onIdle: () => void) {}

  arm(): void {
    if (this.#armed) return;
    this.#armed = true;
    for (const name of this.#events) this.target.addEventListener(name, this.#reset, { capture: true, passive: true });
    this.#restart();
  }

  disarm(): void {
    this.#armed = false;
    clearTimeout(this.#timer);
    for (const name of this.#events) this.target.removeEventListener(name, this.#reset, { capture: true });
  }

  #restart(): void {
    clearTimeout(this.#timer);
    if (this.#armed) this.#timer = setTimeout(() => { this.disarm(); this.onIdle(); }, this.ms);
  }
}
