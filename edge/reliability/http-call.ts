/** One HTTP call to a gateway at `base`, JSON in and out, for processes outside the test runner. */
export interface Answer { status: number; body: any; headers: Headers }

export async function call(base: string, method: string, path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  const response = await fetch(`${base}${path}`, {
    method, headers, ...(options.signal ? { signal: options.signal } : {}),
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: response.status, body, headers: response.headers };
}

export const cookieFrom = (headers: Headers) => headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

/** Signs a user in (password from the demo credentials) and answers the cookie header. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const answer = await call(base, 'POST', '/api/auth/login', { body: { username, password } });
  if (answer.status !== 200) throw new Error(`sign-in ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return cookieFrom(answer.headers);
}
