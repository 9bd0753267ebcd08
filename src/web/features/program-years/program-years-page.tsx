import { CopyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { type ProgramYearSummary, useProgramYears } from '../../lib/program-years';
import { useCan } from '../../lib/session-context';
import { programYearColumns } from './columns';

const CopyYearForm = lazy(() => import('./copy-year-form').then((m) => ({ default: m.CopyYearForm })));

export default function ProgramYearsPage() {
  const can = useCan();
  const years = useProgramYears();
  const [copying, setCopying] = useState(false);
  return (
    <>
      <PageHeader
        title="项目年度"
        subtitle="每个年度的站点名额、支持金额、区类别与考核指标（第三条、第六条至第八条）"
        extra={
          can('write:program-year') && (
            <Button
              type="primary"
              icon={<CopyOutlined aria-hidden />}
              disabled={!years.data?.length}
              onClick={() => setCopying(true)}
            >
              复制为新年度
            </Button>
          )
        }
      />
      <DataTable<ProgramYearSummary>
        rowKey="year"
        loading={years.isPending}
        columns={programYearColumns}
        dataSource={years.data ?? []}
        emptyText="尚未设置项目年度"
        scroll={{ x: 900 }}
      />
      {years.data && copying && (
        <Suspense fallback={null}>
          <CopyYearForm open={copying} years={years.data} onClose={() => setCopying(false)} />
        </Suspense>
      )}
    </>
  );
}
