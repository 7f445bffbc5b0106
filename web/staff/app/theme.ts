import type { ThemeConfig } from 'antd';

/** Official blue with a restrained seal-red accent; no gradients. */
export const BRAND = {
  blue: '#1a4d8f',
  navy: '#0f2f5c',
  red: '#a8201a',
  bg: '#f0f2f5',
};

export const FONT_SANS =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";
export const FONT_SERIF = "'Songti SC', 'STSong', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC', serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.blue,
    colorLink: BRAND.blue,
    colorError: '#c4302b',
    borderRadius: 4,
    fontFamily: FONT_SANS,
    colorBgLayout: BRAND.bg,
    // antd's default placeholder grey fails WCAG AA contrast on white.
    colorTextPlaceholder: '#6b7280',
  },
  components: {
    Layout: { headerBg: BRAND.navy, headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: BRAND.bg },
    Menu: {
      itemBorderRadius: 4,
      itemMarginInline: 8,
      itemHeight: 38,
      itemMarginBlock: 2,
      groupTitleColor: '#5f6b7a',
      itemSelectedBg: '#e6eef8',
      itemSelectedColor: BRAND.blue,
      itemActiveBg: '#eef3fa',
    },
    Table: { headerBg: '#f5f7fa' },
    Descriptions: { labelColor: '#5f6b7a' },
    Tree: { nodeSelectedBg: '#e6eef8', nodeHoverBg: '#f2f6fb' },
  },
};
