import type { SetupChecklistDto } from '../shared/schemas/setup';

// The 上线准备 checklist in a terminal (issue #10 §3): the same steps and wording as the web's card.

const PAGE_NAMES: Record<string, string> = {
  '/users': '账户',
  '/organizations/import': '组织 → 批量导入',
  '/stations': '工作站点',
  '/program-years': '项目年度',
};

export function setupChecklistLines(c: SetupChecklistDto): string[] {
  const lines = [`上线准备（${c.today}）：已完成 ${c.doneCount}/${c.total}`];
  for (const [i, s] of c.steps.entries()) {
    lines.push(`  ${s.done ? '✓' : '○'} ${i + 1}. ${s.title}：${s.detail}`);
    for (const item of s.items) {
      lines.push(
        `       ${item.done ? '✓' : '○'} ${item.label}（${item.count} 个）${item.done ? '' : `：${item.hint}`}`,
      );
    }
    if (!s.done) {
      const page = PAGE_NAMES[s.link] ?? s.link;
      lines.push(`       由${s.whoLabel}在网页“${page}”完成${s.article ? `（${s.article}）` : ''}`);
    }
  }
  if (c.isComplete) lines.push('全部完成：可以开始年度工作。');
  return lines;
}
