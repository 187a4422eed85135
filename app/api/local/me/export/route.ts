import { handleLocal, requireUser } from "@/lib/local-cloud/http";
import { buildExportArchive } from "@/lib/local-cloud/my-data/export-archive";

export const dynamic = "force-dynamic";

/** "Download my data": one zip of every analysis as JSON plus the photos still kept. */
export function GET(request: Request): Promise<Response> {
  return handleLocal(request, async (ctx) => {
    const user = requireUser(ctx);
    const now = new Date();
    const zip = await buildExportArchive(ctx.cloud, user, now);
    return new Response(new Uint8Array(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(zip.byteLength),
        "Content-Disposition": `attachment; filename="skinsight-data-${now.toISOString().slice(0, 10)}.zip"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
