import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api } from '../../shared/api.ts';

/**
 * Before a move whose next step is an approval (拟办): where the approval will go. A unit with
 * nobody to approve is warned (送上一级, or nobody at all); a 代管 is named. Silent otherwise.
 */
export function ApprovalRouteNote({ caseId, transition }: { caseId: string; transition: string }) {
  const { data } = useQuery({ queryKey: ['case', caseId, 'approval-routes'], queryFn: () => api.caseApprovalRoutes(caseId), staleTime: 0 });
  const route = data?.items.find((r) => r.transition === transition);
  if (!route || route.kind === 'unit') return null;
  return (
    <Alert
      type={route.kind === 'none' ? 'error' : 'warning'}
      showIcon
      title={route.message}
      className="mz-modal-note"
      data-testid="approval-route"
      role={route.kind === 'none' ? 'alert' : undefined}
    />
  );
}
