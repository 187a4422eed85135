import { catalogSchema, type Product } from "./product";
import rawCatalog from "./products.json";

export * from "./product";
export * from "./queries";

export class CatalogError extends Error {
  readonly code = "CATALOG_INVALID";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CatalogError";
  }
}

let cached: readonly Product[] | null = null;

/** The curated catalog, validated once per process; a bad products.json fails loudly, not silently. */
export function loadCatalog(): Product[] {
  if (cached === null) {
    const parsed = catalogSchema.safeParse(rawCatalog);
    if (!parsed.success) {
      throw new CatalogError(`products.json does not match the catalog schema: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    const ids = new Set(parsed.data.map((p) => p.id));
    if (ids.size !== parsed.data.length) throw new CatalogError("products.json has duplicate product ids.");
    cached = Object.freeze(parsed.data);
  }
  // A fresh array, so callers that sort or splice never change the shared copy.
  return [...cached];
}
