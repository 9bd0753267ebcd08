// 变更记录 (issue 14): who changed a record, when, and each field "字段：旧值 → 新值", newest first, paged. The server
// masks personal data and labels the fields; this only lays them out. Shared by the station, project and expense pages:
// each hands in which record (a source from lib/record-history.ts), or the data itself.
import { Alert, Button, Empty, Pagination, Spin, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { formatInstant } from '../lib/format';
import {
  type HistorySource,
  type RecordHistoryEntry,
  type RecordHistoryPage,
  useRecordHistory,
} from '../lib/record-history';
import { useIsPhone } from './use-phone';

/** Lines shown before 展开: a creation lists every field it set, which would bury the entries below it. */
const PREVIEW = 6;

const ACTION_COLORS: Record<string, string> = { create: 'green', book: 'green', delete: 'red', update: 'blue' };

type Change = RecordHistoryEntry['changes'][number];

const shown = (v: string | null) => (v === null || v === '' ? '（空）' : v);

function ChangeLine({ change: c }: { change: Change }) {
  const hasBefore = c.before !== undefined;
  const hasAfter = c.after !== undefined;
  return (
    <li style={{ overflowWrap: 'anywhere' }}>
      <span style={{ color: 'rgba(0,0,0,0.65)' }}>{c.fieldLabel}：</span>
      {hasBefore && (
        <span style={hasAfter ? { color: 'rgba(0,0,0,0.45)', textDecoration: 'line-through' } : undefined}>
          {shown(c.before ?? null)}
        </span>
      )}
      {hasBefore && hasAfter && <span> → </span>}
      {hasAfter && <span>{shown(c.after ?? null)}</span>}
    </li>
  );
}

function Entry({ entry: e }: { entry: RecordHistoryEntry }) {
  const [open, setOpen] = useState(false);
  const changes = open ? e.changes : e.changes.slice(0, PREVIEW);
  return (
    <article aria-label={`${formatInstant(e.at)} ${e.actorName}${e.actionLabel}`}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 8px' }}>
        <strong>{e.actorName}</strong>
        {e.actorRoleLabel && <Tag style={{ marginInlineEnd: 0 }}>{e.actorRoleLabel}</Tag>}
        <Tag color={ACTION_COLORS[e.action] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {e.actionLabel}
        </Tag>
        <time dateTime={e.at} style={{ color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>
          {formatInstant(e.at)}
        </time>
      </div>
      <div style={{ margin: '4px 0', overflowWrap: 'anywhere' }}>{e.summary}</div>
      {changes.length > 0 && (
        <ul aria-label="修改的字段" style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.map((c) => (
            <ChangeLine key={c.field} change={c} />
          ))}
        </ul>
      )}
      {e.changes.length > PREVIEW && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen(!open)}>
          {open ? '收起' : `展开全部 ${e.changes.length} 项`}
        </Button>
      )}
    </article>
  );
}

export interface RecordHistoryViewProps {
  data: RecordHistoryPage | undefined;
  loading?: boolean;
  error?: Error | null;
  onPageChange?: (page: number) => void;
}

/** One page of a record's history, as fetched. */
export function RecordHistoryView({ data, loading = false, error = null, onPageChange }: RecordHistoryViewProps) {
  const phone = useIsPhone();
  if (error) return <Alert type="error" showIcon title="无法加载变更记录" description={error.message} />;
  if (!data) return <Spin description="正在加载…" style={{ display: 'block', margin: '24px 0' }} />;
  if (data.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />;
  return (
    <Spin spinning={loading}>
      <section aria-label="变更记录">
        <Timeline
          items={data.items.map((e) => ({
            key: e.id,
            color: ACTION_COLORS[e.action] ?? 'gray',
            content: <Entry entry={e} />,
          }))}
        />
      </section>
      {data.total > data.pageSize && (
        <Pagination
          size="small"
          simple={phone}
          align="end"
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          showSizeChanger={false}
          showTotal={phone ? undefined : (n) => `共 ${n} 条`}
          onChange={(p) => onPageChange?.(p)}
        />
      )}
    </Spin>
  );
}

/** A record's history, fetched page by page from its source (stationHistory, projectHistory, expenseHistory). */
export function RecordHistory({ source, pageSize = 10 }: { source: HistorySource; pageSize?: number }) {
  const [page, setPage] = useState(1);
  const q = useRecordHistory(source, { page, pageSize });
  return <RecordHistoryView data={q.data} loading={q.isFetching} error={q.error} onPageChange={setPage} />;
}
