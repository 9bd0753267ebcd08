import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../uscc';
import {
  applyListFlag,
  changesKpiCount,
  matchListHeaders,
  type OfficialListKind,
  planOfficialList,
  problemText,
  type RawListRow,
  type RegistryEnterprise,
  registryFingerprint,
  usccProblem,
} from './official-lists';

const code = (n: number) => {
  const first17 = `91110108${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};
const badCheck = (n: number) => {
  const good = code(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

const enterprise = (n: number, over: Partial<RegistryEnterprise> = {}): RegistryEnterprise => ({
  id: `e${n}`,
  uscc: code(n),
  name: `北京测试${n}科技有限公司`,
  version: 1,
  srdi: 'none',
  hasAssociation: false,
  ...over,
});
const registryOf = (...es: RegistryEnterprise[]) => new Map(es.map((e) => [e.uscc, e]));
const row = (n: number, uscc: string, name: string): RawListRow => ({ row: n, cells: { uscc, name } });

describe('applyListFlag (第七条)', () => {
  const none = { srdi: 'none', hasAssociation: false } as const;
  it.each([
    ['srdi_national', 'none', 'changed', 'national'],
    ['srdi_national', 'municipal', 'changed', 'national'],
    ['srdi_national', 'national', 'unchanged', 'national'],
    ['srdi_municipal', 'none', 'changed', 'municipal'],
    ['srdi_municipal', 'municipal', 'unchanged', 'municipal'],
    // A higher level is not lowered by a municipal list.
    ['srdi_municipal', 'national', 'higher_kept', 'national'],
  ] as const)('%s on %s → %s (%s)', (kind, srdi, outcome, after) => {
    const r = applyListFlag(kind, { ...none, srdi });
    expect(r.outcome).toBe(outcome);
    expect(r.after).toEqual({ srdi: after, hasAssociation: false });
  });

  it('an association list sets the 企业科协 flag and leaves 专精特新 alone', () => {
    expect(applyListFlag('association', { srdi: 'municipal', hasAssociation: false })).toEqual({
      outcome: 'changed',
      after: { srdi: 'municipal', hasAssociation: true },
    });
    expect(applyListFlag('association', { srdi: 'none', hasAssociation: true }).outcome).toBe('unchanged');
  });

  it('only a flag the KPI counts moves its count: municipal → national changes none', () => {
    expect(changesKpiCount('srdi_national', { ...none }, { ...none, srdi: 'national' })).toBe(true);
    expect(changesKpiCount('srdi_national', { ...none, srdi: 'municipal' }, { ...none, srdi: 'national' })).toBe(false);
    expect(changesKpiCount('association', none, { ...none, hasAssociation: true })).toBe(true);
  });
});

describe('planOfficialList', () => {
  it('matches by code, sets flags, keeps unregistered codes as entries', () => {
    const plan = planOfficialList({
      kind: 'srdi_municipal',
      rows: [
        row(2, code(1), '北京测试1科技有限公司'),
        row(3, ` ${code(2).toLowerCase()} `, '北京测试2科技有限公司'),
        row(4, code(3), '北京测试3科技有限公司'),
        row(5, code(9), '北京未登记科技有限公司'),
      ],
      registry: registryOf(enterprise(1), enterprise(2, { srdi: 'national' }), enterprise(3, { srdi: 'municipal' })),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.rows).toBe(4);
    expect(plan.entries.map((e) => [e.row, e.uscc, e.outcome, e.after?.srdi ?? null, e.kpiCounted])).toEqual([
      [2, code(1), 'changed', 'municipal', true],
      [3, code(2), 'higher_kept', 'national', false],
      [4, code(3), 'unchanged', 'municipal', false],
      [5, code(9), 'unregistered', null, false],
    ]);
    expect(plan.entries[3]).toMatchObject({ enterpriseId: null, before: null, name: '北京未登记科技有限公司' });
  });

  it('reports every bad row by row and column, and a repeated code or another name as warnings', () => {
    const plan = planOfficialList({
      kind: 'association',
      rows: [
        row(2, badCheck(1), '北京测试1科技有限公司'),
        row(3, '1234', '北京短码科技有限公司'),
        row(4, `${code(4).slice(0, 17)}I`, '北京字母科技有限公司'),
        row(5, code(5), ''),
        row(6, '', '北京无码科技有限公司'),
        row(7, code(6), '北京测试６科技有限公司'),
        row(8, code(6), '北京测试6科技有限公司'),
        row(9, code(7), '北京另一个名称有限公司'),
      ],
      registry: registryOf(enterprise(6), enterprise(7)),
    });
    expect(plan.errors.map(problemText)).toEqual([
      '第 2 行：统一社会信用代码校验位不正确（GB 32100）',
      '第 3 行：统一社会信用代码应为 18 位（实为 4 位）',
      '第 4 行：统一社会信用代码含不允许的字符“I”（不使用 I、O、Z、S、V）',
      '第 5 行：请填写企业名称',
      '第 6 行：请填写统一社会信用代码',
    ]);
    expect(plan.errors.map((p) => p.column)).toEqual([
      '统一社会信用代码',
      '统一社会信用代码',
      '统一社会信用代码',
      '企业名称',
      '统一社会信用代码',
    ]);
    // Width-folded: 北京测试６ is 北京测试6, no warning for row 7.
    expect(plan.warnings.map(problemText)).toEqual([
      '第 8 行：与第 7 行的统一社会信用代码重复，以第 7 行为准',
      '第 9 行：名单中的名称与企业名录中的“北京测试7科技有限公司”不一致；已按统一社会信用代码匹配，请核对',
    ]);
    expect(plan.entries.map((e) => [e.row, e.outcome, e.registryName])).toEqual([
      [7, 'changed', null],
      [9, 'changed', '北京测试7科技有限公司'],
    ]);
  });

  it('never removes a flag: the list kind decides the only flag it may set', () => {
    const kinds: OfficialListKind[] = ['srdi_municipal', 'srdi_national', 'association'];
    const flagged = enterprise(1, { srdi: 'national', hasAssociation: true });
    for (const kind of kinds) {
      const plan = planOfficialList({
        kind,
        rows: [row(2, code(1), flagged.name)],
        registry: registryOf(flagged),
      });
      expect(plan.entries[0].after).toEqual({ srdi: 'national', hasAssociation: true });
    }
  });
});

describe('headers, codes and the registry fingerprint', () => {
  it('finds the columns by header or alias, anywhere in the row', () => {
    expect(matchListHeaders(['序号', '企业名称', ' 统一社会信用代码 ', '所在区'])).toEqual({
      columns: { name: 1, uscc: 2 },
      missing: [],
    });
    expect(matchListHeaders(['序号', '单位名称', '社会信用代码'])).toEqual({
      columns: { name: 1, uscc: 2 },
      missing: [],
    });
    expect(matchListHeaders(['名单', null]).missing).toEqual(['统一社会信用代码', '企业名称']);
  });

  it('names what is wrong with a code', () => {
    expect(usccProblem(code(1))).toBeNull();
    expect(usccProblem('')).toBe('请填写统一社会信用代码');
  });

  it('changes when an enterprise of the file changes or is registered, not when another does', () => {
    const codes = [code(2), code(1), code(1)];
    const a = registryFingerprint({ codes, registry: registryOf(enterprise(1)) });
    expect(a).toBe(`${code(1)}:e1:1\n${code(2)}:-`);
    expect(registryFingerprint({ codes, registry: registryOf(enterprise(1), enterprise(3)) })).toBe(a);
    expect(registryFingerprint({ codes, registry: registryOf(enterprise(1, { version: 2 })) })).not.toBe(a);
    expect(registryFingerprint({ codes, registry: registryOf(enterprise(1), enterprise(2)) })).not.toBe(a);
  });
});
