import dayjs from 'dayjs';

export const formatDateTime = (v: string | Date | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '—');
export const formatDate = (v: string | Date | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');
