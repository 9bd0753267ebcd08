import { useMutation, useQueryClient } from '@tanstack/react-query';
import { organizationsApi } from '../../../shared/api/organizations';
import type { OrganizationInput } from '../../../shared/schemas/organization';
import { call, urlOf } from '../../lib/api';
import type { OrganizationFilters } from '../../lib/organizations';

/** The Excel export of the list as filtered. */
export const organizationsExportUrl = (f: OrganizationFilters) =>
  urlOf(organizationsApi.export, {
    query: { q: f.q, kind: f.kind, hostKind: f.hostKind, districtCode: f.districtCode, sort: f.sort },
  });

export type OrganizationSave = OrganizationInput & { isActive?: boolean };

export function useSaveOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { id: string; version: number; values: OrganizationSave } | { id?: undefined; values: OrganizationSave },
    ) =>
      v.id !== undefined
        ? call(organizationsApi.update, { params: { id: v.id }, body: { ...v.values, version: v.version } })
        : call(organizationsApi.create, { body: v.values }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['organizations'] });
      qc.invalidateQueries({ queryKey: ['stations'] });
    },
  });
}
