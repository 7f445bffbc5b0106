/**
 * What other modules may use of 政务公开 (the only file they may import): the case types, the
 * 第二十条 categories and `publishFromModule` — put an item in the 主动公开 catalogue from the calling
 * module's own approved act, without retyping it (see README.md「给其他模块」).
 */
export { CATEGORIES, ITEM_TYPE, REQUEST_TYPE } from './contracts/labels.ts';
export { publishFromModule } from './items/create-item.ts';
