// What a client component may import from the catalogue: options and queries, without products.json or zod.
export type { Product } from "./product";
export * from "./product-options";
export * from "./queries";
