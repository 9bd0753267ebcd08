import { afterEach, vi } from 'vitest';

// Convention 11: an unexpected console.error is a failure, not noise.
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};
afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length) throw new Error(`console.error was called: ${String(seen[0][0]).slice(0, 300)}`);
});
vi.stubGlobal('__qianqiConsoleGuard', true);
