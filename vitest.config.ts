import { defineConfig } from "vitest/config";

// Unit tests run the source in this process (fast: the CLI through main(argv, io));
// process tests run the built CLI as users do, so they build first; slow tests (OCR on
// rendered scans and photos, the real forms of ../shared) run in CI and with npm run test:slow.
export default defineConfig({
  test: {
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache) for the next run.
    experimental: { fsModuleCache: true },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.process.test.ts", "test/**/*.slow.test.ts"],
          globalSetup: ["test/assets.setup.ts"],
          // One module graph per worker: the rules and the PDF reader load once, not once per test file.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "process",
          include: ["test/**/*.process.test.ts"],
          globalSetup: ["test/build.setup.ts"],
          // The work is in the processes they start: one worker imports the test helpers once for all files.
          isolate: false,
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "slow",
          include: ["test/**/*.slow.test.ts"],
          globalSetup: ["test/build.setup.ts"],
          testTimeout: 300_000,
        },
      },
    ],
  },
});
