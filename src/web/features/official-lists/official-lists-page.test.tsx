import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usccCheckChar } from '../../../domain/uscc';
import type { EnterpriseLookupDto } from '../../../shared/schemas/ledger';
import type {
  OfficialListDto,
  OfficialListEntryDto,
  OfficialListImportReportDto,
} from '../../../shared/schemas/official-lists';
import { renderPage, signedIn, stubApi } from '../../lib/test-render';
import { screenWidth } from '../../lib/test-screen';
import OfficialListsPage from './official-lists-page';
import { PreviewReport } from './preview-report';

// 官方名单 (issue 15 §4, 第七条): the lists imported (a table on a PC, cards on a phone), a list's entries in a drawer
// kept in the address, an enterprise's trace to its source list, and the preview of an import.

const USCC = (() => {
  const first17 = '91110108000000042';
  return first17 + usccCheckChar(first17);
})();

const LIST: OfficialListDto = {
  id: 'l1',
  kind: 'srdi_national',
  kindLabel: '国家级专精特新“小巨人”企业名单',
  name: '2025年度国家级专精特新“小巨人”企业名单',
  effectiveOn: '2025-03-01',
  fileName: '小巨人.xlsx',
  importedAt: '2025-06-15T02:00:00.000Z',
  importedBy: '中心工作人员',
  entries: 3,
  changed: 1,
  unregistered: 1,
};

const ENTRY: OfficialListEntryDto = {
  id: 'e1',
  listId: 'l1',
  listName: LIST.name,
  listKind: 'srdi_national',
  listKindLabel: LIST.kindLabel,
  listEffectiveOn: '2025-03-01',
  row: 2,
  uscc: USCC,
  name: '北京测试科技有限公司',
  enterpriseId: 'ent1',
  registryName: '北京测试科技股份有限公司',
  status: 'changed',
  statusLabel: '标识已更新',
  before: { srdi: 'none', hasAssociation: false },
  after: { srdi: 'national', hasAssociation: false },
};

const LOOKUP: EnterpriseLookupDto = {
  uscc: USCC,
  name: '北京测试科技股份有限公司',
  districtCode: '110108',
  hasAssociation: false,
  srdi: 'national',
  history: [
    {
      changedAt: '2025-06-15T02:00:00.000Z',
      by: 'staff',
      name: '北京测试科技股份有限公司',
      districtCode: '110108',
      hasAssociation: false,
      srdi: 'none',
      sourceList: { id: 'l1', name: LIST.name, kind: 'srdi_national', effectiveOn: '2025-03-01' },
    },
  ],
};

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

function serve(opts: { lists?: OfficialListDto[] } = {}) {
  return stubApi({
    '/api/v1/official-lists?': page(opts.lists ?? [LIST]),
    '/api/v1/official-list-entries?': (r) =>
      r.url.includes('listId=') ? { ...page([ENTRY]), list: LIST } : { ...page([ENTRY]), list: null },
    '/api/v1/enterprises/lookup?': LOOKUP,
  });
}

const openAt = (at: string) => renderPage(<OfficialListsPage />, { at, me: signedIn('center_staff') });

describe('官方名单 · 已导入名单', () => {
  it('lists the lists and opens one’s entries in a drawer kept in the address', async () => {
    const api = serve();
    const { address } = openAt('/official-lists');
    const table = await screen.findByRole('table', { name: '已导入的官方名单' });
    expect(within(table).getByText('国家级“小巨人”')).toBeTruthy();
    expect(within(table).getByText('2025-03-01')).toBeTruthy();
    expect(screen.getByText(/第七条/)).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: '查看企业' }));
    await waitFor(() => expect(address()).toBe('/official-lists?list=l1'));
    const entries = await screen.findByRole('table', { name: '名单中的企业' });
    expect(within(entries).getByText('标识已更新')).toBeTruthy();
    expect(within(entries).getByText('非专精特新 → 国家级专精特新“小巨人”')).toBeTruthy();
    expect(within(entries).getByText('企业名录中为“北京测试科技股份有限公司”')).toBeTruthy();
    expect(api.urls().some((u) => u.startsWith('/api/v1/official-list-entries?listId=l1'))).toBe(true);
  });

  it('says how to start when nothing is imported yet', async () => {
    serve({ lists: [] });
    openAt('/official-lists');
    expect(await screen.findByText(/尚未导入官方名单/)).toBeTruthy();
  });

  it('is a list of cards on a 390 px phone', async () => {
    screenWidth(390);
    serve();
    openAt('/official-lists');
    const cards = await screen.findByRole('list', { name: '已导入的官方名单' });
    expect(within(cards).getByText(LIST.name)).toBeTruthy();
    expect(screen.queryByRole('table', { name: '已导入的官方名单' })).toBeNull();
  });
});

describe('官方名单 · 企业溯源', () => {
  it('names the list an enterprise’s flag came from', async () => {
    const api = serve();
    openAt(`/official-lists?tab=trace&uscc=${USCC}`);
    const history = await screen.findByRole('table', { name: '标识变更历史' });
    expect(within(history).getByText('官方名单')).toBeTruthy();
    expect(within(history).getByText(/2025年度国家级专精特新“小巨人”企业名单/)).toBeTruthy();
    const lists = await screen.findByRole('table', { name: '列入的官方名单' });
    expect(within(lists).getByText('标识已更新')).toBeTruthy();
    expect(api.urls()).toContain(`/api/v1/official-list-entries?uscc=${USCC}&page=1&pageSize=20`);
  });

  it('refuses a code that fails its check character without asking the server', async () => {
    const api = serve();
    openAt('/official-lists?tab=trace&uscc=911101080000000420');
    expect(await screen.findByText(/不是有效的统一社会信用代码/)).toBeTruthy();
    expect(api.urls().filter((u) => u.includes('lookup') || u.includes('entries'))).toEqual([]);
  });
});

