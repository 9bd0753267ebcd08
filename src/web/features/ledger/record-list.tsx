// One kind of a station's ledger records: search and date filter, SQL-paged table, Excel export and, for the host,
// 新增/编辑/删除. Events expand into their evidence; experts' numbers are revealed through an audited modal.
import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Spin } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { RECORD_KIND_LABELS, type RecordKind } from '../../../shared/record-kinds';
import { DateRangeFilter } from '../../components/date-range-filter';
import { ExportButton } from '../../components/export-button';
import { ResponsiveTable } from '../../components/responsive-table';
import { SearchBox } from '../../components/search-box';
import { districtNameOf, useDistricts } from '../../lib/districts';
import type { RecordFilters } from '../../lib/ledger-records';
import { useCan } from '../../lib/session-context';
import {
  type AnyRecord,
  type DemandRecord,
  type EventRecord,
  type ExpertRecord,
  recordsExportUrl,
  useDeleteRecord,
  useRecords,
} from './api';
import { recordColumns, recordName, TITLE_COLUMN } from './columns';
import { GapFilterTag, useGapFilter } from './gap-filter';
import { KIND_META } from './ledger-helpers';
import { DockingsPanel, Suggestions, useDemandSuggestions, useDockings } from './matching';
import { RecordForm } from './record-form';

// Dialogs load on demand (the forms too, record-form.tsx): the list opens without their pickers, schemas and uploads.
const RevealModal = lazy(() => import('./reveal-modal').then((m) => ({ default: m.RevealModal })));
const DemandMatchesModal = lazy(() => import('./matching-modals').then((m) => ({ default: m.DemandMatchesModal })));
const TargetDemandsModal = lazy(() => import('./matching-modals').then((m) => ({ default: m.TargetDemandsModal })));
// Shown when an event's card or row is opened: its upload and image viewer need not come with the list.
const EvidencePanel = lazy(() => import('./evidence-panel').then((m) => ({ default: m.EvidencePanel })));
// Only the reports list offers drafts; its menu (antd Dropdown and Menu) need not come with the other nine.
const ReportDraftButton = lazy(() => import('./report-draft-button').then((m) => ({ default: m.ReportDraftButton })));
const ReportDraftNote = lazy(() => import('./report-draft-button').then((m) => ({ default: m.ReportDraftNote })));
const ReportDocxModal = lazy(() => import('./report-form').then((m) => ({ default: m.ReportDocxModal })));

