/** 低保办理: Simplified Chinese messages of this module (keys start with 'dibao.'). */
export const zh = {} as const;

/** English; every key of zh must be here (the type says so). */
export const en: Record<keyof typeof zh, string> = {};
