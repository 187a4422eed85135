import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

// The arrows of ../shared/DESIGN.md "The house": each zone lists what `target` may NOT import.
const adapters = ["./lib/backend/local", "./lib/backend/amplify"];
const serverOnly = ["./lib/local-cloud", "./lib/analyzer", "./lib/pipeline", "./amplify"];
const ui = ["./app", "./components"];

const boundaryZones = [
  {
    target: "./lib/domain",
    from: ["./lib/backend", "./lib/analyzer", "./lib/pipeline", "./lib/local-cloud", "./amplify", ...ui],
    message: "lib/domain is the pure core: it imports nothing outward.",
  },
  { target: "./lib", from: ui, message: "Nothing in lib/ imports app/ or components/." },
  { target: "./amplify", from: ui, message: "Nothing in amplify/ imports app/ or components/." },
  {
    // The backend definition owns its record mapping (amplify/data/analysis-record.ts); the app's adapter imports it, not the reverse.
    target: "./amplify",
    from: ["./lib/backend"],
    message: "amplify/ never imports lib/backend: what both need lives in amplify/ beside the schema.",
  },
  {
    target: "./components",
    from: [...adapters, ...serverOnly],
    message: "Components see only the backend port (lib/backend) and lib/domain.",
  },
  {
    // Route handlers under app/api may reach the local cloud; pages and layouts may not.
    target: "./app",
    from: [...adapters, "./lib/analyzer", "./lib/pipeline", "./amplify"],
    message: "Pages see only the backend port (lib/backend) and lib/domain.",
  },
  {
    target: ["./app/!(api)/**/*", "./app/*.{ts,tsx}"],
    from: ["./lib/local-cloud"],
    message: "Only route handlers under app/api may use the local cloud.",
  },
  {
    target: ["./lib/analyzer", "./lib/pipeline"],
    from: ["./lib/backend", "./lib/local-cloud", "./amplify"],
    message: "The analyzer and the pipeline depend on lib/domain only.",
  },
  {
    target: ["./lib/backend/local", "./lib/backend/amplify", "./lib/backend/port.ts"],
    from: ["./lib/local-cloud", "./lib/analyzer", "./lib/pipeline"],
    message: "Adapters talk to their backend over the wire; they depend on lib/domain only.",
  },
];

// Test helpers live in testing/ (and in a testing/ folder beside the code they serve); production code never
// imports them. Tests, e2e specs, benches, the analyzer's evaluation and its model fitting may.
const testHelpers = ["./testing", "./components/testing", "./lib/analyzer/testing", "./amplify/testing"];
const testOnlyZone = {
  target: ["./app", "./components", "./lib", "./amplify", "./*.{ts,mts,mjs}"],
  from: testHelpers,
  message: "Test helpers are for tests only: production code never imports testing/.",
};
const testCode = [
  "**/*.test.{ts,tsx}",
  "testing/**",
  "components/testing/**",
  "lib/analyzer/testing/**",
  "amplify/testing/**",
  "e2e/**",
  "e2e-amplify/**",
  "lib/bench/**",
  "lib/cli/eval-analyzer.ts",
  "lib/cli/fit-candidate-model.ts",
  "lib/cli/diagnose-spots.ts",
  "lib/cli/diagnose-red.ts",
  "lib/cli/diagnose-mask.ts",
  "lib/cli/diagnose-reshoot.ts",
  "lib/cli/diagnose-tone.ts",
  "lib/cli/red-candidate-report.ts",
  "lib/cli/red-signal-snr.ts",
];

// Features are rooms with one door (STYLE 6b), as bulletproof-react keeps its features/*: a feature folder imports
// ui/, shared/ (what several features show), backend/ and lib/domain, never a sibling feature; the page composes
// features and passes callbacks. The shared folders import no feature.
const features = ["auth", "capture", "guest", "history", "my-data", "privacy", "products", "results", "survey"].map(
  (name) => `./components/${name}`,
);
const featureZones = [
  ...features.map((feature) => ({
    target: feature,
    from: features.filter((other) => other !== feature),
    message: "A feature never imports a sibling feature: the page composes them and passes callbacks.",
  })),
  {
    target: ["./components/ui", "./components/shared", "./components/backend"],
    from: features,
    message: "Shared components import no feature: take what a feature draws as a prop or child.",
  },
];

const impure = {
  patterns: [
    { group: ["next", "next/*", "react", "react-dom", "react/*"], message: "lib/domain is framework-free." },
    { group: ["aws-*", "@aws-*/*", "@aws-*", "aws-amplify/*"], message: "lib/domain knows nothing of AWS." },
    { group: ["node:*", "fs", "path", "crypto"], message: "lib/domain does no I/O." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-amplify-smoke/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    ".amplify/**",
    "amplify_outputs*",
    "next-env.d.ts",
  ]),
  {
    settings: {
      "import/resolver": { typescript: { project: ["./tsconfig.json", "./amplify/tsconfig.json"] }, node: true },
    },
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...boundaryZones, ...featureZones, testOnlyZone] }],
      "import/no-cycle": ["error", { maxDepth: 10 }],
      // One order everywhere, fixed by `eslint --fix`: node and packages, then "@/…", then relative.
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "import/no-duplicates": ["error", { "prefer-inline": true }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  {
    files: testCode,
    rules: { "import/no-restricted-paths": ["error", { zones: [...boundaryZones, ...featureZones] }] },
  },
  {
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", impure],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Pass the time in." },
        { object: "Math", property: "random", message: "Pass randomness in." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pass the time in." },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["app/api/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["aws-amplify", "aws-amplify/*", "@aws-amplify/adapter-nextjs*"],
              message: "Use the backend port (lib/backend).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mjs,mts}"],
    plugins: { "check-file": checkFile },
    rules: {
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs,mts}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
    },
  },
]);
