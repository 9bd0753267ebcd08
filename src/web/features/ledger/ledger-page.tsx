// 台账记录 of one station: the ten kinds of records (docs/ledger-format.md) under the station's tabs, one list per kind.
import { Button, Spin, Tag } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from '../../../shared/record-kinds';
import { Breadcrumb } from '../../components/breadcrumb';
import { PageHeader } from '../../components/page-header';
import { Result } from '../../components/result';
import { StationTabs } from '../../components/station-tabs';
import { ApiError } from '../../lib/api';
import { typeColor, useStation } from '../../lib/stations';
import { isRecordKind } from './ledger-helpers';
import { RecordList } from './record-list';

/** Kinds without a KPI for the station's type (第七条 for district stations, 第八条 for IUR ones): shown, but dimmed. */
const NOT_ASSESSED: Record<'district' | 'iur', RecordKind[]> = {
  district: ['achievements'],
  iur: ['demands', 'press-releases', 'cooperations', 'outcomes'],
};

/** One kind of the ledger; the open one scrolls into view, as on a phone the ten scroll sideways (报告 is past the edge). */
function KindLink({
  to,
  current,
  dimmedFor,
  children,
}: {
  to: string;
  current: boolean;
  dimmedFor?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <Link
      ref={ref}
      to={to}
      aria-current={current ? 'page' : undefined}
      className={dimmedFor ? 'ledger-kind-dimmed' : undefined}
      title={dimmedFor ? `${dimmedFor}不考核此项` : undefined}
    >
      {children}
    </Link>
  );
}

export default function LedgerPage() {
  const { id = '', kind } = useParams();
  const navigate = useNavigate();
  const station = useStation(id);

  if (station.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (station.isError) {
    const missing = station.error instanceof ApiError && station.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '工作站点不存在或您无权查看' : '无法加载工作站点'}</h2>}
        subTitle={missing ? '请检查链接是否正确；您只能查看数据范围内的站点。' : station.error.message}
        extra={<Button onClick={() => navigate('/stations')}>返回工作站点列表</Button>}
      />
    );
  }
  const s = station.data;
  const base = `/stations/${s.id}/ledger`;
  const dimmed = NOT_ASSESSED[s.type === 'iur' ? 'iur' : 'district'];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/stations">工作站点</Link> },
          { title: <Link to={`/stations/${s.id}`}>{s.name}</Link> },
          { title: '台账记录' },
        ]}
      />
      <PageHeader
        title={s.name}
        subtitle={
          <>
            <Tag color={typeColor[s.type]}>{s.typeLabel}</Tag> {s.programYear} 年度 · 执行期 {s.periodStart} 至{' '}
            {s.periodEnd}
          </>
        }
      />
      <StationTabs stationId={s.id} />
      {isRecordKind(kind) ? (
        <>
          {/* The kinds are addresses, so links (in a segmented control's look): antd's Segmented brought its Tooltip
              to the events page a host opens on a phone (issue 16). */}
          <nav aria-label="台账类别" className="ledger-kinds">
            <ul>
              {RECORD_KINDS.map((k) => (
                <li key={k}>
                  <KindLink
                    to={`${base}/${k}`}
                    current={k === kind}
                    dimmedFor={dimmed.includes(k) ? s.typeLabel : undefined}
                  >
                    {RECORD_KIND_LABELS[k]}
                  </KindLink>
                </li>
              ))}
            </ul>
          </nav>
          <RecordList key={kind} stationId={s.id} kind={kind} programYear={s.programYear} />
        </>
      ) : (
        <Result
          status="404"
          title={<h2 className="result-title">没有这类台账记录</h2>}
          subTitle={`“${kind ?? ''}”不是台账记录的类别。`}
          extra={<Button onClick={() => navigate(`${base}/enterprises`)}>查看服务企业</Button>}
        />
      )}
    </>
  );
}
