import { readImage, uploadImage } from "@/lib/local-cloud/analysis-service";
import { LocalCloudError } from "@/lib/local-cloud/errors";
import { handleLocal, jsonResponse, readBody, readId, requireOwner, withSecurityHeaders } from "@/lib/local-cloud/http";
import { MAX_UPLOAD_BYTES } from "@/lib/local-cloud/storage";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ id: string }>;
}

const TOO_LARGE = "That photo is larger than 15 MB. Please use a smaller one.";
// Multipart framing adds a little to the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

/** Raw image bytes (image/*) or multipart/form-data with an `image` (or `file`) field. */
async function readUpload(request: Request): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    const body = await readBody(request, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD, TOO_LARGE);
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } })
      .formData()
      .catch(() => null);
    if (!form)
      throw new LocalCloudError("INVALID_INPUT", "The upload was cut short or is not a valid form. Please try again.");
    const file = form.get("image") ?? form.get("file");
    if (!(file instanceof Blob))
      throw new LocalCloudError("INVALID_INPUT", "Attach the photo in a form field named “image”.");
    if (file.size > MAX_UPLOAD_BYTES) throw new LocalCloudError("TOO_LARGE", TOO_LARGE);
    return Buffer.from(await file.arrayBuffer());
  }
  if (/^(image\/|application\/octet-stream)/i.test(type)) return readBody(request, MAX_UPLOAD_BYTES, TOO_LARGE);
  throw new LocalCloudError(
    "UNSUPPORTED_MEDIA",
    "That file isn't a photo we can read. Please use a JPEG, PNG or WebP image.",
  );
}

// proxy.ts skips this route (see its matcher), so every answer here sets the security headers itself.
async function upload(request: Request, { params }: Params): Promise<Response> {
  const response = await handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    const id = await readId(params);
    // Ownership first, so a stranger learns nothing by how their upload fails.
    ctx.cloud.store.get(owner.id, id);
    return jsonResponse(await uploadImage(ctx.cloud, owner.id, id, await readUpload(request)));
  });
  return withSecurityHeaders(request, response);
}

export const PUT = upload;
export const POST = upload;

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const response = await handleLocal(request, async (ctx) => {
    const owner = requireOwner(ctx);
    const bytes = await readImage(ctx.cloud, owner.id, await readId(params));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "image/jpeg",
        "Content-Length": String(bytes.length),
        // A selfie: never in a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  });
  return withSecurityHeaders(request, response);
}
