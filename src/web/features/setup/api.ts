import { useQuery } from '@tanstack/react-query';
import type { SetupChecklistDto } from '../../../shared/schemas/setup';
import { api } from '../../lib/api';

export type SetupChecklist = SetupChecklistDto;

/** The 上线准备清单 (needs read:setup-checklist). */
export function useSetupChecklist(enabled: boolean) {
  return useQuery({
    queryKey: ['setup-checklist'],
    queryFn: () => api.get<SetupChecklist>('/api/v1/setup/checklist', { quiet: true }),
    enabled,
    staleTime: 30_000,
  });
}
