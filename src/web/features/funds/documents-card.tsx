// 决算与审计 (issue #5): the final accounts generated from the ledger (第十二条) as Excel and Word, the host's
// submission of them as the station's final-accounts report, and the third-party audit package (第十二条).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { auditPackageApi } from '../../../shared/api/audit-package';
import { expensesApi } from '../../../shared/api/expenses';
import { call, downloadFrom } from '../../lib/api';

interface Props {
  stationId: string;
  canSubmit: boolean;
  canPackage: boolean;
}

export function DocumentsCard({ stationId, canSubmit, canPackage }: Props) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const params = { id: stationId };
  const fetchFile = async (key: string, save: () => Promise<string>) => {
    setBusy(key);
    try {
      const name = await save();
      message.success(`已下载：${name}`);
    } finally {
      setBusy(null);
    }
  };
  const submit = useMutation({
    mutationFn: () => call(expensesApi.submitFinalAccounts, { params }),
    onSuccess: (r) => {
      message.success(`已提交决算报告“${r.title}”`);
      void qc.invalidateQueries({ queryKey: ['records'] });
      void qc.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
  return (
    <Card size="small" title="决算与审计（第十二条）" className="card-gap">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        决算报告由支出台账自动生成：按科目的预算与实际支出、每笔支出、配套经费与结余。年终与总结报告一并提交。
      </Typography.Paragraph>
      <Space wrap>
        <Button
          loading={busy === 'xlsx'}
          onClick={() =>
            fetchFile('xlsx', () => downloadFrom(expensesApi.finalAccountsXlsx, { params }, '决算报告.xlsx'))
          }
        >
          导出决算报告（Excel）
        </Button>
        <Button
          loading={busy === 'docx'}
          onClick={() =>
            fetchFile('docx', () => downloadFrom(expensesApi.finalAccountsDocx, { params }, '决算报告.docx'))
          }
        >
          导出决算报告（Word）
        </Button>
        {canSubmit && (
          <Popconfirm
            title="提交决算报告？"
            description="将按当前支出台账生成决算报告，作为本站点的年度决算报告提交（第十二条）。"
            okText="提交"
            cancelText="取消"
            onConfirm={() => submit.mutateAsync()}
          >
            <Button type="primary" loading={submit.isPending}>
              提交决算报告
            </Button>
          </Popconfirm>
        )}
        {canPackage && (
          <Button
            loading={busy === 'zip'}
            onClick={() => fetchFile('zip', () => downloadFrom(auditPackageApi.download, { params }, '审计包.zip'))}
            title="台账、决算、凭证与佐证、报告、协议各版本、操作记录，附 SHA-256 清单；可用 bin/qianqi verify-package 校验"
          >
            导出审计包
          </Button>
        )}
      </Space>
    </Card>
  );
}
