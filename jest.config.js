/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` type-checks src and test). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  reporters: ["default", "<rootDir>/test/reporters/summary.js"],
  testTimeout: 120000,
};
