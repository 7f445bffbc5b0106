/** Messages of the 低保 steps of issue 10 (C2): 公布, 近亲属备案. */
export const zh = {
  'dibao.nav.publications': '低保公布',
  'dibao.pub.title': '公布',
  'dibao.pub.hint': '确认同意后,在申请人所在村(社区)公布(《社会救助暂行办法》第十一条(三))。公布名单只显示姓氏(名字遮蔽)、家庭人口和月保障金。',
  'dibao.pub.listTitle': '低保公布记录',
  'dibao.pub.listDesc': '本辖区确认同意后已公布的低保家庭:公布日期、方式、地点,以及公布名单上的内容(姓名遮蔽)。门户网站按村(社区)公开在保家庭的公布名单。',
  'dibao.pub.date': '公布日期',
  'dibao.pub.channel': '公布方式',
  'dibao.pub.place': '公布地点',
  'dibao.pub.name': '户主(遮蔽)',
  'dibao.pub.size': '家庭人口',
  'dibao.pub.insured': '保障人数',
  'dibao.pub.amount': '月保障金(元)',
  'dibao.pub.submit': '登记公布',
};
export const en: Record<keyof typeof zh, string> = {
  'dibao.nav.publications': 'Published households',
  'dibao.pub.title': 'Publication',
  'dibao.pub.hint':
    'After approval, the household is published in its village or community (Interim Measures on Social Assistance, art. 11(3)). The list shows the surname only, the household size and the monthly amount.',
  'dibao.pub.listTitle': 'Published dibao households',
  'dibao.pub.listDesc':
    'Approved households in your area that have been published: date, channel and place, and what the list showed (names masked). The portal shows the list of households still receiving the allowance per village.',
  'dibao.pub.date': 'Published on',
  'dibao.pub.channel': 'Channel',
  'dibao.pub.place': 'Place',
  'dibao.pub.name': 'Head (masked)',
  'dibao.pub.size': 'Household size',
  'dibao.pub.insured': 'Insured persons',
  'dibao.pub.amount': 'Monthly amount (yuan)',
  'dibao.pub.submit': 'Record publication',
};
