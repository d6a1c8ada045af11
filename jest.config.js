/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` type-checks src and test). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  // office-addin-mock requires office-addin-manifest, whose dependencies are ESM-only; the mock
  // only uses its OfficeApp enum.
  // The pane's worker is started through `import.meta.url`, which CommonJS has not: under Jest the
  // analyser runs in the page (the worker itself is exercised in Chromium by test/build.test.ts).
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "^\\./startWorker$": "<rootDir>/test/helpers/noWorker.ts",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup/dom.ts"],
  reporters: ["default", "<rootDir>/test/reporters/summary.js"],
  testTimeout: 120000,
};
