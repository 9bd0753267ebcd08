// 上线准备 (issue #10 §3): while the installation lacks accounts, hosts, stations or next year's policy, the home page
// of the Center and the account administrators lists what is left — each step with why (the article), who does it
// and a link to its page when the viewer may open it. Steps tick themselves off from the data; when all are done
// the card is gone.
import { lazy, Suspense } from 'react';
import { useCan } from '../../lib/session-context';
import { useSetupChecklist } from './api';

const SetupSteps = lazy(() => import('./setup-steps'));

/** Shown only to accounts that may read the checklist, and only while a step is open. */
export function SetupCard() {
  const can = useCan();
  const checklist = useSetupChecklist(can('read:setup-checklist'));
  const c = checklist.data;
  if (!c || c.isComplete) return null;
  // The steps (antd Steps) load only for the few accounts that see them: a host's home on a phone never needs them.
  return (
    <Suspense fallback={null}>
      <SetupSteps checklist={c} />
    </Suspense>
  );
}
