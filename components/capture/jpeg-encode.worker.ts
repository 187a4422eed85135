import encode from "jpeg-js/lib/encoder";

/** What the page sends: the prepared photo's RGBA pixels (their buffer transferred, not copied). */
export interface EncodeRequest {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  quality: number;
}

export type EncodeReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

// A 1280 px photo takes jpeg-js 0.1–0.5 s; here it does not freeze the page's progress and buttons meanwhile.
self.onmessage = ({ data }: MessageEvent<EncodeRequest>) => {
  let reply: EncodeReply;
  try {
    const out = encode({ data: data.rgba, width: data.width, height: data.height }, data.quality);
    reply = { ok: true, bytes: new Uint8Array(out.data) };
  } catch (cause) {
    reply = { ok: false, message: cause instanceof Error ? cause.message : String(cause) };
  }
  self.postMessage(reply, { transfer: reply.ok ? [reply.bytes.buffer] : [] });
};
