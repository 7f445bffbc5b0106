/** The part of autocannon's API bench/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; setupRequest?: (req: Request, context: object) => Request };
    type Options = { url: string; connections?: number; duration?: number; timeout?: number; requests?: Request[] };
    type Result = { errors: number; timeouts: number; non2xx: number; requests: { total: number } };
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
