// 官方名单 (issue 15 §4, 第七条): the Center imports the official 专精特新 (municipal, national 小巨人) and 企业科协 lists;
// their flags go into the enterprise registry that every station's KPIs count. Three tabs kept in the address
// (`?tab=`): the lists imported, the import (preview, then confirm), and an enterprise's trace to its source lists.
// A list's entries open in a drawer (`?list=`), so a link to one list can be shared.
import { UploadOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../components/export-button';
import { PageHeader } from '../../components/page-header';
import { TEMPLATE_PATH } from './api';
import { ImportTab } from './import-tab';
import { ListDrawer } from './list-drawer';
import { ListsTab } from './lists-tab';
import { TraceTab } from './trace-tab';

const TABS = [
  { key: 'lists', label: '已导入名单' },
  { key: 'import', label: '导入名单' },
  { key: 'trace', label: '企业溯源' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export default function OfficialListsPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((t) => t.key === params.get('tab'))?.key ?? 'lists';
  const openList = params.get('list');
  const uscc = params.get('uscc') ?? undefined;

  // Each tab has its own parameters: a switch starts the new tab clean.
  const switchTo = (key: TabKey) =>
    setParams(() => {
      const next = new URLSearchParams();
      if (key !== 'lists') next.set('tab', key);
      return next;
    });
  const setParam = (name: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });
  const showList = (id: string) =>
    setParams((p) => {
      p.set('list', id);
      return p;
    });

  const body = (key: TabKey) => {
    if (key !== tab) return null;
    if (key === 'lists') return <ListsTab onOpen={showList} onImport={() => switchTo('import')} />;
    if (key === 'import') return <ImportTab onOpenList={showList} />;
    return <TraceTab uscc={uscc} onSearch={(v) => setParam('uscc', v)} onOpenList={showList} />;
  };

  return (
    <>
      <PageHeader
        title="官方名单"
        subtitle="第七条：导入市级专精特新、国家级专精特新“小巨人”和建有企业科协的企业名单，更新企业名录的标识和各站点的考核指标"
        extra={
          <>
            <ExportButton path={TEMPLATE_PATH} label="下载导入模板" />
            {tab !== 'import' && (
              <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={() => switchTo('import')}>
                导入名单
              </Button>
            )}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => switchTo(k as TabKey)}
        items={TABS.map(({ key, label }) => ({ key, label, children: body(key) }))}
      />
      {openList && <ListDrawer listId={openList} onClose={() => setParam('list', undefined)} />}
    </>
  );
}
