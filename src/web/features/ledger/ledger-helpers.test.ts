import { describe, expect, it } from 'vitest';
import { describeCounts, describeLedgerPath, isRecordKind, ledgerArrayCounts, parseLedgerJson } from './ledger-helpers';

describe('ledger helpers', () => {
  it('knows the ten record kinds', () => {
    expect(isRecordKind('press-releases')).toBe(true);
    expect(isRecordKind('pressReleases')).toBe(false);
    expect(isRecordKind(undefined)).toBe(false);
  });

  it('counts and describes a JSON ledger', () => {
    const counts = ledgerArrayCounts({ contacts: [{}, {}], pressReleases: [{}], events: [], station: {} });
    expect(counts).toEqual({ contacts: 2, pressReleases: 1, events: 0 });
    expect(describeCounts(counts)).toBe('联系走访 2 条，新闻宣传 1 条');
    expect(describeCounts({})).toBe('没有记录');
  });

  it('explains a broken JSON file with its line', () => {
    const r = parseLedgerJson('{\n  "format": "qianqi-ledger/1",\n  oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^不是有效的 JSON 文件/);
    expect(parseLedgerJson('[1]')).toEqual({
      ok: false,
      message: '文件内容不是台账：应为 qianqi-ledger/1 格式的 JSON 对象',
    });
    expect(parseLedgerJson('\uFEFF{"format":"qianqi-ledger/1"}')).toEqual({
      ok: true,
      value: { format: 'qianqi-ledger/1' },
    });
  });

  it('puts a ledger path in words', () => {
    expect(describeLedgerPath('events[2].date')).toBe('活动 第 3 条 · 日期');
    expect(describeLedgerPath('events[0].experts[1]')).toBe('活动 第 1 条 · 到场专家 第 2 项');
    expect(describeLedgerPath('pressReleases[0]')).toBe('新闻宣传 第 1 条');
    expect(describeLedgerPath('station.period.end')).toBe('站点信息 · 项目期 · 结束日期');
    expect(describeLedgerPath('programYear')).toBe('项目年度');
    expect(describeLedgerPath('odd[x]')).toBe('odd[x]');
    expect(describeLedgerPath('')).toBe('（整个文件）');
  });
});
