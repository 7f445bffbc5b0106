/** The clock commands in one import, for the workflow layer (each lives in its own file). */
export { startClock, type StartClockInput } from './start-clock.ts';
export { stopClock } from './stop-clock.ts';
export { suspendClock, type SuspendClockInput } from './suspend-clock.ts';
export { resumeClock } from './resume-clock.ts';
export { extendClock, type ExtendClockInput } from './extend-clock.ts';
export { restartClock, type RestartClockInput } from './restart-clock.ts';
export { getClocks } from './get-clocks.ts';
export { recomputeOpenClocks, registerClockRecompute, type OnDueChanged } from './recompute-open-clocks.ts';
