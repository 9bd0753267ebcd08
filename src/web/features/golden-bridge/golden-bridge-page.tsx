// 金桥工程推荐 (第九条, issue #5): district stations' landed outcomes that hosts marked as candidates in their
// ledger; the Center reviews each (推荐, or 不推荐 with a reason), or several at once, and exports the list.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { goldenBridgeApi } from '../../../shared/api/golden-bridge';
import {
  GOLDEN_BRIDGE_BATCH_MAX,
  GOLDEN_BRIDGE_SORT_KEYS,
  type GoldenBridgeCandidateDto,
  type GoldenBridgeStatus,
} from '../../../shared/schemas/golden-bridge';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { FilterSearch } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useIsPhone } from '../../components/use-phone';
import { YearOrAllSelect } from '../../components/year-type-district-filters';
import { call, urlOf } from '../../lib/api';
import { knownSort, useYearListFilters } from '../../lib/list-filters';
import { useCan } from '../../lib/session-context';
import { BatchReviewModal } from './batch-review-form';
import { CandidateDetails } from './candidate-details';
import { candidateColumns } from './columns';
import { ReviewModal } from './review-form';

type Candidate = GoldenBridgeCandidateDto;
interface Filters {
  year?: number;
  status?: GoldenBridgeStatus;
  q?: string;
  /** a key of GOLDEN_BRIDGE_SORT_KEYS, `-key` descending */
  sort?: string;
}

/** Readers without the review permission (district, host) see the same details, without a decision to make. */
function DetailsModal({ c, onClose }: { c: Candidate; onClose: () => void }) {
  const phone = useIsPhone();
  return (
    <Modal
      open
      title="金桥工程候选成果（第九条）"
      footer={null}
      onCancel={onClose}
      width={phone ? '100%' : 760}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
    >
      <CandidateDetails c={c} />
    </Modal>
  );
}

function BatchBar({
  selected,
  onBatch,
  onClear,
}: {
  selected: Candidate[];
  onBatch: (recommend: boolean) => void;
  onClear: () => void;
}) {
  if (!selected.length) return null;
  const tooMany = selected.length > GOLDEN_BRIDGE_BATCH_MAX;
  return (
    <Alert
      type={tooMany ? 'warning' : 'info'}
      style={{ marginBottom: 12 }}
      title={
        tooMany
          ? `已选 ${selected.length} 项，一次最多批量审核 ${GOLDEN_BRIDGE_BATCH_MAX} 项，请减少选择`
          : `已选 ${selected.length} 项候选成果`
      }
      action={
        <Space wrap>
          <Button size="small" type="primary" disabled={tooMany} onClick={() => onBatch(true)}>
            批量推荐
          </Button>
          <Button size="small" danger disabled={tooMany} onClick={() => onBatch(false)}>
            批量不推荐
          </Button>
          <Button size="small" onClick={onClear}>
            清除选择
          </Button>
        </Space>
      }
    />
  );
}

export default function GoldenBridgePage() {
  const can = useCan();
  const canReview = can('review:golden-bridge');
  // Year, status, search and page in the address: 我的待办 links to ?year=…&status=pending (issue 14).
  const {
    years,
    filters: asked,
    setFilter: setListFilter,
    paging,
    setPaging,
    reset,
    filtered,
    ready,
  } = useYearListFilters<Filters>({ defaultYear: 'working', keys: ['status', 'q', 'sort'] });
  const filters = { ...asked, sort: knownSort(GOLDEN_BRIDGE_SORT_KEYS, asked.sort) };
  const [open, setOpen] = useState<Candidate | null>(null);
  const [selected, setSelected] = useState<Candidate[]>([]);
  const [batch, setBatch] = useState<boolean | null>(null);
  const list = useQuery({
    queryKey: ['golden-bridge', filters, paging],
    queryFn: () => call(goldenBridgeApi.list, { query: { ...filters, ...paging } }),
    enabled: ready,
  });
  const setFilter = (patch: Filters) => {
    setListFilter(patch);
    // A selection made under other filters would be reviewed unseen.
    setSelected([]);
  };
  return (
    <>
      <PageHeader
        title="金桥工程推荐"
        subtitle="区工作站点的产业特派员服务企业成果，可推荐至金桥工程-助推计划（第九条）；依托单位在台账“落地成果”中标记候选"
        extra={<ExportButton path={urlOf(goldenBridgeApi.export, { query: filters })} />}
      />
      <div className="filter-bar">
        <Space wrap>
          <YearOrAllSelect value={filters.year} onChange={(year) => setFilter({ year })} years={years.data} />
          <FilterSearch
            value={filters.q}
            onSearch={(q) => setFilter({ q })}
            label="搜索候选成果"
            placeholder="成果、站点或企业名称"
            width={280}
          />
          <Select
            allowClear
            placeholder="审核状态"
            aria-label="审核状态"
            style={{ width: 140 }}
            value={filters.status}
            onChange={(v) => setFilter({ status: v })}
            options={[
              { value: 'pending', label: '待审核' },
              { value: 'recommended', label: '推荐' },
              { value: 'not_recommended', label: '不推荐' },
            ]}
          />
          <Button
            onClick={() => {
              reset();
              setSelected([]);
            }}
            disabled={!filtered}
          >
            重置
          </Button>
        </Space>
      </div>
      {canReview && <BatchBar selected={selected} onBatch={setBatch} onClear={() => setSelected([])} />}
      <DataTable<Candidate>
        settingsKey="golden-bridge"
        rowKey="outcomeId"
        aria-label="金桥工程候选成果"
        // Sorting shows the same candidates in another order: the selection stays.
        sort={{ value: filters.sort, onChange: (sort) => setListFilter({ sort }) }}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={candidateColumns({ canReview, onReview: setOpen })}
        rowSelection={
          canReview
            ? {
                selectedRowKeys: selected.map((c) => c.outcomeId),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
              }
            : undefined
        }
        emptyText="暂无候选成果：依托单位在台账“落地成果”中勾选“金桥工程候选”后显示在这里"
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {open && canReview && <ReviewModal c={open} onClose={() => setOpen(null)} />}
      {open && !canReview && <DetailsModal c={open} onClose={() => setOpen(null)} />}
      {batch !== null && (
        <BatchReviewModal
          candidates={selected}
          recommend={batch}
          onClose={() => setBatch(null)}
          onDone={() => setSelected([])}
        />
      )}
    </>
  );
}
