import { z } from 'zod';

/** Response of a route that answers 204 with no body (`reply.status(204).send()`). */
export const NO_CONTENT = { 204: z.void().describe('无内容（No Content）') };
