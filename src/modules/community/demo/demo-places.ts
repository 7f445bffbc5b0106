/**
 * Demo places: how the report's 529 stations (69 城市， 460 农村) are spread over Ningxia's 22
 * counties, and township names per county. Township names come from the kernel's sample areas
 * where it has them (兴庆区, 平罗县, 隆德县, with codes); for the other counties they are written from
 * general knowledge (no codes, the station then carries the county code). The spread is the
 * demo's, not an official breakdown: the report gives only the two totals.
 */
export const STATION_SPREAD: Record<string, { urban: number; rural: number }> = {
  '640104': { urban: 12, rural: 8 },
  '640105': { urban: 8, rural: 6 },
  '640106': { urban: 9, rural: 4 },
  '640121': { urban: 0, rural: 22 },
  '640122': { urban: 0, rural: 20 },
  '640181': { urban: 3, rural: 20 },
  '640202': { urban: 8, rural: 3 },
  '640205': { urban: 6, rural: 12 },
  '640221': { urban: 0, rural: 30 },
  '640302': { urban: 6, rural: 24 },
  '640303': { urban: 2, rural: 16 },
  '640323': { urban: 0, rural: 22 },
  '640324': { urban: 0, rural: 28 },
  '640381': { urban: 3, rural: 22 },
  '640402': { urban: 6, rural: 30 },
  '640422': { urban: 0, rural: 34 },
  '640423': { urban: 0, rural: 24 },
  '640424': { urban: 0, rural: 14 },
  '640425': { urban: 0, rural: 24 },
  '640502': { urban: 6, rural: 26 },
  '640521': { urban: 0, rural: 26 },
  '640522': { urban: 0, rural: 45 },
};