const REPORT: OfficialListImportReportDto = {
  dryRun: true,
  ok: false,
  token: 'a'.repeat(64),
  listId: null,
  kind: 'srdi_national',
  kindLabel: LIST.kindLabel,
  name: LIST.name,
  effectiveOn: '2025-03-01',
  fileName: '小巨人.xlsx',
  counts: {
    rows: 4,
    entries: 3,
    errors: 1,
    warnings: 0,
    changed: 1,
    unchanged: 1,
    higherKept: 0,
    unregistered: 1,
    stations: 2,
    stationsKpiChanged: 1,
  },
  limit: 1000,
  errors: [{ row: 5, field: 'uscc', column: '统一社会信用代码', message: '统一社会信用代码校验位不正确（GB 32100）' }],
  warnings: [],
  changes: [
    {
      row: 2,
      uscc: USCC,
      name: '北京测试科技有限公司',
      enterpriseId: 'ent1',
      registryName: null,
      status: 'changed',
      statusLabel: '标识已更新',
      before: { srdi: 'none', hasAssociation: false },
      after: { srdi: 'national', hasAssociation: false },
      kpiCounted: true,
    },
  ],
  unchanged: [],
  unregistered: [],
  stations: [
    {
      stationId: 's1',
      stationName: '海淀区“千人进千企”工作站点',
      programYear: 2025,
      typeLabel: '区工作站点（A类）',
      districtCode: '110108',
      districtName: '海淀区',
      listed: 1,
      keyServed: 1,
      kpis: [
        {
          id: 'key_enterprises_srdi',
          name: '其中专精特新企业',
          article: '第七条',
          unit: '家',
          measure: 'count',
          target: 10,
          before: 9,
          after: 10,
          delta: 1,
          denominator: null,
          metBefore: false,
          metAfter: true,
        },
      ],
    },
  ],
  rules: ['名单只增加标识：不在本名单中的企业保留原有标识。'],
  sameAs: null,
};

describe('官方名单 · 预览', () => {
  it('opens on the bad rows, and shows flags before → after and each station’s KPI with its article', async () => {
    renderPage(<PreviewReport report={REPORT} />);
    const errors = await screen.findByRole('table', { name: '有误的行' });
    expect(within(errors).getByText('第 5 行')).toBeTruthy();
    expect(screen.getByText('名单只增加标识：不在本名单中的企业保留原有标识。')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '标识变更 1' }));
    const changes = await screen.findByRole('table', { name: '标识变更的企业' });
    expect(within(changes).getByText('非专精特新 → 国家级专精特新“小巨人”')).toBeTruthy();
    expect(within(changes).getByText('计入考核指标')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '站点考核指标 1' }));
    const stations = await screen.findByRole('table', { name: '考核指标变化的站点' });
    expect(within(stations).getByText(/其中专精特新企业（第七条）/)).toBeTruthy();
    expect(within(stations).getByText('变为达标')).toBeTruthy();
    expect(screen.getByText(/另有 1 个站点的名录中有这些企业/)).toBeTruthy();
  });
});

/** The upload client's XMLHttpRequest, answering each upload with a report (the preview, then the import). */
class FakeXhr {
  static urls: string[] = [];
  url = '';
  status = 200;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  withCredentials = false;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader() {
    return 'application/json';
  }
  send() {
    FakeXhr.urls.push(this.url);
    const confirmed = this.url.includes('token=');
    const ok = { ...REPORT, ok: true, errors: [], counts: { ...REPORT.counts, errors: 0 } };
    this.responseText = JSON.stringify(confirmed ? { ...ok, dryRun: false, listId: 'l9' } : ok);
    setTimeout(() => this.onload?.(), 0);
  }
}

describe('官方名单 · 导入', () => {
  it('previews the file with the list’s kind, name and date, then imports it with the preview’s token', async () => {
    FakeXhr.urls = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    serve();
    const { address } = openAt('/official-lists?tab=import');
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '名单类型' }));
    fireEvent.click(await screen.findByText('国家级专精特新“小巨人”企业名单'));
    fireEvent.change(screen.getByLabelText('名单名称'), { target: { value: LIST.name } });
    const date = screen.getByLabelText('生效日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2025-03-01' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], '小巨人.xlsx')] } });
    expect(await screen.findByText(/预览通过：3 家企业，将更新 1 家企业的标识/)).toBeTruthy();
    expect(FakeXhr.urls[0]).toContain('dryRun=true');
    expect(FakeXhr.urls[0]).toContain('effectiveOn=2025-03-01');
    expect(FakeXhr.urls[0]).toContain('kind=srdi_national');

    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/名单只增加标识/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText(`已导入“${LIST.name}”`)).toBeTruthy();
    expect(FakeXhr.urls[1]).toContain(`token=${'a'.repeat(64)}`);
    expect(FakeXhr.urls[1]).not.toContain('dryRun');
    fireEvent.click(screen.getByRole('button', { name: '查看名单中的企业' }));
    await waitFor(() => expect(address()).toContain('list=l9'));
    // A form, an upload, a dialog: slower than a list on a loaded 2-core machine.
  }, 60_000);
});
