// 监督检查 (第十九条): the Center's inspections, and across them the findings (问题清单) and the recovery of funds
// (追回经费, 第十八条), under tabs kept in the address (list-tabs.tsx).
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { useYearParam } from '../../lib/working-year';
import { FindingsTab } from './findings-tab';
import { InspectionsTab } from './inspections-tab';
import { ListTabs } from './list-tabs';
import { RecoveriesTab } from './recoveries-tab';

const NewInspectionModal = lazy(() => import('./new-inspection-modal'));

const TABS = [
  { key: 'inspections', label: '检查批次', Body: InspectionsTab },
  { key: 'findings', label: '问题清单', Body: FindingsTab },
  { key: 'recoveries', label: '追回经费', Body: RecoveriesTab },
] as const;

export default function InspectionsPage() {
  const y = useYearParam({ fallback: 'working', allowAll: true });
  const [creating, setCreating] = useState(false);

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
      <ListTabs tabs={TABS} />
      {creating && (
        <Suspense fallback={null}>
          <NewInspectionModal defaultYear={y.year ?? y.years.data?.[0]?.year} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
