// What a client component may import from the catalogue: the pure types and queries, without products.json.
export * from "./product";
export * from "./queries";
