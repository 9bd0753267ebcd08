// 查看 one expense: its facts, the withholding of a fee to an individual, the warnings kept with it and its vouchers.
import { FileOutlined } from '@ant-design/icons';
import { Alert, Collapse, Descriptions, Drawer, Spin } from 'antd';
import { FUND_SOURCE_LABELS, PAYEE_KIND_LABELS, VOUCHER_KIND_LABELS } from '../../../shared/labels';
import { RecordHistory } from '../../components/record-history';
import { useIsPhone } from '../../components/use-phone';
import { formatInstant, formatSize } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { expenseHistory } from '../../lib/record-history';
import { useCan } from '../../lib/session-context';
import { attachmentUrl, useExpense } from './api';

export function ExpenseDetail({
  stationId,
  expenseId,
  categoryName,
  onClose,
}: {
  stationId: string;
  expenseId: string;
  categoryName: (code: string) => string;
  onClose: () => void;
}) {
  const q = useExpense(stationId, expenseId);
  const phone = useIsPhone();
  const can = useCan();
  const e = q.data;
  return (
    // The whole screen on a phone: 640 px would leave its left part outside a 390 px screen.
    <Drawer open title={e ? `支出 ${e.ref}` : '支出'} size={phone ? '100%' : 640} onClose={onClose} destroyOnHidden>
      {q.isError && <Alert type="error" showIcon title="无法加载该支出记录" description={q.error.message} />}
      {q.isPending && <Spin description="正在加载…" style={{ display: 'block', marginTop: 48 }} />}
      {e && (
        <>
          {e.warnings.map((w) => (
            <Alert key={w.message} type="warning" showIcon title={w.message} style={{ marginBottom: 12 }} />
          ))}
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'ref', label: '编号', children: e.ref },
              { key: 'date', label: '支出日期', children: e.date },
              { key: 'cat', label: '科目', children: categoryName(e.category) },
              { key: 'item', label: '事项', children: e.itemName },
              {
                key: 'amount',
                label: '金额',
                children:
                  e.netFen !== null && e.taxFen !== null
                    ? `税前 ${formatMoney(e.amountFen)}，代扣个税 ${formatMoney(e.taxFen)}，实发 ${formatMoney(e.netFen)}`
                    : formatMoney(e.amountFen),
              },
              { key: 'source', label: '经费来源', children: FUND_SOURCE_LABELS[e.source] ?? e.source },
              {
                key: 'payee',
                label: '收款人',
                children: `${e.payee.name}（${PAYEE_KIND_LABELS[e.payee.kind] ?? e.payee.kind}${e.payee.hostStaff ? '，依托单位工作人员' : ''}${e.payee.fiscallySupported ? '，财政供养人员' : ''}）`,
              },
              { key: 'days', label: '人天数', children: e.days ?? '—' },
              { key: 'purpose', label: '用途', children: e.purpose ?? '—' },
              {
                key: 'vouchers',
                label: '凭证',
                children: (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {(e.vouchers ?? []).map((v) => (
                      <li key={v.id}>
                        {VOUCHER_KIND_LABELS[v.kind] ?? v.kind}：
                        <a href={attachmentUrl(stationId, v.attachmentId)} download={v.fileName}>
                          <FileOutlined aria-hidden /> {v.fileName}
                        </a>
                        <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 4 }}>{formatSize(v.size)}</span>
                      </li>
                    ))}
                  </ul>
                ),
              },
              { key: 'created', label: '记账时间', children: formatInstant(e.createdAt) },
              { key: 'updated', label: '最后修改', children: formatInstant(e.updatedAt) },
            ]}
          />
          {/* Who booked and who edited it, each edit's amounts and payee before and after (opened on demand). */}
          {can('read:ledger') && (
            <Collapse
              size="small"
              style={{ marginTop: 16 }}
              items={[
                {
                  key: 'history',
                  label: '变更记录',
                  children: <RecordHistory source={expenseHistory(stationId, expenseId)} pageSize={5} />,
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
