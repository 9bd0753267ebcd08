import { describe, expect, it } from 'vitest';
import { demandStepIssues } from './demand-lifecycle';

const base = { collectedOn: '2025-05-01' };
const paths = (d: Parameters<typeof demandStepIssues>[0]) => demandStepIssues(d).map((i) => i.path);

describe('demandStepIssues (第七条: collected → matched → docked → resolved, or closed)', () => {
  it('a collected demand needs nothing more', () => {
    expect(paths({ ...base, status: 'collected' })).toEqual([]);
  });

  it('each reached step needs its date (and a match needs its object)', () => {
    expect(paths({ ...base, status: 'matched' })).toEqual(['matchedOn', 'matchedTo', 'matchedKind']);
    expect(
      paths({ ...base, status: 'resolved', matchedOn: '2025-05-02', matchedTo: '张伟', matchedKind: 'expert' }),
    ).toEqual(['dockedOn', 'resolvedOn']);
    expect(paths({ ...base, status: 'closed' })).toEqual(['closedOn']);
  });

  it('a complete, ordered lifecycle passes; the same day is allowed', () => {
    expect(
      paths({
        ...base,
        status: 'resolved',
        matchedKind: 'university',
        matchedTo: '北京理工大学',
        matchedOn: '2025-05-01',
        dockedOn: '2025-05-03',
        resolvedOn: '2025-06-01',
      }),
    ).toEqual([]);
  });

  it('a later step dated before an earlier one names the later field', () => {
    const issues = demandStepIssues({
      ...base,
      status: 'docked',
      matchedKind: 'expert',
      matchedTo: '张伟',
      matchedOn: '2025-04-30',
      dockedOn: '2025-05-02',
    });
    expect(issues).toEqual([{ path: 'matchedOn', message: '匹配日期不能早于征集日期' }]);
    expect(paths({ ...base, status: 'closed', closedOn: '2025-04-01' })).toEqual(['closedOn']);
  });
});
