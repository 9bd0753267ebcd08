// 生成报告草稿 (issue #15 §3): the reports this station must write — read from its year's KPIs, as the server reads
// them (第七条 for district stations, 第八条 for IUR ones, 第十二条 for the 总结报告) — each downloadable as a Word draft
// holding the ledger's figures. The draft is built on the server: nothing of Word is loaded here.
import { DownOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { type DraftKind, draftKindsOf, reportDraftsApi } from '../../../shared/api/report-drafts';
import { downloadFrom } from '../../lib/api';
import { useProgramYear } from '../../lib/program-years';
import { useStation } from '../../lib/stations';

export interface ReportDraftButtonProps {
  stationId: string;
  programYear: number;
}

export function ReportDraftButton({ stationId, programYear }: ReportDraftButtonProps) {
  const { message } = App.useApp();
  // The ledger page has loaded the station already: this reads the cache.
  const station = useStation(stationId);
  const year = useProgramYear(programYear);
  const [busy, setBusy] = useState<DraftKind | null>(null);
  const type = station.data?.type;
  const options = type && year.data ? draftKindsOf(year.data.policy.kpis[type]) : [];
  const loading = station.isPending || year.isPending;

  async function generate(kind: DraftKind) {
    const o = options.find((x) => x.kind === kind);
    setBusy(kind);
    try {
      const name = await downloadFrom(
        reportDraftsApi.draft,
        { params: { id: stationId, kind } },
        `${o?.name ?? '报告'}（草稿）.docx`,
      );
      message.success(`已生成“${name}”`);
    } catch {
      // the API client has shown the error
    } finally {
      setBusy(null);
    }
  }

  return (
    <Dropdown
      trigger={['click']}
      disabled={options.length === 0 || busy !== null}
      menu={{
        items: options.map((o) => ({
          key: o.kind,
          label: `${o.name}（${o.article}）`,
          extra: o.minWords ? `不少于 ${o.minWords.toLocaleString('zh-CN')} 字` : undefined,
        })),
        onClick: ({ key }) => void generate(key as DraftKind),
      }}
    >
      <Button
        icon={<FileWordOutlined aria-hidden />}
        loading={busy !== null || loading}
        title={!loading && options.length === 0 ? '无法读取本年度须撰写的报告' : undefined}
      >
        生成报告草稿 <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

/** What a draft is and how it becomes the report: shown under the reports' toolbar. */
export function ReportDraftNote() {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
      草稿中的数字取自本站点台账，叙述部分请在 Word 中填写后，以“上传 Word”方式提交定稿（字数按现行规则统计）
    </Typography.Paragraph>
  );
}
