import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { OrgUnitFilters, OrgUnitInput } from '../../shared/api-types.ts';

const KEY = ['org-units'] as const;

export const ORG_KINDS = ['department', 'division', 'bureau', 'township_office', 'community_committee', 'other'] as const;

export function useOrgUnits(filters: OrgUnitFilters) {
  return useQuery({ queryKey: [...KEY, 'list', filters], queryFn: () => api.orgUnits(filters), placeholderData: keepPreviousData });
}

export function useSaveOrgUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; input: OrgUnitInput & { active?: boolean } }) => {
      if (!v.id) return api.createOrgUnit(v.input);
      const { name, nameEn, kind, parentId, active } = v.input;
      return api.updateOrgUnit(v.id, { name, nameEn: nameEn || undefined, kind, parentId: parentId ?? null, active });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useImportOrgUnits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { csv: string; sample: boolean }) => api.importOrgUnits(v.csv, v.sample),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
