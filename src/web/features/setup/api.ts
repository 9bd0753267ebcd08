import { useQuery } from '@tanstack/react-query';
import { setupApi } from '../../../shared/api/setup';
import type { SetupChecklistDto } from '../../../shared/schemas/setup';
import { call } from '../../lib/api';

export type SetupChecklist = SetupChecklistDto;

/** The 上线准备清单 (needs read:setup-checklist). */
export function useSetupChecklist(enabled: boolean) {
  return useQuery({
    queryKey: ['setup-checklist'],
    queryFn: () => call(setupApi.checklist, {}, { quiet: true }),
    enabled,
    staleTime: 30_000,
  });
}