/** Streets (街道) for urban stations and towns/townships for rural ones, by county (no codes). */
export const TOWNSHIPS: Record<string, { streets: string[]; towns: string[] }> = {
  '640105': { streets: ['朔方路街道', '北京西路街道', '文昌路街道', '贺兰山西路街道', '宁华路街道'], towns: ['兴泾镇', '镇北堡镇'] },
  '640106': { streets: ['满城北街街道', '黄河东路街道', '长城中路街道', '北京中路街道', '上海西路街道'], towns: ['良田镇', '丰登镇'] },
  '640121': { streets: [], towns: ['杨和镇', '李俊镇', '望远镇', '望洪镇', '闽宁镇', '胜利乡'] },
  '640122': { streets: [], towns: ['习岗镇', '金贵镇', '立岗镇', '洪广镇', '常信乡'] },
  '640181': { streets: ['城区街道'], towns: ['东塔镇', '郝家桥镇', '崇兴镇', '马家滩镇', '临河镇', '梧桐树乡', '白土岗乡'] },
  '640202': { streets: ['长胜街道', '朝阳街道', '人民路街道', '长城街道', '青山街道', '石嘴山街道'], towns: ['星海镇'] },
  '640205': {
    streets: ['北街街道', '南街街道', '中街街道', '育才路街道', '河滨街街道'],
    towns: ['红果子镇', '尾闸镇', '园艺镇', '庙台乡', '礼和乡', '燕子墩乡'],
  },
  '640302': { streets: ['胜利街道', '古城街道'], towns: ['金积镇', '金银滩镇', '高闸镇', '扁担沟镇', '上桥镇', '郭家桥乡', '马莲渠乡', '东塔寺乡', '板桥乡'] },
  '640303': { streets: ['新民街道'], towns: ['红寺堡镇', '太阳山镇', '大河乡', '新庄集乡', '柳泉乡', '南川乡'] },
  '640323': { streets: [], towns: ['花马池镇', '大水坑镇', '惠安堡镇', '高沙窝镇', '王乐井乡', '冯记沟乡', '青山乡', '麻黄山乡'] },
  '640324': { streets: [], towns: ['豫海镇', '河西镇', '丁塘镇', '韦州镇', '下马关镇', '预旺镇', '王团镇', '兴隆乡', '田老庄乡', '马高庄乡', '张家塬乡'] },
  '640381': { streets: ['裕民街道'], towns: ['小坝镇', '大坝镇', '青铜峡镇', '叶盛镇', '瞿靖镇', '峡口镇', '邵岗镇', '陈袁滩镇'] },
  '640402': {
    streets: ['南关街道', '北塬街道', '古雁街道'],
    towns: ['三营镇', '官厅镇', '开城镇', '张易镇', '彭堡镇', '头营镇', '黄铎堡镇', '中河乡', '河川乡', '炭山乡', '寨科乡'],
  },
  '640422': {
    streets: [],
    towns: [
      '吉强镇',
      '兴隆镇',
      '平峰镇',
      '将台堡镇',
      '新营乡',
      '红耀乡',
      '田坪乡',
      '马建乡',
      '震湖乡',
      '兴平乡',
      '西滩乡',
      '王民乡',
      '什字乡',
      '硝河乡',
      '偏城乡',
      '沙沟乡',
    ],
  },
  '640424': { streets: [], towns: ['香水镇', '泾河源镇', '六盘山镇', '新民乡', '兴盛乡', '黄花乡', '大湾乡'] },
  '640425': { streets: [], towns: ['白阳镇', '王洼镇', '古城镇', '红河镇', '新集乡', '城阳乡', '孟塬乡', '罗洼乡', '交岔乡', '草庙乡', '小岔乡', '冯庄乡'] },
  '640502': { streets: ['滨河镇', '文昌镇'], towns: ['东园镇', '柔远镇', '镇罗镇', '宣和镇', '永康镇', '常乐镇', '迎水桥镇', '兴仁镇', '香山乡'] },
  '640521': { streets: [], towns: ['宁安镇', '鸣沙镇', '石空镇', '新堡镇', '恩和镇', '大战场镇', '舟塔乡', '白马乡', '余丁乡', '喊叫水乡', '徐套乡'] },
  '640522': {
    streets: [],
    towns: [
      '海城镇',
      '李旺镇',
      '西安镇',
      '三河镇',
      '七营镇',
      '史店乡',
      '树台乡',
      '关桥乡',
      '贾塘乡',
      '郑旗乡',
      '红羊乡',
      '九彩乡',
      '甘城乡',
      '曹洼乡',
      '关庄乡',
    ],
  },
};

/** Invented community and village names (the demo's, no real community is meant). */
export const COMMUNITY_NAMES = [
  '丽景',
  '民乐',
  '康乐',
  '富康',
  '新华',
  '友爱',
  '和平',
  '幸福',
  '阳光',
  '建设',
  '永康',
  '安居',
  '兴业',
  '文化',
  '长城',
  '朝阳',
  '宝湖',
  '清和',
  '福宁',
  '惠民',
];
export const VILLAGE_NAMES = [
  '东庄',
  '西庄',
  '南塬',
  '北山',
  '红旗',
  '新庄',
  '杨家',
  '马家',
  '李家',
  '高台',
  '沙湾',
  '河滩',
  '团结',
  '光明',
  '联合',
  '前进',
  '永丰',
  '张湾',
  '上寨',
  '下河',
];
/** The service brands the seed report names (“一心五乐”“五微服务”“三事分流”…). */
export const BRANDS = ['一心五乐', '五微服务', '三事分流', '周末之星', '四点半校园', '微心愿', '微电影明星'];
export const URBAN_SERVICES = ['社会救助受理', '养老服务', '就业社保咨询', '便民代办', '矛盾调解', '志愿服务', '文体活动', '儿童之家', '居民议事'];
export const RURAL_SERVICES = ['社会救助受理', '高龄津贴申报', '农村养老互助', '便民代办', '矛盾调解', '农技信息', '文体活动', '留守儿童关爱', '村务公开'];
export const HOURS = ['周一至周五 8:30—12:00，14:30—18:00；周末轮流值班', '周一至周日 9:00—17:00（节假日轮流值班）', '周一至周六 8:30—17:30'];
