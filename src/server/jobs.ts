import type { AppDeps } from './context';
import { runReminderSweep } from './features/inbox/inbox.service';
import { applyDueAgreementVersions } from './features/projects/change-requests.service';

// In-process scheduled work (issue #4): approved agreement changes take effect on their date (第十一条), and
// reminders are written a configured number of days before each due date. Both are idempotent (keyed rows, applied
// markers), so a restart or a second process does no harm.

export async function runScheduledJobs(deps: AppDeps): Promise<{ applied: number; reminders: number }> {
  const ctx = { ...deps, actor: null, ip: null };
  const applied = await applyDueAgreementVersions(ctx);
  const reminders = await runReminderSweep(deps);
  return { applied, reminders };
}

/** Runs the jobs now and then every `everyMs`; the timer does not keep the process alive. */
export function startScheduledJobs(deps: AppDeps, log: (msg: string, err?: unknown) => void, everyMs = 3_600_000) {
  const run = () =>
    runScheduledJobs(deps).then(
      (r) => {
        if (r.applied) log(`定时任务：${r.applied} 个协议新版本已生效`);
        if (r.reminders) log(`定时任务：新增 ${r.reminders} 条截止前提醒`);
      },
      (err) => log('定时任务失败', err),
    );
  void run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
