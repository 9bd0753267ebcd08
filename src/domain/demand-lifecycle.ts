import type { DemandStatus } from './ledger/codes';

// 第七条 asks stations to collect enterprises' demands and dock them with experts, universities and achievements.
// A demand moves collected → matched → docked → resolved; it may be closed at any stage. Each step is dated.

export interface DemandSteps {
  status: DemandStatus;
  collectedOn: string;
  matchedKind?: string | null;
  matchedTo?: string | null;
  matchedOn?: string | null;
  dockedOn?: string | null;
  resolvedOn?: string | null;
  closedOn?: string | null;
}

const ORDER: DemandStatus[] = ['collected', 'matched', 'docked', 'resolved'];

/** Problems with a demand's steps, as `{ path, message }` for the form; empty when the steps are consistent. */
export function demandStepIssues(d: DemandSteps): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const reached = d.status === 'closed' ? -1 : ORDER.indexOf(d.status);
  const need = (cond: boolean, path: keyof DemandSteps, message: string) => {
    if (cond) out.push({ path, message });
  };
  need(reached >= 1 && !d.matchedOn, 'matchedOn', '已匹配的需求须填写匹配日期');
  need(reached >= 1 && !d.matchedTo?.trim(), 'matchedTo', '已匹配的需求须填写匹配对象（专家、高校或成果）');
  need(reached >= 1 && !d.matchedKind, 'matchedKind', '请选择匹配对象类型');
  need(reached >= 2 && !d.dockedOn, 'dockedOn', '已对接的需求须填写对接日期');
  need(reached >= 3 && !d.resolvedOn, 'resolvedOn', '已解决的需求须填写解决日期');
  need(d.status === 'closed' && !d.closedOn, 'closedOn', '已关闭的需求须填写关闭日期');
  // Later steps may not be dated before earlier ones.
  const chain: Array<[keyof DemandSteps, string]> = [
    ['collectedOn', '征集日期'],
    ['matchedOn', '匹配日期'],
    ['dockedOn', '对接日期'],
    ['resolvedOn', '解决日期'],
  ];
  let last: [string, string] | null = null;
  for (const [key, name] of chain) {
    const v = d[key] as string | null | undefined;
    if (!v) continue;
    if (last && v < last[0]) out.push({ path: key, message: `${name}不能早于${last[1]}` });
    last = [v, name];
  }
  if (d.closedOn && d.closedOn < d.collectedOn) out.push({ path: 'closedOn', message: '关闭日期不能早于征集日期' });
  return out;
}
