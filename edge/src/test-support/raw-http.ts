import net from 'node:net';

export interface RawAnswer { status: number; headers: Record<string, string>; body: any }

/**
 * Sends bytes exactly as given to an HTTP server and reads its answer: for requests
 * `fetch` will not make (a multipart body cut short, a wrong content length). The
 * connection stays open until a whole answer is in, or with `endAfterWrite` is half-closed
 * at once, as a client that goes away would.
 */
export function rawRequest(base: string, request: string | Buffer, { endAfterWrite = false } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => {
      if (endAfterWrite) socket.end(request);
      else socket.write(request);
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // Without end-after-write the server decides: stop once a whole answer is in.
      if (!endAfterWrite && answerComplete(Buffer.concat(chunks))) socket.end();
    });
    socket.on('error', reject);
    socket.on('close', () => {
      try { resolve(parse(Buffer.concat(chunks))); } catch (error) { reject(error); }
    });
  });
}

function answerComplete(data: Buffer): boolean {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, split).toString());
  return length !== null && data.length - split - 4 >= Number(length[1]);
}

function parse(data: Buffer): RawAnswer {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no HTTP answer: ${JSON.stringify(data.toString().slice(0, 200))}`);
  const [statusLine, ...lines] = data.subarray(0, split).toString().split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const text = data.subarray(split + 4).toString();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: Number(statusLine!.split(' ')[1]), headers, body };
}

/** A POST with the given content type and body, as one HTTP/1.1 request that closes the connection. */
export function rawPost(path: string, contentType: string | undefined, body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1');
  const head = [
    `POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close',
    ...(contentType === undefined ? [] : [`Content-Type: ${contentType}`]),
    `Content-Length: ${payload.length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}
