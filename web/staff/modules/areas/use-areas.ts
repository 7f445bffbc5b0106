import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import type { AreaInput } from '../../shared/api-types.ts';
import { AREA_TREE_KEY } from '../../shared/area-tree.ts';

export { useAreaTree } from '../../shared/area-tree.ts';

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: AREA_TREE_KEY.slice(0, 1) });
}

export function useCreateArea() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: AreaInput) => api.createArea(input), onSuccess: invalidate });
}

export function useUpdateArea() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { code: string; name?: string; nameEn?: string | null; active?: boolean }) =>
      api.updateArea(v.code, { name: v.name, nameEn: v.nameEn ?? undefined, active: v.active }),
    onSuccess: invalidate,
  });
}

export function useImportAreas() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { csv: string; sample: boolean }) => api.importAreas(v.csv, v.sample), onSuccess: invalidate });
}
