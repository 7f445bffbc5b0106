/** The demo hall: offices (county bureaus over three cities), their window staff and what happened to each application. */
export const DEMO_OFFICES = [
  { org: '640104-mzj', staff: ['李娜', '马强'] },
  { org: '640105-mzj', staff: ['王芳', '杨帆'] },
  { org: '640106-mzj', staff: ['周婷', '金海涛'] },
  { org: '640221-mzj', staff: ['田亮', '高雪'] },
  { org: '640422-mzj', staff: ['苏玉兰', '何磊'] },
  { org: '640423-mzj', staff: ['海燕', '马志刚'] },
] as const;

export type DemoOutcome =
  | 'correcting'
  | 'accepted'
  | 'not_accepted'
  | 'delivered_good'
  | 'delivered_fair'
  | 'delivered_bad_open'
  | 'delivered_bad_rectifying'
  | 'delivered_bad_closed'
  | 'delivered_unrated'
  | 'submitted';

/** Per office, the outcomes of its applications (most finished and rated well; a few 差评 at each stage). */
export const OUTCOMES: readonly DemoOutcome[] = [
  'delivered_good',
  'delivered_good',
  'delivered_fair',
  'delivered_bad_closed',
  'correcting',
  'delivered_good',
  'accepted',
  'delivered_bad_rectifying',
  'not_accepted',
  'delivered_bad_open',
];

export const APPLICANTS = [
  '银川市颐康养老服务中心',
  '宁夏慈善总会',
  '石嘴山市爱心助老协会',
  '固原市六盘山公益基金会',
  '西吉县夕阳红托养中心',
  '隆德县老年人协会',
  '灵武市红十字志愿服务队',
];

/** 社会团体成立登记 in the demo: names the registrar's rules accept (the county's name + a topic no demo organization has). */
export const GROUP_TOPICS = ['剪纸艺术协会', '花儿文化研究会', '广场舞协会', '非遗传承促进会'];
