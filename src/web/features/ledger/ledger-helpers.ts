// Pure helpers of the ledger pages (no React, no fetch): kinds, evidence file types, import report wording.
import { EVENT_EVIDENCE_KINDS } from '../../../domain/ledger/codes';
import { RECORD_KINDS, type RecordKind } from '../../../shared/record-kinds';
import type { EventRecord } from './api';

export function isRecordKind(s: string | undefined): s is RecordKind {
  return RECORD_KINDS.includes(s as RecordKind);
}

/** How each kind is searched and dated on the list page (records.kinds.ts: searchColumns, dateColumn). */
export const KIND_META: Record<RecordKind, { search: string; dated: boolean }> = {
  enterprises: { search: '企业名称或信用代码', dated: false },
  contacts: { search: '企业、信用代码或备注', dated: true },
  demands: { search: '需求名称、企业或信用代码', dated: true },
  experts: { search: '姓名或工作单位', dated: false },
  events: { search: '活动名称或地点', dated: true },
  'press-releases': { search: '标题或链接', dated: true },
  cooperations: { search: '合作名称、合作方或内容', dated: true },
  outcomes: { search: '成果名称或信用代码', dated: true },
  achievements: { search: '成果名称或高校', dated: true },
  reports: { search: '报告标题', dated: true },
};

export const EVIDENCE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.pdf', '.docx', '.xlsx'];

/** Arrays of a `qianqi-ledger/1` ledger (the import's counts use these keys) in Chinese. */
export const LEDGER_ARRAY_LABELS: Record<string, string> = {
  enterprises: '服务企业',
  contacts: '联系走访',
  demands: '企业需求',
  experts: '专家与产业特派员',
  events: '活动',
  pressReleases: '新闻宣传',
  cooperations: '合作',
  outcomes: '落地成果',
  achievements: '高校创新成果',
  reports: '报告',
};

/** How many records of each kind a parsed JSON ledger holds (what a dry run will import). */
export function ledgerArrayCounts(ledger: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!ledger || typeof ledger !== 'object') return out;
  for (const key of Object.keys(LEDGER_ARRAY_LABELS)) {
    const v = (ledger as Record<string, unknown>)[key];
    if (Array.isArray(v)) out[key] = v.length;
  }
  return out;
}

/** `{ contacts: 3, … }` → `联系走访 3 条，…` (in ledger order, kinds with records only). */
export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.keys(LEDGER_ARRAY_LABELS)
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${LEDGER_ARRAY_LABELS[k]} ${counts[k]} 条`);
  return parts.length ? parts.join('，') : '没有记录';
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with a message a user can act on (where the file is broken), and a check that it is a ledger. */
export function parseLedgerJson(text: string): ParsedJson {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, message: '文件是空的' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const detail = (e as Error).message;
    const at = /position (\d+)/.exec(detail);
    if (at) {
      const pos = Number(at[1]);
      const line = body.slice(0, pos).split('\n').length;
      return { ok: false, message: `不是有效的 JSON 文件：第 ${line} 行附近格式有误（${detail}）` };
    }
    return { ok: false, message: `不是有效的 JSON 文件（${detail}）` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: '文件内容不是台账：应为 qianqi-ledger/1 格式的 JSON 对象' };
  }
  return { ok: true, value };
}

/** Fields of `qianqi-ledger/1` records (docs/ledger-format.md) in Chinese, for the import report. */
const LEDGER_FIELD_LABELS: Record<string, string> = {
  format: '格式标识',
  programYear: '项目年度',
  station: '站点信息',
  host: '依托单位',
  period: '项目期',
  start: '开始日期',
  end: '结束日期',
  type: '站点类型',
  id: '编号',
  uscc: '统一社会信用代码',
  name: '名称',
  district: '区代码',
  hasAssociation: '是否建有企业科协',
  srdi: '专精特新',
  keyServed: '是否重点服务企业',
  date: '日期',
  mode: '联系方式',
  note: '备注',
  title: '名称/标题',
  collectedOn: '征集日期',
  status: '状态',
  kind: '类型',
  employer: '工作单位',
  hostStaff: '是否依托单位工作人员',
  fiscallySupported: '是否财政供养人员',
  grade: '职称等级',
  experts: '到场专家',
  enterprises: '参与企业',
  evidence: '佐证材料',
  channel: '发布渠道',
  url: '链接',
  parties: '合作方',
  content: '合作内容',
  goldenBridge: '是否金桥工程候选',
  university: '高校',
  promoted: '是否已推广',
  submittedOn: '提交日期',
  text: '报告正文',
  expenses: '经费支出',
  funds: '经费预算',
};

/** A JSON path of the ledger in words: `events[2].experts[0]` → 活动 第 3 条 · 到场专家 第 1 项. */
export function describeLedgerPath(path: string): string {
  if (!path) return '（整个文件）';
  const parts: string[] = [];
  let top = true;
  for (const seg of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(seg);
    if (!m) return path;
    const [, key, idx] = m;
    const label = top
      ? (LEDGER_ARRAY_LABELS[key] ?? LEDGER_FIELD_LABELS[key] ?? key)
      : (LEDGER_FIELD_LABELS[key] ?? key);
    const indexes = [...idx.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
    parts.push(indexes.length ? `${label} 第 ${indexes.join('-')} ${top ? '条' : '项'}` : label);
    top = false;
  }
  return parts.join(' · ');
}

/** 第十三条: a plan, photo or minutes evidences the event; a press clipping alone does not. */
export function isEvidenced(e: Pick<EventRecord, 'evidence'>): boolean {
  return e.evidence.some((v) => (EVENT_EVIDENCE_KINDS as readonly string[]).includes(v.kind));
}
