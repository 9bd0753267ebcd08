// Organisations as the pages that list or pick them read them; changing one stays with its feature.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { organizationsApi } from '../../shared/api/organizations';
import type { HOST_KIND_CODES, ORGANIZATION_KINDS, OrganizationDto } from '../../shared/schemas/organization';
import { call } from './api';

export type Organization = OrganizationDto;

export interface OrganizationFilters {
  q?: string;
  kind?: (typeof ORGANIZATION_KINDS)[number];
  hostKind?: (typeof HOST_KIND_CODES)[number];
  districtCode?: string;
  /** a key of ORGANIZATION_SORT_KEYS, `-key` descending */
  sort?: string;
}

export function useOrganizations(f: OrganizationFilters, page: { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ['organizations', f, page],
    queryFn: () =>
      call(organizationsApi.list, {
        query: { q: f.q, kind: f.kind, hostKind: f.hostKind, districtCode: f.districtCode, sort: f.sort, ...page },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
