import type { IncomingMessage } from 'node:http';

/** A request body past the caller's limit: refused (413) before it is all read into memory. */
export class BodyTooLarge extends Error {}

/**
 * Reads a whole request body, up to `maxBytes`: a declared Content-Length past it is refused
 * before a byte is read, and a chunked body is cut off at it (reading stops; the caller answers
 * 413 and closes the connection). `onChunk` sees each chunk as it comes (a signature's HMAC).
 */
export function readBody(req: IncomingMessage, maxBytes: number, onChunk?: (chunk: Buffer) => void): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        // Not destroyed, which would reset the connection before the 413 is written: what else comes is dropped.
        req.resume();
        chunks.length = 0;
        return reject(new BodyTooLarge());
      }
      onChunk?.(chunk);
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(new Error('the client went away before its request had arrived'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
