import { describe, expect, it } from 'vitest';
import { actorLabel } from '../../web/staff/modules/audit/audit-labels.ts';

describe('audit log 操作人', () => {
  it('shows the stored 「姓名(账号)」 with full-width parentheses, leaving names without an account alone', () => {
    expect(actorLabel('马建国(admin)')).toBe('马建国（admin）');
    expect(actorLabel('张三(李)(zs01)')).toBe('张三(李)（zs01）');
    expect(actorLabel('系统')).toBe('系统');
    expect(actorLabel(null)).toBe('—');
  });
});
