// The filters behind the links of 待补事项 (src/domain/gaps), read from the address (?missingEvidence=photo,
// ?outsidePeriod=true, ?belowMinWords=summary), so a link from the home page opens the list of exactly the records
// concerned; shown as a tag with 清除, which drops them from the address.
import { Button, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { isPeriodRecordKind } from '../../../domain/gaps/gaps';
import { EVIDENCE_KINDS, type EvidenceKind, REPORT_KINDS, type ReportKind } from '../../../domain/ledger/codes';
import { EVIDENCE_KIND_LABELS, REPORT_KIND_LABELS } from '../../../shared/labels';
import type { RecordKind } from '../../../shared/schemas/ledger-records';
import type { GapListFilters } from '../../lib/ledger-records';

const KEYS = ['missingEvidence', 'outsidePeriod', 'belowMinWords'] as const;

/** The address's gap filter for a kind (a value the server would refuse for it is ignored) and its words. */
export function gapFilterOf(
  params: URLSearchParams,
  kind: RecordKind,
): { filter: GapListFilters; label: string | null } {
  const evidence = params.get('missingEvidence');
  if (kind === 'events' && EVIDENCE_KINDS.includes(evidence as EvidenceKind)) {
    const k = evidence as EvidenceKind;
    return { filter: { missingEvidence: k }, label: `缺少${EVIDENCE_KIND_LABELS[k]}的活动（第十三条）` };
  }
  const words = params.get('belowMinWords');
  if (kind === 'reports' && (words === 'true' || REPORT_KINDS.includes(words as ReportKind))) {
    const k = words as ReportKind | 'true';
    return {
      filter: { belowMinWords: k },
      label: `字数不足的${k === 'true' ? '报告' : REPORT_KIND_LABELS[k]}`,
    };
  }
  if (isPeriodRecordKind(kind) && params.get('outsidePeriod') === 'true') {
    return { filter: { outsidePeriod: 'true' }, label: '日期不在项目期内、不计入考核指标的记录（第七条、第八条）' };
  }
  return { filter: {}, label: null };
}

export function useGapFilter(kind: RecordKind) {
  const [params, setParams] = useSearchParams();
  const { filter, label } = gapFilterOf(params, kind);
  const clear = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const k of KEYS) next.delete(k);
      return next;
    });
  return { filter, label, clear };
}

/** The active gap filter as a closable tag: 清除 returns to the whole list. */
export function GapFilterTag({ label, onClear }: { label: string; onClear: () => void }) {
  return (
    <Tag color="orange" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginInlineEnd: 0 }}>
      仅显示：{label}
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClear}>
        清除
      </Button>
    </Tag>
  );
}
