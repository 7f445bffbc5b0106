/** The columns of the station registry file (服务站登记表), in order. */
export const STATION_COLUMNS = [
  '名称',
  '类别',
  '行政区划代码',
  '乡镇（街道）',
  '社区（村）',
  '地址',
  '经度',
  '纬度',
  '面积（平方米）',
  '工作人员',
  '开放时间',
  '服务项目',
  '服务品牌',
  '建成日期',
] as const;
