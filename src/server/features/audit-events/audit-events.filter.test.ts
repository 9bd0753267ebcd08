import { describe, expect, it } from 'vitest';
import { instantBounds } from './audit-events.service';

describe('audit log time filter', () => {
  it.each([
    [{ from: '2025-06-01' }, { from: '2025-05-31T16:00:00.000Z' }],
    [{ to: '2025-06-01' }, { toExclusive: '2025-06-01T16:00:00.000Z' }],
    [{ to: '2025-12-31' }, { toExclusive: '2025-12-31T16:00:00.000Z' }],
    [
      { from: '2025-06-01T02:00:00.000Z', to: '2025-06-02T02:00:00.000Z' },
      { from: '2025-06-01T02:00:00.000Z', to: '2025-06-02T02:00:00.000Z' },
    ],
  ])('%j → %j (a date is the whole Beijing day)', (input, expected) => {
    const b = instantBounds(input);
    expect(Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});
