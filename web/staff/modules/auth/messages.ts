/**
 * What the sign-in page says, apart from the console's dictionaries: the page loads before (and
 * without) the console, so it carries only these. The console's dictionaries include them
 * (i18n/zh-CN.ts, en-US.ts), so the header and footer say the same.
 */
export const loginZh = {
  'app.name': '民政法治政务平台',
  'app.org': '宁夏回族自治区民政厅',
  'app.footer': '宁夏回族自治区民政厅 · 民政法治政务平台',
  'lang.switch': '语言',
  'login.title': '用户登录',
  'login.subtitle': '工作人员统一身份认证',
  'login.username': '用户名',
  'login.password': '密码',
  'login.totp': '动态验证码',
  'login.totpHint': '请输入身份验证器应用中显示的 6 位动态验证码',
  'login.submit': '登 录',
  'login.back': '返回',
  'login.expired': '登录已超时，请重新登录。',
  'login.host': '主办单位：宁夏回族自治区民政厅',
  'login.notice': '本系统仅供民政系统工作人员办理公务使用，所有操作均记录审计日志。',
  'login.demoTitle': '演示环境',
  'login.demoText': '数据均为虚构，请勿录入真实个人信息；全部演示账号见部署说明（README）。',
  'login.portal': '公众服务入口',
  'login.slogan': '依法行政 · 规范办理 · 便民高效',
  'login.desc': '信访、低保、政务服务、社会组织、规范性文件、行政执法、政务公开一体化办理平台',
  'login.demoAccounts': '点击账号填入（密码均为 {pw}）：',
  'login.demoRole.admin': '系统管理员',
  'login.demoRole.nx-fgc': '民政厅政策法规处',
  'login.demoRole.yc-mzj': '银川市民政局',
  'login.demoRole.ld-mzj': '隆德县民政局',
  'login.required': '请填写{f}',
  'login.codeRule': '请输入 6 位数字',
} as const;

export type LoginKey = keyof typeof loginZh;

export const loginEn: Record<LoginKey, string> = {
  'app.name': 'Civil Affairs Rule-of-Law Platform',
  'app.org': 'Civil Affairs Department of Ningxia',
  'app.footer': 'Civil Affairs Department of Ningxia Hui Autonomous Region · Minzheng',
  'lang.switch': 'Language',
  'login.title': 'Sign in',
  'login.subtitle': 'Staff identity authentication',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.totp': 'Verification code',
  'login.totpHint': 'Enter the 6-digit code shown in your authenticator app',
  'login.submit': 'Sign in',
  'login.back': 'Back',
  'login.expired': 'Your session timed out. Please sign in again.',
  'login.host': 'Operated by the Civil Affairs Department of Ningxia Hui Autonomous Region',
  'login.notice': 'For official use by civil-affairs staff only. All actions are recorded in the audit log.',
  'login.demoTitle': 'Demo environment',
  'login.demoText': 'Fictitious data: do not enter real personal data. All demo accounts are listed in the README.',
  'login.portal': 'Public services',
  'login.slogan': 'Lawful · Standardised · Efficient',
  'login.desc':
    'One platform for letters and visits (信访), minimum living allowance (低保), government services, social organizations, normative documents, law enforcement and disclosure',
  'login.demoAccounts': 'Click an account to fill it in (password {pw}):',
  'login.demoRole.admin': 'System administrator',
  'login.demoRole.nx-fgc': 'Department, Policy & Regulations',
  'login.demoRole.yc-mzj': 'Yinchuan Civil Affairs Bureau',
  'login.demoRole.ld-mzj': 'Longde County Civil Affairs Bureau',
  'login.required': 'Please enter {f}',
  'login.codeRule': 'Enter 6 digits',
};

/** The business modules, as the menu names them (tests/web/login-page.test.ts keeps them in step). */
export const LOGIN_MODULES = {
  zh: ['信访事项', '低保救助', '社会组织', '建议提案', '规范性文件', '政务服务事项', '政务服务大厅', '政务公开', '城乡社区', '政策问答', '行政执法'],
  en: [
    'Petitions',
    'Dibao assistance',
    'Social organizations',
    'Deputies’ suggestions and CPPCC proposals',
    'Normative documents',
    'Government services',
    'Service hall',
    'Government information',
    'Communities',
    'Policy Q&A',
    'Law enforcement',
  ],
};
