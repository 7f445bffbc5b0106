/**
 * 信访处理意见书 templates (支持 / 解释说明 / 不予支持) for the 拟办意见, 复查意见 and 复核意见 steps.
 * Facts the case knows (petitioner, date, channel, matter, reference, office) are filled in;
 * what only the handler knows stays as 【…】 and must be replaced before submitting.
 */
export type OpinionKind = '支持' | '解释说明' | '不予支持';
export type OpinionStage = 'draft' | 'conclude_review' | 'conclude_recheck';
export type TemplateFacts = {
  petitioner: string | null;
  /** Registration date, YYYY-MM-DD. */
  date: string;
  channel: string;
  matter: string;
  refNo: string;
  org: string | null;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** The level above the holding unit (who takes a 复查 / 复核), when the platform knows it. */
  above?: string | null;
};

export const PLACEHOLDER = /【[^】]*】/;

/** 2026-03-02 → 2026年3月2日 */
export const chineseDate = (ymd: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd;
};

const HOW: Record<string, string> = { 来信: '来信', 来访: '来访', 网上信访: '网上信访', 电话: '电话', 上级转来: '上级机关转送' };

const TITLES: Record<OpinionStage, string> = { draft: '信访事项处理意见书', conclude_review: '信访事项复查意见书', conclude_recheck: '信访事项复核意见书' };

function closing(stage: OpinionStage, above: string | null | undefined): string {
  if (stage === 'draft') return `如对本处理意见不服，可以自收到本意见书之日起 30 日内，向${above || '【上一级行政机关名称】'}请求复查。`;
  if (stage === 'conclude_review') return `如对本复查意见不服，可以自收到本意见书之日起 30 日内，向${above || '【复查机关的上一级行政机关名称】'}请求复核。`;
  return '本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出信访请求的，各级机关不再受理。';
}

function body(kind: OpinionKind): string {
  if (kind === '支持') {
    return '经调查核实：【调查核实的事实】。\n\n根据【政策法规依据】的规定，你反映的问题属实，诉求合理，本机关予以支持。处理意见如下：【具体处理措施及落实时限】。';
  }
  if (kind === '解释说明') {
    return '经调查核实：【调查核实的事实】。\n\n现将有关政策解释说明如下：【相关政策规定及解释】。你反映的问题【已按政策办理或不属于政策支持范围的说明】，请予理解。';
  }
  return '经调查核实：【调查核实的事实】。\n\n根据【政策法规依据】的规定，你提出的【诉求内容】的请求缺乏事实和政策依据，本机关不予支持。理由如下：【不予支持的理由】。';
}

export function opinionTemplate(kind: OpinionKind, stage: OpinionStage, f: TemplateFacts): string {
  const who = f.petitioner?.trim() || '【信访人姓名】';
  const what = stage === 'draft' ? '' : stage === 'conclude_review' ? '对原处理意见不服请求复查，' : '对复查意见不服请求复核，';
  const opening = `${who}：\n\n你于${chineseDate(f.date)}通过${HOW[f.channel] ?? f.channel}反映的“${f.matter}”一事（编号 ${f.refNo}），${what}本机关已依法受理。`;
  return [TITLES[stage], opening, body(kind), closing(stage, f.above), `${f.org?.trim() || '【机关名称】'}\n${chineseDate(f.today)}`].join('\n\n');
}
