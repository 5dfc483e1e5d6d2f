import { LiveSocket, type LiveSocketHandlers } from './live-socket.ts';

/**
 * What every page's store shares: its state, the page listening to it, and the one `/ws`
 * feed that keeps it current. A store changes its state only through `publish`, which
 * tells the page.
 */
export abstract class PageStore<State> {
  #state: State;
  #socket: LiveSocket | undefined;
  readonly #listeners = new Set<(state: State) => void>();

  protected constructor(initial: State) {
    this.#state = initial;
  }

  get state(): State {
    return this.#state;
  }

  subscribe(listener: (state: State) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  protected publish(next: State): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }

  /** Opens the feed (closing one already open); it reconnects by itself until closed. */
  protected openFeed(url: string, handlers: LiveSocketHandlers): void {
    this.closeFeed();
    this.#socket = new LiveSocket(url, handlers);
    this.#socket.start();
  }

  protected closeFeed(): void {
    this.#socket?.stop();
    this.#socket = undefined;
  }
}
