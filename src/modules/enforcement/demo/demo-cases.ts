/** Demo penalty cases in several counties (dates in the past; filings only — the rest is done in the console). */
const base = (party: string, code: string, act: string, filedOn: string, actDate: string, powerCode: string) => ({
  partyName: party,
  partyKind: 'org' as const,
  partyCode: code,
  actDate,
  discoveredOn: filedOn,
  actDescription: act,
  filedOn,
  filingStandard: '有证据初步证明存在违法事实，属于本机关管辖，在追责时效内',
  powerCode,
});

export const DEMO_CASES = [
  {
    org: '640000-mzt-shzzj',
    filedOn: '2019-05-08',
    assign: true,
    filing: base('宁夏某某行业协会', '51640000MJ0009012C', '违规收取会员单位评比达标费用', '2019-05-08', '2019-03-20', 'MZ-XZCF-003'),
  },
  {
    org: '640000-mzt-shzzj',
    filedOn: '2019-09-17',
    assign: true,
    filing: base('宁夏某某研究会', '51640000MJ00090207', '连续两年未参加年度检查', '2019-09-17', '2019-06-30', 'MZ-XZCF-002'),
  },
  {
    org: '640104-mzj',
    filedOn: '2019-11-05',
    assign: true,
    filing: base('兴庆区某某商会', '51640104MJ00090393', '超出章程规定的业务范围开展培训', '2019-11-05', '2019-10-12', 'MZ-XZCF-001'),
  },
  {
    org: '640423-mzj',
    filedOn: '2026-10-20',
    assign: true,
    filing: base('隆德县某某养老服务中心', '52640423MJ0009047T', '超出章程规定的业务范围经营餐饮', '2026-10-20', '2026-09-30', 'MZ-XZCF-005'),
  },
  {
    org: '640221-mzj',
    filedOn: '2026-11-10',
    assign: false,
    filing: base('平罗县某某文化协会', '51640221MJ0009055H', '自取得登记证书之日起 1 年未开展活动', '2026-11-10', '2026-10-31', 'MZ-XZCF-004'),
  },
  {
    org: '640100-mzj',
    filedOn: '2026-11-24',
    assign: true,
    filing: base('银川市某某联合会', '51640100MJ0009063R', '违反规定接受、使用捐赠', '2026-11-24', '2026-11-02', 'MZ-XZCF-003'),
  },
];
