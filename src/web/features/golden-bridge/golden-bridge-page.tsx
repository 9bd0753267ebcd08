// 金桥工程推荐 (第九条, issue #5): district stations' landed outcomes that hosts marked as candidates in their
// ledger; the Center reviews each (推荐 / 不推荐 with a comment) and exports the recommendation list.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Radio, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { goldenBridgeApi } from '../../../shared/api/golden-bridge';
import type { GoldenBridgeCandidateDto } from '../../../shared/schemas/golden-bridge';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { call, urlOf } from '../../lib/api';
import { useCan } from '../../lib/session-context';

type Candidate = GoldenBridgeCandidateDto;
interface Filters {
  status?: 'pending' | 'recommended' | 'not_recommended';
  q?: string;
}

const statusColor = (c: Candidate) => (c.recommended === null ? 'processing' : c.recommended ? 'success' : 'default');

function ReviewModal({ c, onClose }: { c: Candidate; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [recommend, setRecommend] = useState<boolean>(c.recommended ?? true);
  const [comment, setComment] = useState(c.comment ?? '');
  const review = useMutation({
    mutationFn: () =>
      call(goldenBridgeApi.review, {
        params: { outcomeId: c.outcomeId },
        body: { recommend, comment, version: c.reviewVersion },
      }),
    onSuccess: (r) => {
      message.success(`已审核“${r.title}”：${r.statusLabel}`);
      qc.invalidateQueries({ queryKey: ['golden-bridge'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`审核金桥工程候选成果（第九条）`}
      okText="保存审核"
      cancelText="取消"
      confirmLoading={review.isPending}
      onOk={() => review.mutate()}
      onCancel={onClose}
    >
      <p>
        <strong>{c.title}</strong>（{c.stationName}，{c.date}）
      </p>
      <Radio.Group value={recommend} onChange={(e) => setRecommend(e.target.value)} style={{ marginBottom: 12 }}>
        <Radio value={true}>推荐</Radio>
        <Radio value={false}>不推荐</Radio>
      </Radio.Group>
      <Input.TextArea
        rows={3}
        maxLength={1000}
        placeholder="审核意见"
        aria-label="审核意见"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
    </Modal>
  );
}

export default function GoldenBridgePage() {
  const can = useCan();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [reviewing, setReviewing] = useState<Candidate | null>(null);
  const list = useQuery({
    queryKey: ['golden-bridge', filters, paging],
    queryFn: () => call(goldenBridgeApi.list, { query: { ...filters, ...paging } }),
  });
  const setFilter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<Candidate> = [
    { title: '年度', dataIndex: 'programYear', width: 70 },
    {
      title: '工作站点',
      dataIndex: 'stationName',
      width: 220,
      render: (n: string, c) => <Link to={`/stations/${c.stationId}/ledger/outcomes`}>{n}</Link>,
    },
    { title: '成果名称', dataIndex: 'title', ellipsis: { showTitle: true } },
    { title: '落地日期', dataIndex: 'date', width: 110 },
    { title: '企业', dataIndex: 'enterpriseName', width: 200, render: (n: string | null) => n ?? '—' },
    {
      title: '中心审核',
      key: 's',
      width: 100,
      render: (_, c) => <Tag color={statusColor(c)}>{c.statusLabel}</Tag>,
    },
    { title: '审核意见', dataIndex: 'comment', width: 200, ellipsis: { showTitle: true }, render: (v) => v ?? '' },
    ...(can('review:golden-bridge')
      ? [
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_: unknown, c: Candidate) => (
              <Button type="link" size="small" onClick={() => setReviewing(c)}>
                {c.recommended === null ? '审核' : '修改审核'}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title="金桥工程推荐"
        subtitle="区工作站点的产业特派员服务企业成果，可推荐至金桥工程-助推计划（第九条）；依托单位在台账“落地成果”中标记候选"
        extra={<ExportButton path={urlOf(goldenBridgeApi.export, { query: filters })} />}
      />
      <div className="filter-bar">
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="成果、站点或企业名称"
            aria-label="搜索候选成果"
            style={{ width: 280 }}
            onSearch={(q) => setFilter({ q: q.trim() || undefined })}
            enterButton="搜索"
          />
          <Select
            allowClear
            placeholder="审核状态"
            aria-label="审核状态"
            style={{ width: 140 }}
            onChange={(v) => setFilter({ status: v })}
            options={[
              { value: 'pending', label: '待审核' },
              { value: 'recommended', label: '推荐' },
              { value: 'not_recommended', label: '不推荐' },
            ]}
          />
        </Space>
      </div>
      <DataTable<Candidate>
        rowKey="outcomeId"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        emptyText="暂无候选成果：依托单位在台账“落地成果”中勾选“金桥工程候选”后显示在这里"
        paging={{
          page: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {reviewing && <ReviewModal c={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}
