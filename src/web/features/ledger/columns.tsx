// The list columns of each record kind, in Chinese, with enum labels from shared/labels.ts.
import { FileWordOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableColumnsType, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { isWebUrl } from '../../../domain/ledger/formats';
import {
  CONTACT_MODE_LABELS,
  DEMAND_STATUS_LABELS,
  EVENT_KIND_LABELS,
  EXPERT_GRADE_LABELS,
  EXPERT_KIND_LABELS,
  MATCH_KIND_LABELS,
  PRESS_CHANNEL_LABELS,
  REPORT_KIND_LABELS,
  SRDI_LABELS,
} from '../../../shared/labels';
import type { RecordKind } from '../../../shared/schemas/ledger-records';
import { dash } from '../../lib/format';
import { type AnyRecord, attachmentUrl, type DemandRecord, type ExpertRecord, type RecordItems } from './api';
import { isEvidenced } from './ledger-helpers';

export interface ColumnOptions {
  stationId: string;
  districtName: (code: string | null) => string;
  onEdit?: (r: AnyRecord) => void;
  onDelete?: (r: AnyRecord) => void;
  /** experts: the audited reveal, for roles with reveal:personal-info */
  onReveal?: (x: ExpertRecord, field: 'idCard' | 'bankAccount') => void;
  /** events: open or close the evidence row */
  onToggleEvidence?: (id: string) => void;
  isExpanded?: (id: string) => boolean;
  /** demands: an open (已征集) demand's top suggestions (issue #15), shown where a later demand shows its progress */
  suggestionsCell?: (d: DemandRecord) => ReactNode;
  /** experts and achievements: the open demands they could serve (the reverse) */
  onFindDemands?: (r: { id: string; name: string }) => void;
  /** experts and achievements: other stations' demands matched with the record (推介) */
  dockingsOf?: (id: string) => Array<{ stationName: string; demandTitle: string }>;
}

type Cols<K extends RecordKind> = TableColumnsType<RecordItems[K]>;

const yes = (v: boolean) => (v ? <Tag color="green">是</Tag> : <span style={{ color: 'rgba(0,0,0,0.45)' }}>否</span>);
const mono = (v: string | null) => (v ? <span className="mono">{v}</span> : '—');
const enterprise = (name: string | null, uscc: string) => (
  <div style={{ lineHeight: 1.3, minWidth: 0 }}>
    <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {name ?? <Tooltip title="未在服务企业名录中">未列入名录的企业</Tooltip>}
    </div>
    <div className="mono" style={{ color: 'rgba(0,0,0,0.45)' }}>
      {uscc}
    </div>
  </div>
);
const statusColor: Record<string, string> = {
  collected: 'default',
  matched: 'blue',
  docked: 'geekblue',
  resolved: 'green',
  closed: 'default',
};

/** The furthest dated step of a demand, e.g. 对接 2025-07-01. */
function demandProgress(d: DemandRecord): string {
  const steps: Array<[string, string | null]> = [
    ['关闭', d.closedOn],
    ['解决', d.resolvedOn],
    ['对接', d.dockedOn],
    ['匹配', d.matchedOn],
  ];
  const last = steps.find(([, v]) => v);
  const to = d.matchedTo ? `${MATCH_KIND_LABELS[d.matchedKind ?? ''] ?? ''}：${d.matchedTo}` : '';
  return [last ? `${last[0]} ${last[1]}` : '', to].filter(Boolean).join(' · ') || '—';
}

function secret(x: ExpertRecord, field: 'idCard' | 'bankAccount', o: ColumnOptions) {
  const masked = field === 'idCard' ? x.idCardMasked : x.bankAccountMasked;
  const what = field === 'idCard' ? '身份证' : '账号';
  if (!masked) return <span style={{ color: 'rgba(0,0,0,0.45)' }}>{what}：未登记</span>;
  return (
    <Space size={4}>
      <span style={{ color: 'rgba(0,0,0,0.45)' }}>{what}</span>
      <span className="mono">{masked}</span>
      {o.onReveal && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => o.onReveal?.(x, field)}
          aria-label={`查看${x.name}的${field === 'idCard' ? '身份证号' : '银行账号'}`}
        >
          查看
        </Button>
      )}
    </Space>
  );
}

