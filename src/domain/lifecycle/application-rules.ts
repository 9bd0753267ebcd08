import type { ApplicationForm } from '../../shared/schemas/application';
import { stationTypeForDistrict } from '../policy';
import { EXPENSE_CATEGORIES, type Policy, type StationType } from '../policy/types';

// What a 申报书 must hold before it can be submitted (第十条) and who may apply for what (第三条, 第六条). Pure: the
// service gathers the facts. Every gap names the form field (`path`) so the page can point at it, and the article.

export interface Gap {
  path: string;
  message: string;
}

export interface GapFacts {
  policy: Policy;
  form: ApplicationForm;
  /** the types the call offers this year */
  callTypes: readonly StationType[];
  /** the documents the call requires, as file purposes */
  requiredDocuments: readonly string[];
  /** the purposes of the files attached */
  attached: readonly string[];
  host: { name: string; hostKind: string | null; isActive: boolean };
  /** a station of the same district and year already exists, or another application of the district is recommended */
  districtTaken: string | null;
}

export const DOCUMENT_LABELS: Record<string, string> = {
  application_form: '项目申报书（盖章扫描件）',
  work_plan: '工作方案',
  other: '其他材料',
};

const MIN_RESOURCES = 20;
const MIN_PLAN = 50;

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

export function budgetTotalFen(budget: ApplicationForm['budgetFen']): number {
  return EXPENSE_CATEGORIES.reduce((s, c) => s + (budget?.[c] ?? 0), 0);
}

/** Every gap of the form against the year's rules; empty when the application may be submitted. */
export function applicationGaps(f: GapFacts): Gap[] {
  const { policy, form } = f;
  const gaps: Gap[] = [];
  const need = (value: string | undefined | null, path: string, label: string) => {
    if (!value?.trim()) gaps.push({ path, message: `请填写${label}` });
  };

  need(form.stationName, 'stationName', '站点名称');
  const type = form.stationType;
  if (!type) {
    gaps.push({ path: 'stationType', message: '请选择申报的站点类型' });
  } else if (!f.callTypes.includes(type)) {
    gaps.push({ path: 'stationType', message: `本年度申报通知不受理${policy.stationTypes[type].name}（第三条）` });
  }
  const typePolicy = type ? policy.stationTypes[type] : undefined;

  // 第三条: a district station's type is its district's class; an IUR station belongs to no district.
  if (type && type !== 'iur') {
    if (!form.districtCode) {
      gaps.push({ path: 'districtCode', message: '区工作站点须选择所在区（第三条）' });
    } else {
      const cls = stationTypeForDistrict(policy, form.districtCode);
      if (!cls) gaps.push({ path: 'districtCode', message: `区代码 ${form.districtCode} 不在本年度的区名单中` });
      else if (cls !== type)
        gaps.push({
          path: 'stationType',
          message: `所选区属于${policy.stationTypes[cls].name}，站点类型须与区的类别一致（第三条）`,
        });
      else if (f.districtTaken)
        gaps.push({
          path: 'districtCode',
          message: `该区本年度已有“${f.districtTaken}”，每区只设一个区工作站点（第六条）`,
        });
    }
  } else if (type === 'iur' && form.districtCode) {
    gaps.push({ path: 'districtCode', message: '产学研合作站点不按区设立，请不要选择区（第三条）' });
  }

  // 第六条: who may host.
  if (!f.host.isActive) gaps.push({ path: 'host', message: `“${f.host.name}”已停用，不能申报` });
  if (typePolicy) {
    if (!f.host.hostKind || !(typePolicy.hostKinds as string[]).includes(f.host.hostKind)) {
      gaps.push({
        path: 'host',
        message: `“${f.host.name}”的单位类型不能承担${typePolicy.name}（${typePolicy.hostArticle}）`,
      });
    }
  }
  if (f.host.hostKind === 'public_institution') {
    if (!form.publicInstitutionClass) {
      gaps.push({ path: 'publicInstitutionClass', message: '事业单位请选择单位类别（第六条）' });
    } else if (form.publicInstitutionClass === 'welfare_1') {
      gaps.push({ path: 'publicInstitutionClass', message: '公益一类事业单位不能作为依托单位（第六条）' });
    }
  }
  if (f.host.hostKind === 'university_association' && form.hasOwnAssociation !== true) {
    gaps.push({ path: 'hasOwnAssociation', message: '高校、科研院所须设有本单位科协方可申报（第六条）' });
  }

  need(form.leaderName, 'leaderName', '负责人姓名');
  need(form.leaderPhone, 'leaderPhone', '负责人电话');
  need(form.contactName, 'contactName', '联系人姓名');
  need(form.contactPhone, 'contactPhone', '联系人电话');
  if ((form.resources ?? '').trim().length < MIN_RESOURCES)
    gaps.push({ path: 'resources', message: `请填写资源条件（至少 ${MIN_RESOURCES} 字）` });

  // The work plan's targets may never be below the year's (第七条, 第八条).
  if (type) {
    for (const k of policy.kpis[type] ?? []) {
      const t = form.targets?.[k.id];
      if (t === undefined) gaps.push({ path: `targets.${k.id}`, message: `请填写目标：${k.name}（${k.article}）` });
      else if (t < k.target)
        gaps.push({
          path: `targets.${k.id}`,
          message: `目标“${k.name}”不能低于年度目标 ${k.measure === 'share' ? `${k.target * 100}%` : `${k.target}${k.unit}`}（${k.article}）`,
        });
    }
  }
  if ((form.activityPlan ?? '').trim().length < MIN_PLAN)
    gaps.push({ path: 'activityPlan', message: `请填写活动计划（至少 ${MIN_PLAN} 字）` });
  if (!form.schedule?.length) gaps.push({ path: 'schedule', message: '请至少填写一项进度安排' });

  // The budget by the five categories (第十六条) adds up to the type's fixed funding (第十五条).
  const missing = EXPENSE_CATEGORIES.filter((c) => form.budgetFen?.[c] === undefined);
  if (missing.length) {
    const names = missing.map((c) => policy.expenseCategories.find((x) => x.code === c)?.name ?? c);
    gaps.push({ path: 'budgetFen', message: `请填写各类预算：${names.join('、')}（没有的填 0）（第十六条）` });
  } else if (typePolicy) {
    const total = budgetTotalFen(form.budgetFen);
    if (total !== typePolicy.fundingFen)
      gaps.push({
        path: 'budgetFen',
        message: `预算合计 ${formatFen(total)}，应等于${typePolicy.name}资助额度 ${formatFen(typePolicy.fundingFen)}（${typePolicy.fundingArticle}）`,
      });
  }
  if ((form.matchingFundsFen ?? 0) > 0 && !(form.matchingFundsSource ?? '').trim())
    gaps.push({ path: 'matchingFundsSource', message: '有配套经费的，请填写配套经费来源（第十四条）' });

  for (const doc of f.requiredDocuments) {
    if (!f.attached.includes(doc))
      gaps.push({ path: `files.${doc}`, message: `请上传${DOCUMENT_LABELS[doc] ?? doc}（申报通知要求）` });
  }
  return gaps;
}
