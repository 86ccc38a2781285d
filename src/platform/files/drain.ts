import type { Readable } from 'node:stream';

/**
 * Reads and discards the rest of an upload. A server that answers while the client is still sending closes the
 * connection under it, and the browser then shows "Failed to fetch" instead of the answer: so every answer to an
 * upload (the preview, a refusal) waits until the body has been read. Reads by `read()`, which works whether or
 * not a reader that stopped early (an async iterator) is still attached.
 */
export async function drainUpload(stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('readable', pump);
      resolve();
    };
    const pump = () => {
      while (stream.read() !== null);
    };
    stream.on('readable', pump);
    stream.once('end', done).once('close', done).once('error', done);
    pump();
  });
}
