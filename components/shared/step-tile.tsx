import type { RoutineStep } from "@/lib/domain/catalog/product";

// There are no product photos (their licences are not ours to grant), so each product gets its step's tile.
const TILE: Record<RoutineStep, { bg: string; path: string }> = {
  cleanser: { bg: "bg-sky-100 text-sky-800", path: "M12 3c3 4 6 7.5 6 11a6 6 0 0 1-12 0c0-3.5 3-7 6-11Z" },
  exfoliant: { bg: "bg-violet-100 text-violet-800", path: "M5 19 19 5M8 8h.01M16 16h.01M7 14h.01M14 7h.01" },
  serum: { bg: "bg-amber-100 text-amber-800", path: "M10 3h4v3l2 2v11a2 2 0 0 1-2 2h-4a2 2 0 0 1-2-2V8l2-2V3Z" },
  "spot-treatment": {
    bg: "bg-rose-100 text-rose-800",
    path: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM12 3v2M12 19v2M3 12h2M19 12h2",
  },
  moisturiser: {
    bg: "bg-emerald-100 text-emerald-800",
    path: "M5 10h14v8a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3v-8ZM7 6h10v4H7z",
  },
  sunscreen: {
    bg: "bg-yellow-100 text-yellow-800",
    path: "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10ZM12 1v3M12 20v3M1 12h3M20 12h3M4.2 4.2l2 2M17.8 17.8l2 2M4.2 19.8l2-2M17.8 6.2l2-2",
  },
  eye: {
    bg: "bg-indigo-100 text-indigo-800",
    path: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12Zm10-3a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z",
  },
};

/** A colour tile with the routine step's icon: the product's visual. */
export function StepTile({ step }: { step: RoutineStep }) {
  const tile = TILE[step];
  return (
    <span
      className={`flex size-12 shrink-0 items-center justify-center rounded-xl ${tile.bg}`}
      data-testid="step-tile"
      aria-hidden="true"
    >
      <svg
        viewBox="0 0 24 24"
        className="size-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={tile.path} />
      </svg>
    </span>
  );
}
