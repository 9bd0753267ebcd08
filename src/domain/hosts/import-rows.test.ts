import { describe, expect, it } from 'vitest';
import { policy2025 } from '../policy/index';
import { usccCheckChar } from '../uscc';
import {
  checkHostRows,
  headerProblem,
  matchHostHeaders,
  normalizeLabel,
  type RawHostRow,
  type RegisteredOrg,
} from './import-rows';

const code = (n: number) => {
  const first17 = `51110000${String(n).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
};
const badCheck = (n: number) => {
  const good = code(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

const districts = policy2025.districts;
const registered: RegisteredOrg[] = [
  { name: '北京市海淀区科学技术协会', uscc: null, kind: 'district_association', isActive: true },
  { name: '中关村智能制造创新学会', uscc: code(1), kind: 'host', isActive: true },
  { name: '北京市停用学会', uscc: code(2), kind: 'host', isActive: false },
  { name: '北京市科学技术协会创新服务中心', uscc: code(3), kind: 'center', isActive: true },
];
const row = (n: number, cells: RawHostRow['cells']): RawHostRow => ({ row: n, cells });
const ok = (n: number, over: RawHostRow['cells'] = {}): RawHostRow =>
  row(n, { name: `北京市测试学会${n}`, uscc: code(100 + n), hostKind: '学会', ...over });
const check = (rows: RawHostRow[]) => checkHostRows(rows, { districts, registered });

describe('matchHostHeaders', () => {
  it('finds the template columns in any order, width-folded, with marks and spaces', () => {
    const m = matchHostHeaders([
      '地址',
      ' 单位名称* ',
      '统一社会信用代码（必填）',
      null,
      '单位类型',
      '所在区',
      '联系人',
      '联系电话',
    ]);
    expect(m.missing).toEqual([]);
    expect(m.columns).toEqual({
      address: 0,
      name: 1,
      uscc: 2,
      hostKind: 4,
      district: 5,
      contactName: 6,
      contactPhone: 7,
    });
  });

  it('reads common aliases and keeps the first of two columns of one field', () => {
    const m = matchHostHeaders(['名称', '信用代码', '类型', '单位名称']);
    expect(m.columns).toEqual({ name: 0, uscc: 1, hostKind: 2 });
    expect(m.missing).toEqual([]);
  });

  it('names every missing required column; optional columns may be absent', () => {
    expect(matchHostHeaders(['单位', '代码', '联系人']).missing).toEqual(['单位名称', '统一社会信用代码', '单位类型']);
    expect(matchHostHeaders([]).missing).toHaveLength(3);
    expect(headerProblem(['单位类型'])).toBe(
      '列标题不正确：缺少“单位类型”列。第 1 行应为：单位名称、统一社会信用代码、单位类型、所在区、联系人、联系电话、地址；请使用下载的导入模板填写',
    );
  });

  it('normalizeLabel folds width, drops spaces, quotes and the required mark', () => {
    expect(normalizeLabel(' “ＵＳＣＣ” ＊ ')).toBe('uscc');
    expect(normalizeLabel('联系电话（必填）')).toBe('联系电话');
  });
});

describe('checkHostRows', () => {
  it('accepts a complete row and normalises the code, the kind and the district', () => {
    const r = check([
      row(2, {
        name: '北京市人工智能学会',
        uscc: `  ${code(7).toLowerCase()} `,
        hostKind: '学会',
        district: '海淀区',
        contactName: '周老师',
        contactPhone: '010-62001234',
        address: '北京市海淀区中关村大街 1 号',
      }),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        name: '北京市人工智能学会',
        uscc: code(7),
        hostKind: 'society',
        hostKindLabel: '学会',
        districtCode: '110108',
        districtName: '海淀区',
        contactName: '周老师',
        contactPhone: '010-62001234',
        address: '北京市海淀区中关村大街 1 号',
        status: 'create',
        note: null,
      },
    ]);
  });

  it.each([
    ['society', 'society'],
    ['协会', 'association'],
    ['高校科协', 'university_association'],
    ['事业单位（非公益一类）', 'public_institution'],
    ['事业单位', 'public_institution'],
  ])('reads the kind %s as %s (第六条)', (text, kind) => {
    expect(check([ok(2, { hostKind: text })]).rows[0].hostKind).toBe(kind);
  });

  it.each([
    ['海淀区', '110108'],
    ['海淀', '110108'],
    ['北京市海淀区', '110108'],
    ['110108', '110108'],
    ['经开区', 'etown'],
    ['北京经济技术开发区', 'etown'],
    ['亦庄', 'etown'],
  ])('reads the district %s as %s', (text, districtCode) => {
    expect(check([ok(2, { district: text })]).rows[0].districtCode).toBe(districtCode);
  });

  it('leaves optional cells empty as null', () => {
    const r = check([ok(2, { district: '  ', contactName: '', contactPhone: undefined })]);
    expect(r.rows[0]).toMatchObject({ districtCode: null, contactName: null, contactPhone: null, address: null });
    expect(r.problems).toEqual([]);
  });

  it('lists every problem of every row at once, by row and column', () => {
    const r = check([
      ok(2),
      row(3, { name: '', uscc: '', hostKind: '' }),
      ok(4, { uscc: badCheck(4) }),
      ok(5, { uscc: '91110000123', hostKind: '公司', district: '雄安新区' }),
      ok(6, { uscc: '91110000MA0IOZSV00' }),
      ok(7, { name: '学', contactPhone: 'call me', contactName: '很'.repeat(31), address: '址'.repeat(201) }),
    ]);
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '单位名称', '请填写单位名称'],
      [3, '统一社会信用代码', '请填写统一社会信用代码'],
      [3, '单位类型', '请选择单位类型'],
      [4, '统一社会信用代码', '统一社会信用代码校验位不正确（GB 32100）'],
      [5, '统一社会信用代码', '统一社会信用代码应为 18 位（实为 11 位）'],
      [
        5,
        '单位类型',
        '无法识别“公司”，应为：学会、协会、联盟、园区科协、事业单位（非公益一类）、高校科协/科研院所科协',
      ],
      [5, '所在区', `无法识别“雄安新区”，应为：${districts.map((d) => d.name).join('、')}`],
      [6, '统一社会信用代码', '统一社会信用代码含不允许的字符“I”（不使用 I、O、Z、S、V）'],
      [7, '单位名称', '请输入单位名称（至少 2 个字）'],
      [7, '联系人', '联系人姓名过长'],
      [7, '联系电话', '电话只能包含数字、空格和 + - ( )'],
      [7, '地址', '地址过长'],
    ]);
    expect(r.problems.every((p) => p.field && p.column)).toBe(true);
  });

  it('refuses a code or a name repeated in the file, naming the first row', () => {
    const r = check([
      ok(2),
      ok(3, { uscc: code(102) }),
      ok(4, { name: ' 北京市测试学会2 ' }),
      ok(5, { name: '北京市測試（学会）', uscc: code(200) }),
      ok(6, { name: '北京市測試(学会)', uscc: code(201) }),
    ]);
    expect(r.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [3, 'uscc', '与第 2 行的统一社会信用代码重复'],
      [4, 'name', '与第 2 行的单位名称重复'],
      [6, 'name', '与第 5 行的单位名称重复'],
    ]);
    expect(r.rows.map((x) => x.status)).toEqual(['create', 'error', 'error', 'create', 'error']);
  });

  it('skips a host registered with the same code and name, active or not', () => {
    const r = check([
      ok(2, { name: '中关村智能制造创新学会', uscc: code(1).toLowerCase() }),
      ok(3, { name: '北京市停用学会', uscc: code(2) }),
      ok(4),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.status, x.note])).toEqual([
      ['skip', '已登记，将跳过'],
      ['skip', '已登记（已停用），将跳过'],
      ['create', null],
    ]);
  });

  it('refuses a code registered under another name, a name registered with another code, and the system organisations', () => {
    const r = check([
      ok(2, { name: '中关村智能制造学会', uscc: code(1) }),
      ok(3, { name: '中关村智能制造创新学会' }),
      ok(4, { name: '北京市海淀区科学技术协会' }),
      ok(5, { name: '北京市科学技术协会创新服务中心', uscc: code(3) }),
    ]);
    expect(r.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [2, 'uscc', '该统一社会信用代码已登记为“中关村智能制造创新学会”'],
      [3, 'name', `该单位名称已登记，统一社会信用代码为 ${code(1)}`],
      [4, 'name', '该单位名称已登记（区科协）'],
      [5, 'uscc', '该统一社会信用代码已登记为“北京市科学技术协会创新服务中心”'],
    ]);
    expect(r.rows.every((x) => x.status === 'error' && x.note === null)).toBe(true);
  });

  it('says one thing per cell: the register before a repetition in the file', () => {
    const r = check([
      ok(2, { name: '中关村智能制造创新学会', uscc: code(1) }),
      ok(3, { name: '中关村智能制造创新学会', uscc: code(1) }),
      ok(4, { name: '另一个名字', uscc: code(1) }),
    ]);
    expect(r.problems.map((p) => [p.row, p.field, p.message])).toEqual([
      [3, 'uscc', '与第 2 行的统一社会信用代码重复'],
      [3, 'name', '与第 2 行的单位名称重复'],
      [4, 'uscc', '该统一社会信用代码已登记为“中关村智能制造创新学会”'],
    ]);
    expect(r.rows.map((x) => [x.status, x.note])).toEqual([
      ['skip', '已登记，将跳过'],
      ['error', null],
      ['error', null],
    ]);
  });

  it('a skipped row with another problem is an error', () => {
    const r = check([ok(2, { name: '中关村智能制造创新学会', uscc: code(1), contactPhone: 'x' })]);
    expect(r.rows[0]).toMatchObject({ status: 'error', note: null });
  });

  it('an unknown organisation kind is named as it is', () => {
    const r = checkHostRows([ok(2, { name: '某单位' })], {
      districts,
      registered: [{ name: '某单位', uscc: null, kind: 'other', isActive: true }],
    });
    expect(r.problems[0].message).toBe('该单位名称已登记（other）');
  });
});
