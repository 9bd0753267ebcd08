import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationDto } from '../../../server/features/organizations/organizations.service';
import type { Page } from '../../../server/http/paging';
import type { OrganizationInput } from '../../../shared/schemas/organization';
import { api, qs } from '../../lib/api';

export type Organization = OrganizationDto;

export interface OrganizationFilters {
  q?: string;
  kind?: string;
  hostKind?: string;
  districtCode?: string;
}

export const orgQueryString = (f: OrganizationFilters, page?: { page: number; pageSize: number }) =>
  qs({ q: f.q, kind: f.kind, hostKind: f.hostKind, districtCode: f.districtCode, ...page });

export function useOrganizations(f: OrganizationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['organizations', f, page],
    queryFn: () => api.get<Page<Organization>>(`/api/v1/organizations${orgQueryString(f, page)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type OrganizationSave = OrganizationInput & { isActive?: boolean };

export function useSaveOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; version?: number; values: OrganizationSave }) =>
      v.id
        ? api.put<Organization>(`/api/v1/organizations/${encodeURIComponent(v.id)}`, {
            ...v.values,
            version: v.version,
          })
        : api.post<Organization>('/api/v1/organizations', v.values),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['organizations'] });
      qc.invalidateQueries({ queryKey: ['stations'] });
    },
  });
}
