import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Spin, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { PageHeader } from '../../components/page-header';
import { RecordHistory } from '../../components/record-history';
import { Result } from '../../components/result';
import { StationTabs } from '../../components/station-tabs';
import { ApiError } from '../../lib/api';
import { useDistricts } from '../../lib/districts';
import { formatInstant } from '../../lib/format';
import { stationHistory } from '../../lib/record-history';
import { useCan } from '../../lib/session-context';
import { typeColor, useStation } from '../../lib/stations';
import { useDeleteStation } from './api';
import { StationAuditors } from './station-auditors';

const StationForm = lazy(() => import('./station-form').then((m) => ({ default: m.StationForm })));

export default function StationDetailPage() {
  const id = useParams().id ?? '';
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const station = useStation(id);
  const districts = useDistricts(station.data?.programYear, Boolean(station.data) && can('read:district'));
  const remove = useDeleteStation();
  const [editing, setEditing] = useState(false);

  if (station.isPending) return <Spin description="正在加载…" style={{ display: 'block', marginTop: 80 }} />;
  if (station.isError) {
    const missing = station.error instanceof ApiError && station.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={<h2 className="result-title">{missing ? '工作站点不存在或您无权查看' : '无法加载工作站点'}</h2>}
        subTitle={
          missing ? '请检查链接是否正确；区科协、依托单位和审计人员账户只能查看其范围内的站点。' : station.error.message
        }
        extra={<Button onClick={() => navigate('/stations')}>返回工作站点列表</Button>}
      />
    );
  }
  const s = station.data;
  const district = districts.data?.find((d) => d.code === s.districtCode);
  const canWrite = can('write:station');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/stations">工作站点</Link> }, { title: s.name }]}
      />
      <PageHeader
        title={s.name}
        subtitle={
          <>
            <Tag color={typeColor[s.type]}>{s.typeLabel}</Tag> {s.programYear} 年度
          </>
        }
        extra={
          canWrite && (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <Popconfirm
                title="删除工作站点"
                description="确定删除该工作站点？删除后不可恢复。"
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  remove.mutate(s, {
                    onSuccess: () => {
                      message.success(`已删除“${s.name}”`);
                      navigate('/stations');
                    },
                  })
                }
              >
                <Button danger icon={<DeleteOutlined aria-hidden />}>
                  删除
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <StationTabs stationId={s.id} />
      <Card size="small">
        <Descriptions
          bordered
          size="small"
          column={2}
          items={[
            { key: 'y', label: '项目年度', children: `${s.programYear} 年度` },
            { key: 't', label: '站点类型', children: s.typeLabel },
            {
              key: 'd',
              label: '所在区',
              children: s.districtCode
                ? `${district?.name ?? s.districtCode}（${s.districtCode}）`
                : '—（产学研合作站点）',
            },
            { key: 'da', label: '推荐区科协', children: s.districtAssociationName ?? '—' },
            { key: 'h', label: '依托单位', children: s.hostName },
            { key: 'u', label: '统一社会信用代码', children: s.hostUscc ?? '—' },
            { key: 'p', label: '执行期', span: 2, children: `${s.periodStart} 至 ${s.periodEnd}` },
            { key: 'l', label: '项目负责人', children: s.leaderName },
            { key: 'lp', label: '负责人电话', children: s.leaderPhone },
            { key: 'c', label: '联系人', children: s.contactName },
            { key: 'cp', label: '联系人电话', children: s.contactPhone },
            { key: 'ca', label: '创建时间', children: formatInstant(s.createdAt) },
            { key: 'ua', label: '最近修改', children: formatInstant(s.updatedAt) },
          ]}
        />
      </Card>
      <StationAuditors stationId={s.id} />
      {/* Who changed the leader, the period or the contact, and when: read with the station's own scope. */}
      {can('read:station') && (
        <Card size="small" title="变更记录" style={{ marginTop: 16 }}>
          <RecordHistory key={s.id} source={stationHistory(s.id)} />
        </Card>
      )}
      {editing && (
        <Suspense fallback={null}>
          <StationForm station={s} onClose={() => setEditing(false)} />
        </Suspense>
      )}
    </>
  );
}
