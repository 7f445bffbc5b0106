import { describe, expect, it } from 'vitest';
import { inspectionRequired, inspectionYearProblem, registrarDeadline, supervisorDeadline } from './inspection-rules.ts';

const org = { registeredOn: '2019-06-30', status: 'normal' as const, statusOn: null };

describe('年检 rules', () => {
  it('skips an organization registered less than six months before year end', () => {
    expect(inspectionRequired(org, 2019)).toBe(true);
    expect(inspectionRequired({ ...org, registeredOn: '2019-07-01' }, 2019)).toBe(false);
    expect(inspectionRequired({ ...org, registeredOn: '2019-07-01' }, 2020)).toBe(true);
    expect(inspectionYearProblem({ ...org, registeredOn: '2019-07-01' }, 2019, '2020-04-01')).toContain('不满6个月');
  });
  it('an organization ended before year end is not inspected for that year; the current year cannot be inspected', () => {
    expect(inspectionRequired({ ...org, status: 'deregistered', statusOn: '2020-10-01' }, 2020)).toBe(false);
    expect(inspectionRequired({ ...org, status: 'deregistered', statusOn: '2021-02-01' }, 2020)).toBe(true);
    expect(inspectionYearProblem(org, 2020, '2020-12-31')).toContain('尚未结束');
  });
  it('deadlines per kind', () => {
    expect(registrarDeadline('social_group', 2019)).toBe('2020-05-31');
    expect(supervisorDeadline('social_service', 2019)).toBe('2020-03-31');
    expect(registrarDeadline('foundation', 2019)).toBe('2020-03-31');
    expect(supervisorDeadline('foundation', 2019)).toBeNull();
  });
});
