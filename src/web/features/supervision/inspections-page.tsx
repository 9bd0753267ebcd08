// 监督检查 (第十九条): the Center's inspections, and across them the findings (问题清单) and the recovery of funds
// (追回经费, 第十八条). The tab is in the address (?tab=) like the lists' filters, so a reload or a link keeps it.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useYearParam } from '../../lib/working-year';
import { FindingsTab } from './findings-tab';
import { InspectionsTab } from './inspections-tab';
import { RecoveriesTab } from './recoveries-tab';

const NewInspectionModal = lazy(() => import('./new-inspection-modal'));

const TABS = [
  { key: 'inspections', label: '检查批次', Body: InspectionsTab },
  { key: 'findings', label: '问题清单', Body: FindingsTab },
  { key: 'recoveries', label: '追回经费', Body: RecoveriesTab },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export default function InspectionsPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabKey = TABS.find((t) => t.key === requested)?.key ?? 'inspections';
  const y = useYearParam({ fallback: 'working', allowAll: true });
  const [creating, setCreating] = useState(false);

  // Each tab has its own filters (a status means another thing in each): a switch keeps only the year.
  const switchTo = (key: string) =>
    setParams((p) => {
      const next = new URLSearchParams();
      const year = p.get('year');
      if (year) next.set('year', year);
      if (key !== 'inspections') next.set('tab', key);
      return next;
    });

  return (
    <>
      <PageHeader
        title="监督检查"
        subtitle="中心对站点工作和经费使用的计划检查与不定期抽查（第十九条），违规问题追回经费（第十八条）"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            安排检查
          </Button>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={switchTo}
        // Only the open tab is mounted: each one reads and writes the address's filters.
        items={TABS.map(({ key, label, Body }) => ({ key, label, children: key === tab ? <Body /> : null }))}
      />
      {creating && (
        <Suspense fallback={null}>
          <NewInspectionModal defaultYear={y.year ?? y.years.data?.[0]?.year} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