export function RecordList({
  stationId,
  kind,
  programYear,
}: {
  stationId: string;
  kind: RecordKind;
  programYear: number;
}) {
  const can = useCan();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<RecordFilters>({});
  // A link of 待补事项 narrows the list through the address (?missingEvidence=photo …).
  const gap = useGapFilter(kind);
  const shown: RecordFilters = { ...filters, ...gap.filter };
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<AnyRecord | 'new' | null>(null);
  const [revealing, setRevealing] = useState<{ expert: ExpertRecord; field: 'idCard' | 'bankAccount' } | null>(null);
  const [uploadingDocx, setUploadingDocx] = useState(false);
  const [expanded, setExpanded] = useState<string[]>([]);
  const list = useRecords({ stationId, kind, filters: shown, page: paging });
  const districts = useDistricts(programYear, kind === 'enterprises' && can('read:district'));
  const names = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const remove = useDeleteRecord(stationId, kind);
  // 对接推荐 (issue #15): the page's open demands get their top three in one request.
  const openDemands =
    kind === 'demands'
      ? ((list.data?.items ?? []) as DemandRecord[]).filter((d) => d.status === 'collected').map((d) => d.id)
      : [];
  const suggestions = useDemandSuggestions(stationId, openDemands);
  const suggestionsOf = useMemo(
    () => new Map((suggestions.data?.items ?? []).map((i) => [i.demandId, i.suggestions])),
    [suggestions.data],
  );
  const targets = kind === 'experts' || kind === 'achievements';
  const dockings = useDockings(stationId, targets);
  const dockingsByTarget = useMemo(() => {
    const m = new Map<string, Array<{ stationName: string; demandTitle: string }>>();
    for (const d of dockings.data?.items ?? []) m.set(d.targetId, [...(m.get(d.targetId) ?? []), d]);
    return m;
  }, [dockings.data]);
  const [matching, setMatching] = useState<DemandRecord | null>(null);
  const [finding, setFinding] = useState<{ id: string; name: string } | null>(null);
  const canWrite = can('write:ledger');
  const meta = KIND_META[kind];
  const label = RECORD_KIND_LABELS[kind];

  const setFilter = (patch: RecordFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const toggle = (id: string) => setExpanded((e) => (e.includes(id) ? e.filter((x) => x !== id) : [...e, id]));

  const columns = recordColumns(kind, {
    stationId,
    districtName: (c) => districtNameOf(names, c),
    onEdit: canWrite ? (r) => setEditing(r) : undefined,
    onDelete: canWrite
      ? (r) => remove.mutate(r, { onSuccess: () => message.success(`已删除“${recordName(kind, r)}”`) })
      : undefined,
    onReveal: can('reveal:personal-info') ? (expert, field) => setRevealing({ expert, field }) : undefined,
    onToggleEvidence: toggle,
    isExpanded: (id) => expanded.includes(id),
    suggestionsCell:
      kind === 'demands'
        ? (d) => (
            <div>
              <Suggestions
                stationId={stationId}
                demand={d}
                suggestions={suggestions.isError ? [] : suggestionsOf.get(d.id)}
                canAccept={canWrite}
              />
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setMatching(d)}>
                更多推荐与理由
              </Button>
            </div>
          )
        : undefined,
    onFindDemands: targets ? setFinding : undefined,
    dockingsOf: targets ? (id) => dockingsByTarget.get(id) ?? [] : undefined,
  });
  const scrollX = columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 220), 0);

  return (
    <>
      <div className="filter-bar" style={{ justifyContent: 'space-between' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <SearchBox label={`搜索${label}`} placeholder={meta.search} width={300} onSearch={(q) => setFilter({ q })} />
          {meta.dated && <DateRangeFilter value={{ from: filters.from, to: filters.to }} onChange={setFilter} />}
          {gap.label && (
            <GapFilterTag
              label={gap.label}
              onClear={() => {
                gap.clear();
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            />
          )}
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <ExportButton path={recordsExportUrl(stationId, kind, shown)} />
          {kind === 'reports' && (
            <Suspense fallback={null}>
              <ReportDraftButton stationId={stationId} programYear={programYear} />
            </Suspense>
          )}
          {canWrite && kind === 'reports' && (
            <Button icon={<FileWordOutlined aria-hidden />} onClick={() => setUploadingDocx(true)}>
              上传 Word 报告
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              新增{label}
            </Button>
          )}
        </div>
      </div>
      {(kind === 'experts' || kind === 'achievements') && (
        <DockingsPanel stationId={stationId} kind={kind === 'experts' ? 'expert' : 'achievement'} />
      )}
      {kind === 'reports' && (
        <Suspense fallback={null}>
          <ReportDraftNote />
        </Suspense>
      )}
      <ResponsiveTable<AnyRecord>
        aria-label={`${label}记录`}
        titleColumn={TITLE_COLUMN[kind]}
        actionsColumn="actions"
        loading={list.isFetching}
        columns={columns as never}
        dataSource={(list.data?.items ?? []) as AnyRecord[]}
        emptyText={
          filters.q || filters.from || filters.to || gap.label ? `没有符合条件的${label}记录` : `尚无${label}记录`
        }
        scroll={{ x: scrollX }}
        expandable={
          kind === 'events'
            ? {
                expandedRowKeys: expanded,
                onExpand: (_open, r) => toggle(r.id),
                expandedRowRender: (r) => (
                  <Suspense fallback={<Spin size="small" />}>
                    <EvidencePanel stationId={stationId} event={r as EventRecord} canWrite={canWrite} />
                  </Suspense>
                ),
              }
            : undefined
        }
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <Suspense fallback={null}>
        {editing && (
          <RecordForm
            kind={kind}
            stationId={stationId}
            record={editing === 'new' ? null : (editing as never)}
            onClose={() => setEditing(null)}
          />
        )}
        {revealing && (
          <RevealModal
            stationId={stationId}
            expert={revealing.expert}
            field={revealing.field}
            onClose={() => setRevealing(null)}
          />
        )}
        {matching && (
          <DemandMatchesModal
            stationId={stationId}
            demand={matching}
            canAccept={canWrite}
            onClose={() => setMatching(null)}
          />
        )}
        {finding && (
          <TargetDemandsModal
            stationId={stationId}
            kind={kind === 'experts' ? 'expert' : 'achievement'}
            record={finding}
            onClose={() => setFinding(null)}
          />
        )}
        {uploadingDocx && <ReportDocxModal stationId={stationId} onClose={() => setUploadingDocx(false)} />}
      </Suspense>
    </>
  );
}
