/** 信访事项: Simplified Chinese messages of this module (keys start with 'petitions.'). */
export const zh = {} as const;

/** English; every key of zh must be here (the type says so). */
export const en: Record<keyof typeof zh, string> = {};
