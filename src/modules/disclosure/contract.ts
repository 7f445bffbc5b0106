/**
 * What other modules may use of 政务公开 (the only file they may import): the case types and the
 * 第二十条 categories. Items other modules produce come in through their events (items/feeds.ts),
 * not by calling this module.
 */
export { CATEGORIES, ITEM_TYPE, REQUEST_TYPE } from './contracts/labels.ts';
