import { z } from 'zod';
import type { ReportKind } from '../../domain/ledger/codes';
import { endpoint } from './endpoint';

// 报告草稿 (issue #15 §3): a Word draft of a report a station must write, its figures and tables taken from the
// station's ledger, with marked places for the narrative the host writes before uploading the final text.

/** The reports a draft can be made of; 决算报告 has its own generator (第十二条, final-accounts.docx). */
export const DRAFT_KINDS = [
  'summary',
  'demand_analysis',
  'expert_service_mode',
  'regional_development',
  'iur_mode',
] as const satisfies readonly ReportKind[];
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The article of the year-end reports: a 总结报告 is due with them whatever article sets the station's other tasks. */
export const YEAR_END_ARTICLE = '第十二条';

export interface DraftKindOption {
  kind: DraftKind;
  /** the report's name as the policy words it (需求分析报告 …) */
  name: string;
  /** the articles that require it: 第七条 (district), 第八条 (IUR), and 第十二条 for the 总结报告 */
  article: string;
  /** the minimum 字数 the policy asks for, or null when only its presence counts */
  minWords: number | null;
}

interface KpiLike {
  id: string;
  article: string;
  name: string;
  measure: string;
  target: number;
}

/**
 * The reports a station must write, read from its year's KPIs (`report_<kind>`, 第七条 for district stations, 第八条
 * for IUR ones): the server refuses a draft of any other kind and the web offers only these, so both read one rule.
 */
export function draftKindsOf(kpis: readonly KpiLike[]): DraftKindOption[] {
  const out: DraftKindOption[] = [];
  for (const kind of DRAFT_KINDS) {
    const k = kpis.find((x) => x.id === `report_${kind}`);
    if (!k) continue;
    const article =
      kind === 'summary' && k.article !== YEAR_END_ARTICLE ? `${k.article}、${YEAR_END_ARTICLE}` : k.article;
    out.push({ kind, name: k.name, article, minWords: k.measure === 'words' ? k.target : null });
  }
  return out;
}

const tag = '站点台账';

export const reportDraftsApi = {
  draft: endpoint({
    method: 'get',
    path: '/api/v1/stations/{id}/report-drafts/{kind}/draft.docx',
    tag,
    summary: '报告草稿（Word）：由本站点台账生成的考核指标、统计表和图，叙述部分留待填写（第七条、第八条、第十二条）',
    // Inline, so that the web build drops it with the other schemas and the button loads no zod.
    params: z.object({
      id: z.string().min(1).max(64),
      kind: z.enum(DRAFT_KINDS, {
        error: '报告类型应为总结报告、需求分析报告、专家服务企业典型模式报告、区域企业发展报告或产学研工作模式报告之一',
      }),
    }),
    response: 'docx',
  }),
};
