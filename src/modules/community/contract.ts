/**
 * 城乡社区 (community) module contract: case types, vocabularies and error texts. Stations are
 * 社区综合服务站 (community service stations); duties are items of the 社区工作事项清单 (the
 * community duty list), whose additions go through 依法准入 (admission by law, reviewed by the county).
 */
export const STATION_TYPE = 'community_station';
export const DUTY_TYPE = 'community_duty';

/** 城市社区 / 农村社区: urban (a 街道's 社区) or rural (a 乡镇's 村). */
export const STATION_KINDS = ['urban', 'rural'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export const STATION_KIND_LABEL: Record<StationKind, string> = { urban: '城市社区', rural: '农村社区' };

/**
 * The five aspects of the 2019 《宁夏城市社区服务管理职责事项指导清单》 (seed report: 自我教育、
 * 自我服务、自我管理、协助服务、协助管理, 60 items in all).
 */
export const DUTY_ASPECTS = ['自我教育', '自我服务', '自我管理', '协助服务', '协助管理'] as const;
export type DutyAspect = (typeof DUTY_ASPECTS)[number];

/** The list the 60 demo items come from (seed report, 2019). */
export const DUTY_LIST_TITLE = '宁夏城市社区服务管理职责事项指导清单';
export const LAW_ADMISSION =
  '《中华人民共和国城市居民委员会组织法》第三条、《中华人民共和国村民委员会组织法》第五条（基层政府对社区给予指导、支持和帮助，不得干预依法属于自治范围内的事项）；社区工作事项准入制度';

export const COMMUNITY_ERRORS = {
  STATION_NOT_FOUND: '社区综合服务站不存在',
  DUTY_NOT_FOUND: '社区工作事项不存在',
  AREA_UNKNOWN: (code: string) => `行政区划代码“${code}”不是宁夏的县（市、区）或乡镇（街道）代码`,
  NO_COUNTY_OFFICE: (name: string) => `${name}没有民政部门，不能登记服务站`,
  OUTSIDE_NINGXIA: '坐标不在宁夏回族自治区范围内（经度、纬度请用 WGS-84 十进制度数，例如 106.2309, 38.4872）',
  OUTSIDE_COUNTY: (county: string) => `坐标不在${county}范围内（允许约 1 公里误差）`,
  DUTY_LISTED: (title: string) => `“${title}”已在本地区社区工作事项清单中，无需申请准入`,
  DUTY_PENDING: (title: string) => `“${title}”已有准入申请正在审核`,
  NOT_LISTED: (title: string) => `“${title}”不在本地区社区工作事项清单中：未经准入的事项不得交由社区承担（社区减负），请依法申请准入或交由职能部门办理`,
} as const;
