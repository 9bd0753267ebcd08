// 整改与追回: the findings and recovery orders of the stations an account sees, for those who have no 监督检查 page
// (a district association follows its district's stations, a host its own). The lists are the Center's tabs, scoped
// by the server to the reader's stations.
import { PageHeader } from '../../components/page-header';
import { FindingsTab } from './findings-tab';
import { ListTabs } from './list-tabs';
import { RecoveriesTab } from './recoveries-tab';

const TABS = [
  { key: 'findings', label: '问题清单', Body: FindingsTab },
  { key: 'recoveries', label: '追回经费', Body: RecoveriesTab },
] as const;

export default function RectificationPage() {
  return (
    <>
      <PageHeader
        title="整改与追回"
        subtitle="监督检查发现的问题及其整改（第十九条），违规使用经费的追回（第十八条）；仅含您可查看的站点"
      />
      <ListTabs tabs={TABS} />
    </>
  );
}
