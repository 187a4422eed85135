import { encodeRgba, type EncodeReply, type EncodeRequest } from "./full-colour-jpeg";

// Only ever loaded as a worker (image-processing.ts encodeInWorker); its messages' types live in full-colour-jpeg.ts,
// so nothing else needs to import this module and its top-level handler.

// The worker scope's part this uses (the webworker lib would retype the whole program's globals).
declare const self: {
  onmessage: ((event: MessageEvent<EncodeRequest>) => void) | null;
  postMessage(message: EncodeReply, transfer: Transferable[]): void;
};

// A 1280 px photo takes jpeg-js 0.1–0.5 s on a laptop, more on a phone: here it does not freeze the page meanwhile.
self.onmessage = ({ data }: MessageEvent<EncodeRequest>) => {
  let reply: EncodeReply;
  try {
    reply = { ok: true, bytes: encodeRgba(data.rgba, data.width, data.height) };
  } catch (cause) {
    reply = { ok: false, message: cause instanceof Error ? cause.message : String(cause) };
  }
  self.postMessage(reply, reply.ok ? [reply.bytes.buffer] : []);
};
