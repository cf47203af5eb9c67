import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Vitest leaves one core free by default, which on a two-core CI machine runs the files one at a
    // time; most of them wait on child processes and files, so two at a time halves the run.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
