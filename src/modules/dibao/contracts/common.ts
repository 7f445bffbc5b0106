import { z } from 'zod';

/** Wire primitives shared by the 低保 contracts. */
export const Ts = z.string().describe('ISO 8601 timestamp');
export const Day = z.string().describe('YYYY-MM-DD');
export const Authority = z.enum(['county', 'township']);
export const HouseholdKind = z.enum(['urban', 'rural']);
export const ClockState = z.enum(['running', 'paused', 'due_soon', 'overdue']);
export const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });
/** A step that answers nothing but success. */
export const Ok = z.object({ ok: z.literal(true) });
