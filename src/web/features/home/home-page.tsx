import { DashboardOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, Tag } from 'antd';
import { type ComponentType, lazy, Suspense, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { STATION_TYPES, type StationType } from '../../../domain/policy/types';
import { STATION_TYPE_LABELS } from '../../../shared/labels';
import { can, ROLE_LABELS, ROLE_SCOPE } from '../../../shared/permissions';
import { ChoiceSelect } from '../../components/choice-select';
import { EmptyYearNotice } from '../../components/empty-year-notice';
import { PageHeader } from '../../components/page-header';
import { Panel } from '../../components/panel';
import { ResponsiveTable } from '../../components/responsive-table';
import { Result } from '../../components/result';
import { useDistricts } from '../../lib/districts';
import { formatMoney } from '../../lib/money';
import { useNav } from '../../lib/nav';
import { useMe } from '../../lib/session-context';
import { type Station, useStations } from '../../lib/stations';
import { useYearParam } from '../../lib/working-year';
import { useOverview } from './api';
import { homeStationColumns } from './columns';
import { StationGapsCard } from './station-gaps-card';

// 工作概览 is the Center's and the districts': a host's home (on a phone, issue 16) does not load it or its list.
const OversightCard = lazy(() => import('./oversight-card').then((m) => ({ default: m.OversightCard })));
// The quota bar is drawn for the whole city only; a host, district or auditor sees its own count instead.
const Progress = lazy(() => import('antd/es/progress'));

/**
 * The cards other features own. The shell composes the page with them (app/home.tsx), so that this feature imports
 * no other feature.
 */
export interface HomeCards {
  /** 上线准备 */
  Setup: ComponentType;
  /** 我的待办 */
  Inbox: ComponentType;
  /** a host's own station and its KPIs; `others` is how many more stations it has */
  OwnStation: ComponentType<{ station: Station; others: number }>;
}

function Welcome() {
  const me = useMe();
  const navigate = useNavigate();
  const pages = useNav()
    .menuFor(me.role)
    .filter((r) => r.path !== '/');
  return (
    <div className="panel panel-body">
      <p style={{ fontSize: 15, marginTop: 0 }}>
        您好，{me.displayName}。您的角色是“{ROLE_LABELS[me.role]}”，可使用以下功能：
      </p>
      {pages.length ? (
        <Space wrap>
          {pages.map((r) => (
            <Button key={r.path} icon={r.icon} onClick={() => navigate(r.path)}>
              {r.label}
            </Button>
          ))}
        </Space>
      ) : (
        <span className="text-secondary">当前角色没有可用的业务功能。</span>
      )}
    </div>
  );
}

function OwnStations({ stations }: { stations: Station[] }) {
  if (!stations.length) {
    return <Alert className="card-gap" type="info" showIcon title="本单位在该年度暂无工作站点" />;
  }
  return (
    <Panel className="card-gap" title="本单位的工作站点">
      {stations.map((s) => (
        // A definition list on a grid rather than antd's Descriptions (and its breakpoint hooks): issue 16.
        <div key={s.id} className="own-station">
          <div className="own-station-name">
            <Link to={`/stations/${s.id}`}>{s.name}</Link>
          </div>
          <dl className="facts">
            <div>
              <dt>站点类型</dt>
              <dd>{s.typeLabel}</dd>
            </div>
            <div>
              <dt>执行期</dt>
              <dd>
                {s.periodStart} 至 {s.periodEnd}
              </dd>
            </div>
            <div>
              <dt>项目负责人</dt>
              <dd>
                {s.leaderName}（{s.leaderPhone}）
              </dd>
            </div>
            <div>
              <dt>联系人</dt>
              <dd>
                {s.contactName}（{s.contactPhone}）
              </dd>
            </div>
          </dl>
        </div>
      ))}
    </Panel>
  );
}

function StationOverview({ cards }: { cards: HomeCards }) {
  const me = useMe();
  const navigate = useNavigate();
  const { years, year, setYear, summary, workingYear } = useYearParam();
  // A host sees its own (latest) station first, whatever year is chosen below: the list is newest first.
  const isHost = me.role === 'host';
  const own = useStations({}, { page: 1, pageSize: 5 }, isHost);
  const latest = isHost ? own.data?.items[0] : undefined;
  const overview = useOverview(year);
  const stations = useStations({ year }, { page: 1, pageSize: 200 }, year !== undefined);
  const districts = useDistricts(year ?? undefined, year !== undefined);
  const districtName = useMemo(() => new Map((districts.data ?? []).map((d) => [d.code, d.name])), [districts.data]);
  const byType = useMemo(() => {
    const m = new Map<StationType, Station[]>(STATION_TYPES.map((t) => [t, []]));
    for (const s of stations.data?.items ?? []) {
      m.get(s.type)?.push({ ...s, districtName: s.districtCode ? (districtName.get(s.districtCode) ?? null) : null });
    }
    for (const list of m.values()) list.sort((a, b) => (a.districtCode ?? '').localeCompare(b.districtCode ?? ''));
    return m;
  }, [stations.data, districtName]);

  // A district, host or auditor account sees only its own stations: its counts are not the city's.
  const scoped = ROLE_SCOPE[me.role] !== 'all';
  const scopeName = me.role === 'district' ? '本区' : me.role === 'host' ? '本单位' : '可见';
  const yearSelect = (
    <ChoiceSelect
      label="项目年度"
      width={140}
      loading={years.isPending}
      value={year ?? undefined}
      onChange={setYear}
      options={(years.data ?? []).map((y) => ({ value: y.year, label: `${y.year} 年度` }))}
    />
  );

  return (
    <>
      <PageHeader
        title="首页"
        subtitle={`欢迎，${me.displayName}（${ROLE_LABELS[me.role]}${me.organizationName ? ` · ${me.organizationName}` : ''}）`}
        extra={
          <>
            {!isHost && can(me.role, 'read:ledger') && (
              <Button icon={<DashboardOutlined aria-hidden />} onClick={() => navigate('/kpi-dashboard')}>
                考核看板
              </Button>
            )}
            {yearSelect}
          </>
        }
      />
      <cards.Setup />
      <cards.Inbox />
      {(me.role === 'center_admin' || me.role === 'center_staff' || me.role === 'district') && (
        <Suspense fallback={null}>
          <OversightCard year={year} center={me.role !== 'district'} />
        </Suspense>
      )}
      {latest && <cards.OwnStation station={latest} others={(own.data?.total ?? 1) - 1} />}
      {latest && own.data && <StationGapsCard stations={own.data.items} />}
      {years.data && !years.data.length && <Empty description="尚未设置项目年度" />}
      <EmptyYearNotice year={year} stationCount={summary?.stationCount} workingYear={workingYear} onSwitch={setYear} />
      {me.role === 'host' && stations.data && <OwnStations stations={stations.data.items} />}
      <Spin spinning={overview.isFetching && !overview.data}>
        <div className="card-gap type-cards">
          {(overview.data?.byType ?? []).map((t) => (
            <Panel key={t.type} title={t.label} extra={<Tag>{t.quotaArticle}</Tag>}>
              {scoped ? (
                <div style={{ display: 'flex', alignItems: 'baseline', gap: 6, marginBottom: 8 }}>
                  <span style={{ color: 'rgba(0,0,0,0.55)' }}>{scopeName}站点</span>
                  <span style={{ fontSize: 26, fontWeight: 600 }}>{t.stations}</span>
                  <span style={{ color: 'rgba(0,0,0,0.55)', marginInlineStart: 12 }}>全市名额 {t.quota}</span>
                </div>
              ) : (
                <>
                  <div style={{ display: 'flex', alignItems: 'baseline', gap: 6 }}>
                    <span style={{ color: 'rgba(0,0,0,0.55)' }}>已设站点 / 名额</span>
                    <span style={{ fontSize: 26, fontWeight: 600 }}>{t.stations}</span>
                    <span style={{ fontSize: 16 }}>/ {t.quota}</span>
                  </div>
                  <Suspense fallback={<div style={{ height: 24 }} />}>
                    <Progress
                      percent={t.quota ? Math.round((t.stations / t.quota) * 100) : 0}
                      size="small"
                      aria-label={`${t.label}已设站点占名额比例`}
                    />
                  </Suspense>
                </>
              )}
              <div>
                支持金额：<strong>{formatMoney(t.fundingFen)}</strong> / 站
              </div>
            </Panel>
          ))}
        </div>
      </Spin>
      {STATION_TYPES.map((t) => {
        const list = byType.get(t) ?? [];
        if (scoped && stations.data && !list.length) return null;
        return (
          <Panel
            key={t}
            className="card-gap"
            title={`${STATION_TYPE_LABELS[t]}（${list.length} 个）`}
            bodyStyle={{ padding: 0 }}
          >
            <ResponsiveTable<Station>
              size="small"
              titleColumn="name"
              loading={stations.isFetching && !stations.data}
              columns={homeStationColumns(t !== 'iur')}
              dataSource={list}
              emptyText="该类型暂无工作站点"
              scroll={{ x: 900 }}
            />
          </Panel>
        );
      })}
    </>
  );
}

/** 待分配角色 (decision 018): the account exists and has its own password; the security administrator gives the role. */
function AwaitingRole() {
  const me = useMe();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="首页" subtitle={`欢迎，${me.displayName}（${ROLE_LABELS[me.role]}）`} />
      <Result
        status="info"
        title="您的账户正在等待分配角色"
        subTitle="系统管理员已为您开设账户。请联系安全管理员为账户分配角色和数据范围；分配后请重新登录，即可使用相应功能。"
        extra={<Button onClick={() => navigate('/change-password')}>修改密码</Button>}
      />
    </>
  );
}

export default function HomePage({ cards }: { cards: HomeCards }) {
  const me = useMe();
  if (me.role === 'unassigned') return <AwaitingRole />;
  if (!can(me.role, 'read:station')) {
    return (
      <>
        <PageHeader title="首页" subtitle={`欢迎，${me.displayName}（${ROLE_LABELS[me.role]}）`} />
        <cards.Setup />
        {/* Nothing of the business waits for the three administrators; the account administrators have the password
            resets to confirm or collect (decision 018). */}
        {me.role !== 'audit_admin' && <cards.Inbox />}
        <Welcome />
      </>
    );
  }
  return <StationOverview cards={cards} />;
}