const BY_KIND: { [K in RecordKind]: (o: ColumnOptions) => Cols<K> } = {
  enterprises: (o) => [
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: mono },
    { title: '企业名称', dataIndex: 'name', ellipsis: true },
    { title: '注册区', dataIndex: 'districtCode', width: 90, render: (c: string | null) => o.districtName(c) },
    { title: '企业科协', dataIndex: 'hasAssociation', width: 84, render: yes },
    { title: '专精特新', dataIndex: 'srdi', width: 200, render: (v: string) => (v === 'none' ? '—' : SRDI_LABELS[v]) },
    { title: '重点服务', dataIndex: 'keyServed', width: 84, render: yes },
    { title: '联系次数', dataIndex: 'contactCount', width: 84, align: 'right' },
  ],
  contacts: () => [
    { title: '联系日期', dataIndex: 'date', width: 110 },
    { title: '企业', key: 'e', width: 280, render: (_, c) => enterprise(c.enterpriseName, c.uscc) },
    { title: '联系方式', dataIndex: 'mode', width: 96, render: (v: string) => CONTACT_MODE_LABELS[v] ?? v },
    { title: '参与人员', dataIndex: 'people', width: 180, ellipsis: true, render: dash },
    { title: '备注', dataIndex: 'note', ellipsis: true, render: dash },
  ],
  demands: (o) => [
    { title: '编号', dataIndex: 'ref', width: 64 },
    { title: '需求名称', dataIndex: 'title', ellipsis: true },
    { title: '企业', key: 'e', width: 240, render: (_, d) => enterprise(d.enterpriseName, d.uscc) },
    { title: '征集日期', dataIndex: 'collectedOn', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 86,
      render: (v: string) => <Tag color={statusColor[v]}>{DEMAND_STATUS_LABELS[v] ?? v}</Tag>,
    },
    // An open demand has no progress yet: its cell shows the suggestions instead (第七条), in one column, so that the
    // list still fits a 1366-wide screen.
    o.suggestionsCell
      ? {
          title: '进展 / 对接推荐（第七条）',
          key: 'p',
          width: 320,
          render: (_, d) =>
            d.status === 'collected' ? (
              o.suggestionsCell!(d)
            ) : (
              <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {demandProgress(d)}
              </div>
            ),
        }
      : { title: '进展', key: 'p', width: 200, ellipsis: true, render: (_, d) => demandProgress(d) },
  ],
  experts: (o) => [
    { title: '编号', dataIndex: 'ref', width: 64 },
    { title: '姓名', dataIndex: 'name', width: 84 },
    { title: '类别', dataIndex: 'kind', width: 96, render: (v: string) => EXPERT_KIND_LABELS[v] ?? v },
    { title: '工作单位', dataIndex: 'employer', ellipsis: true, render: dash },
    {
      title: '职称等级',
      dataIndex: 'grade',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => (v ? EXPERT_GRADE_LABELS[v] : '—'),
    },
    {
      title: '身份',
      key: 'flags',
      width: 120,
      render: (_, x) =>
        x.hostStaff || x.fiscallySupported ? (
          <Space size={2} wrap>
            {x.hostStaff && <Tag color="orange">依托单位人员</Tag>}
            {x.fiscallySupported && <Tag color="orange">财政供养</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '身份证号 / 银行账号',
      key: 'secrets',
      width: 250,
      render: (_, x) =>
        !x.idCardMasked && !x.bankAccountMasked ? (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>未登记</span>
        ) : (
          <div style={{ lineHeight: 1.5 }}>
            <div>{secret(x, 'idCard', o)}</div>
            <div>{secret(x, 'bankAccount', o)}</div>
          </div>
        ),
    },
    ...findDemandsColumn<'experts'>(o, (x) => ({ id: x.id, name: x.name })),
  ],
  events: (o) => [
    { title: '编号', dataIndex: 'ref', width: 64 },
    { title: '日期', dataIndex: 'date', width: 110 },
    { title: '类型', dataIndex: 'kind', width: 100, render: (v: string) => EVENT_KIND_LABELS[v] ?? v },
    { title: '活动名称', dataIndex: 'title', ellipsis: true },
    {
      title: '到场专家',
      key: 'x',
      width: 190,
      ellipsis: true,
      render: (_, e) => (e.experts.length ? e.experts.map((x) => x.name).join('、') : '—'),
    },
    { title: '参与企业', key: 'n', width: 84, align: 'right', render: (_, e) => `${e.enterpriseUsccs.length} 家` },
    {
      title: '佐证材料',
      key: 'ev',
      width: 130,
      render: (_, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => o.onToggleEvidence?.(e.id)}>
          {isEvidenced(e) ? <Tag color="green">{e.evidence.length} 份</Tag> : <Tag color="warning">缺少佐证</Tag>}
          {o.isExpanded?.(e.id) ? '收起' : '查看'}
        </Button>
      ),
    },
  ],
  'press-releases': () => [
    { title: '发布日期', dataIndex: 'date', width: 110 },
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: true,
      // A link stored before imports checked it (issue #11) is shown as text, never followed.
      render: (t: string, r) =>
        r.url && isWebUrl(r.url) ? (
          <a href={r.url} target="_blank" rel="noopener noreferrer">
            {t}
          </a>
        ) : (
          t
        ),
    },
    { title: '发布渠道', dataIndex: 'channel', width: 110, render: (v: string) => PRESS_CHANNEL_LABELS[v] ?? v },
  ],
  cooperations: () => [
    { title: '合作日期', dataIndex: 'date', width: 110 },
    { title: '合作名称', dataIndex: 'title', width: 240, ellipsis: true },
    { title: '合作方', dataIndex: 'parties', width: 260, ellipsis: true, render: (p: string[]) => p.join('、') },
    {
      title: '合作内容',
      dataIndex: 'content',
      ellipsis: true,
      render: (c: string, r) =>
        r.hasContent ? (
          c
        ) : (
          <Tooltip title="第七条要求写明合作内容；内容为空不计入考核">
            <Tag color="warning">未填写</Tag>
          </Tooltip>
        ),
    },
  ],
  outcomes: () => [
    { title: '落地日期', dataIndex: 'date', width: 110 },
    { title: '成果名称', dataIndex: 'title', ellipsis: true },
    { title: '落地企业信用代码', dataIndex: 'uscc', width: 200, render: mono },
    { title: '金桥工程候选', dataIndex: 'goldenBridge', width: 110, render: yes },
  ],
  achievements: (o) => [
    { title: '征集日期', dataIndex: 'collectedOn', width: 110 },
    { title: '成果名称', dataIndex: 'title', ellipsis: true },
    { title: '高校', dataIndex: 'university', width: 220, ellipsis: true },
    { title: '已推广', dataIndex: 'promoted', width: 84, render: yes },
    ...findDemandsColumn<'achievements'>(o, (a) => ({ id: a.id, name: a.title })),
  ],
  reports: (o) => [
    { title: '报告类型', dataIndex: 'kind', width: 170, render: (v: string) => REPORT_KIND_LABELS[v] ?? v },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '提交日期', dataIndex: 'submittedOn', width: 110, render: dash },
    {
      title: '字数',
      dataIndex: 'wordCount',
      width: 90,
      align: 'right',
      render: (n: number) => n.toLocaleString('zh-CN'),
    },
    {
      title: '原文件',
      dataIndex: 'attachmentId',
      width: 110,
      render: (a: string | null) =>
        a ? (
          <a href={attachmentUrl(o.stationId, a)} download>
            <FileWordOutlined aria-hidden /> 下载
          </a>
        ) : (
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>在线填写</span>
        ),
    },
  ],
};

