import { unreachable } from './gateway-address.ts';

/** A signed-in session against a gateway's HTTP API, for the command-line tools. */
export class GatewayClient {
  #cookie = '';

  constructor(private readonly url: string) {}

  async login(username: string, password: string): Promise<void> {
    const response = await this.#fetch('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`sign-in as ${username} failed: ${await this.#reason(response)}`);
    this.#cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  /** A change is always sent as JSON, `{}` when it has nothing to say: the gateway refuses other types from a session. */
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body ?? (method === 'GET' || method === 'HEAD' ? undefined : {});
    const response = await this.#fetch(path, {
      method,
      headers: { cookie: this.#cookie, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${await this.#reason(response)}`);
    return (await response.json()) as T;
  }

  async bytes(path: string): Promise<Buffer> {
    const response = await this.#fetch(path, { headers: { cookie: this.#cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${await this.#reason(response)}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.url}${path}`, init);
    } catch (error) {
      throw unreachable(this.url, error);
    }
  }

  async #reason(response: Response): Promise<string> {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: string; message?: string };
      return `${response.status} ${body.error ?? ''} ${body.message ?? ''}`.trim();
    } catch {
      return `${response.status} ${text.slice(0, 200)}`;
    }
  }
}
