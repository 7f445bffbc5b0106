import dayjs from 'dayjs';

export const formatDateTime = (v: string | Date | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');
export const formatDate = (v: string | Date | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');
/** A day as 公文 write it: 2019-01-01 → 2019年1月1日 (the documents' dateLine). */
export const officialDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
