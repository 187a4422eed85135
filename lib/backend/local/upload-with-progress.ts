import type { UploadProgress } from "../port";

/**
 * PUT with upload progress. fetch cannot report request-body progress in browsers, XMLHttpRequest
 * can; the reply is wrapped in a Response so the adapter's fetch error mapping and parsing apply as-is.
 */
export function putWithProgress(
  url: string,
  body: Blob,
  onProgress: (progress: UploadProgress) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.withCredentials = true;
    xhr.responseType = "blob";
    xhr.setRequestHeader("Content-Type", body.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.size });
    };
    xhr.onload = () => {
      const headers = new Headers({ "Content-Type": xhr.getResponseHeader("Content-Type") ?? "application/json" });
      resolve(new Response(xhr.response as Blob, { status: xhr.status, headers }));
    };
    // Same shape as a failed fetch, so `send`'s caller maps it to UNAVAILABLE.
    xhr.onerror = () => reject(new TypeError("Network request failed"));
    xhr.onabort = () => reject(new TypeError("Upload aborted"));
    xhr.send(body);
  });
}