/** 可服务需求: the reverse of a demand's suggestions, for an expert or an achievement. */
function findDemandsColumn<K extends 'experts' | 'achievements'>(
  o: ColumnOptions,
  nameOf: (r: RecordItems[K]) => { id: string; name: string },
): Cols<K> {
  const open = o.onFindDemands;
  if (!open) return [];
  return [
    {
      title: '对接',
      key: 'find',
      width: 120,
      render: (_, r) => {
        const docked = o.dockingsOf?.(r.id) ?? [];
        return (
          <Space size={2} wrap>
            {docked.length > 0 && (
              <Tooltip title={docked.map((d) => `${d.stationName}：${d.demandTitle}`).join('；')}>
                <Tag color="purple">推介 {docked.length}</Tag>
              </Tooltip>
            )}
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => open(nameOf(r))}>
              可服务需求
            </Button>
          </Space>
        );
      },
    },
  ];
}

/** The column that names a record: the title of its card on a phone (ResponsiveTable). */
export const TITLE_COLUMN: Record<RecordKind, string> = {
  enterprises: 'name',
  contacts: 'e',
  demands: 'title',
  experts: 'name',
  events: 'title',
  'press-releases': 'title',
  cooperations: 'title',
  outcomes: 'title',
  achievements: 'title',
  reports: 'title',
};

/** A short name of a record for confirmations and messages. */
export function recordName(kind: RecordKind, r: AnyRecord): string {
  const x = r as unknown as Record<string, unknown>;
  if (kind === 'enterprises' || kind === 'experts') return String(x.name);
  if (kind === 'contacts') return `${x.enterpriseName ?? x.uscc}（${x.date}）`;
  return String(x.title);
}

export function recordColumns<K extends RecordKind>(kind: K, o: ColumnOptions): Cols<K> {
  const cols = [...(BY_KIND[kind] as (o: ColumnOptions) => Cols<K>)(o)];
  const { onEdit, onDelete } = o;
  if (onEdit && onDelete) {
    cols.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, r) => {
        const name = recordName(kind, r as AnyRecord);
        // Experts and enterprises that other records name cannot be deleted (the reason comes with the record).
        const blockedBy = 'deleteBlockedBy' in r ? r.deleteBlockedBy : null;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onEdit(r as AnyRecord)} aria-label={`编辑 ${name}`}>
              编辑
            </Button>
            {blockedBy ? (
              // The server refuses this delete with the same sentence (records.kinds.ts): say it before the click.
              <Tooltip title={blockedBy}>
                <Button type="link" size="small" danger disabled aria-label={`删除 ${name}（${blockedBy}）`}>
                  删除
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm
                title="删除记录"
                description={`确定删除“${name}”？删除后不可恢复。`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => onDelete(r as AnyRecord)}
              >
                <Button type="link" size="small" danger aria-label={`删除 ${name}`}>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    });
  }
  return cols;
}
