import type { IncomingMessage } from 'node:http';

/** A request body past the caller's limit: refused (413) before it is all read into memory. */
export class BodyTooLarge extends Error {}

/** Reads a whole request body, up to `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
