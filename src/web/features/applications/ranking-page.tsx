// 评审排名与立项 (第十条): per station type, the applications by average score (recused reviewers not counted), the
// type's quota and places taken; the Center administrator approves a selection within the quota or rejects one.
import { App, Button, Card, Empty, Select, Space, Spin, type TableColumnsType, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { applicationsApi } from '../../../shared/api/applications';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { urlOf } from '../../lib/api';
import { districtNameOf, useDistricts } from '../../lib/districts';
import { useProgramYears } from '../../lib/program-years';
import { useCan } from '../../lib/session-context';
import { type RankingItem, type RankingType, useApplicationAction, useApprove, useRanking } from './api';
import { ReasonModal } from './application-actions';
import { remainingPlaces } from './application-helpers';
import { ScoreCell, StatusTag } from './columns';

function TypeTable({
  t,
  canDecide,
  districtName,
  onReject,
}: {
  t: RankingType;
  canDecide: boolean;
  districtName: (c: string | null) => string;
  onReject: (it: RankingItem) => void;
}) {
  const { modal, message } = App.useApp();
  const approve = useApprove();
  const [selected, setSelected] = useState<string[]>([]);
  const left = remainingPlaces(t);
  const chosen = t.items.filter((it) => selected.includes(it.id));

  const confirmApprove = () =>
    modal.confirm({
      title: `批量立项 · ${t.label}`,
      content: (
        <>
          <p>
            将批准 <strong>{chosen.length}</strong> 份申报书立项（第十条）：
            {chosen.map((c) => `“${c.stationName}”`).join('、')}。
          </p>
          <p>
            {t.label}名额 {t.quota} 个（{t.quotaArticle}），已立项 {t.approved} 个，剩余 <strong>{left}</strong> 个
            {chosen.length > left
              ? `：所选超出剩余名额 ${chosen.length - left} 个，将被拒绝。`
              : `；批准后剩余 ${left - chosen.length} 个。`}
          </p>
          <p>立项后将设立工作站点、生成项目和合作协议第 1 版。</p>
        </>
      ),
      okText: '批准立项',
      cancelText: '取消',
      onOk: () =>
        approve.mutateAsync(chosen.map((c) => ({ id: c.id, version: c.version }))).then(
          (r) => {
            message.success(`已批准 ${r.approved.length} 份申报书立项`);
            setSelected([]);
          },
          () => {},
        ),
    });

  const columns: TableColumnsType<RankingItem> = [
    { title: '排名', dataIndex: 'rank', width: 64, align: 'center', render: (r: number | null) => r ?? '—' },
    {
      title: '站点名称',
      dataIndex: 'stationName',
      ellipsis: true,
      render: (n: string, it) => <Link to={`/applications/${it.id}`}>{n || '（未命名）'}</Link>,
    },
    { title: '依托单位', dataIndex: 'hostName', ellipsis: true },
    { title: '所在区', dataIndex: 'districtCode', width: 84, render: (c: string | null) => districtName(c) },
    { title: '平均分', key: 'score', width: 130, align: 'right', render: (_, it) => <ScoreCell a={it} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, it) => <StatusTag a={it} /> },
  ];
  if (canDecide)
    columns.push({
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, it) =>
        it.status === 'under_review' && (
          <Button type="link" size="small" danger onClick={() => onReject(it)}>
            不予立项
          </Button>
        ),
    });

  return (
    <Card
      size="small"
      className="card-gap"
      title={
        <Space size={8}>
          <span>{t.label}</span>
          <Tag color={left ? 'blue' : 'default'}>
            名额 {t.approved}/{t.quota}（{t.quotaArticle}）
          </Tag>
          <span style={{ color: 'rgba(0,0,0,0.45)', fontWeight: 400 }}>剩余 {left} 个</span>
        </Space>
      }
      extra={
        canDecide && (
          <Button
            type="primary"
            size="small"
            disabled={!chosen.length}
            loading={approve.isPending}
            onClick={confirmApprove}
          >
            批量立项{chosen.length ? `（${chosen.length}）` : ''}
          </Button>
        )
      }
    >
      <DataTable<RankingItem>
        columns={columns}
        dataSource={t.items}
        emptyText="本年度没有该类站点的申报书"
        scroll={{ x: 800 }}
        rowSelection={
          canDecide
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (it) => ({
                  disabled: it.status !== 'under_review',
                  'aria-label': `选择 ${it.stationName}`,
                }),
              }
            : undefined
        }
      />
    </Card>
  );
}

export default function RankingPage() {
  const can = useCan();
  const { message } = App.useApp();
  const years = useProgramYears();
  const [year, setYear] = useState<number | undefined>();
  useEffect(() => {
    if (year === undefined && years.data?.length) setYear(years.data[0].year);
  }, [year, years.data]);
  const ranking = useRanking(year);
  const districts = useDistricts(year, year !== undefined);
  const names = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const districtName = (c: string | null) => districtNameOf(names, c);
  const act = useApplicationAction();
  const [rejecting, setRejecting] = useState<RankingItem | null>(null);
  const types = ranking.data ?? [];
  const total = types.reduce((n, t) => n + t.items.length, 0);

  return (
    <>
      <PageHeader
        title="评审排名与立项"
        subtitle="按站点类型排名：平均分为已评分专家的平均分，回避的专家不计；在各类名额内批准立项（第十条）"
        extra={
          <>
            <Select
              aria-label="项目年度"
              style={{ width: 130 }}
              value={year}
              onChange={setYear}
              options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
            />
            {year !== undefined && total > 0 && (
              <ExportButton path={urlOf(applicationsApi.rankingExport, { query: { year } })} />
            )}
          </>
        }
      />
      {ranking.isPending ? (
        <Spin description="正在加载…" style={{ display: 'block', marginTop: 60 }} />
      ) : !types.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该年度没有站点类型" />
      ) : (
        types.map((t) => (
          <TypeTable
            key={`${year}-${t.type}`}
            t={t}
            canDecide={can('decide:application')}
            districtName={districtName}
            onReject={setRejecting}
          />
        ))
      )}
      {rejecting && (
        <ReasonModal
          kind="reject"
          subject={rejecting.stationName}
          busy={act.isPending}
          onClose={() => setRejecting(null)}
          onOk={(reason) =>
            act
              .mutateAsync({ id: rejecting.id, action: 'reject', version: rejecting.version, reason })
              .then((d) => message.success(`已决定“${d.stationName}”不予立项`))
          }
        />
      )}
    </>
  );
}
