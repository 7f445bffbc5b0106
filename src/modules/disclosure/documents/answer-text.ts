import { dateLine } from '../../../kernel/documents/index.ts';
import { ANSWER_KINDS, art, type AnswerKind } from '../contracts/labels.ts';
import type { RequestRow } from '../requests/records.ts';

/**
 * The body of the 答复书 for each answer kind (第三十六条 (一)–(七), 第三十七条, 第三十八条,
 * 第三十九条, 第三十条): the standard sentence of the kind, then the office's own text.
 */
export function answerParagraphs(r: RequestRow): string[] {
  const kind = r.answer_kind as AnswerKind;
  const k = ANSWER_KINDS[kind];
  const asked = `本机关于${dateLine(r.received_on)}收到您（单位）提出的政府信息公开申请，申请获取“${r.corrected_text ?? r.content}”。${
    r.corrected_on ? `经补正，本机关于${dateLine(r.corrected_on)}收到补正后的申请。` : ''
  }现答复如下：`;
  const basis = k.article ? `根据${art(k.article)}的规定，` : '';
  const lead: Record<AnswerKind, string> = {
    open: `${basis}您申请的政府信息属于公开范围，本机关予以公开，现以${r.form}方式提供。`,
    already_public: `${basis}您申请的政府信息已经主动公开，获取方式和途径如下。`,
    partial: `${basis}您申请的政府信息中，部分内容可以公开，部分内容不予公开，本机关对可以公开的部分予以提供，并对不予公开的部分说明理由。`,
    secret: `${basis}您申请的政府信息属于国家秘密，本机关不予公开。`,
    forbidden: `${basis}您申请的政府信息属于法律、行政法规禁止公开的信息，本机关不予公开。`,
    safety: `${basis}您申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关不予公开。`,
    third_party: `${basis}您申请的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关不予公开。`,
    internal: `${basis}您申请的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，本机关不予公开。`,
    process: `${basis}您申请的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关不予公开。`,
    enforcement: `${basis}您申请的政府信息属于行政执法案卷信息，本机关不予公开。`,
    query: `${basis}您申请获取的信息属于法律、行政法规对信息的获取有专门规定的事项，请按照有关法律、行政法规的规定办理。`,
    not_held: `${basis}经检索，本机关没有您申请的政府信息，该政府信息不存在。`,
    not_ours: `${basis}您申请的政府信息不属于本机关负责公开。${r.right_body ? `负责公开该政府信息的机关是${r.right_body}，请向其提出申请。` : ''}`,
    must_create: `${basis}您申请的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。`,
    unclear: `${basis}本机关已于${r.correction_asked_on ? dateLine(r.correction_asked_on) : '此前'}一次性告知补正，补正后申请内容仍不明确，本机关无法提供。`,
    petition: `${basis}您提出的申请实为信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理。请通过信访渠道（网上信访、来信、来访）向有权处理的机关提出。`,
    repeat: `${basis}您提出的申请与此前已答复的申请内容相同，属于重复申请，本机关不予重复处理。`,
    publication: `${basis}您要求提供的是公开出版物，本机关不作为政府信息公开申请处理，请通过公开渠道获取。`,
    mass: `${basis}您的申请数量、频次明显超过合理范围，且未说明理由或理由不合理，本机关不予处理。`,
    confirm: `${basis}您要求本机关确认或重新出具已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。`,
    no_correction: `${basis}本机关已于${r.correction_asked_on ? dateLine(r.correction_asked_on) : '此前'}告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    fee_unpaid: `${basis}您逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请。`,
    other: `${basis}现对您的申请作如下处理。`,
  };
  const out = [asked, lead[kind]];
  if (r.disclosed_part) out.push(`予以公开的部分：${r.disclosed_part}`);
  if (r.withheld_part) out.push(`不予公开的部分：${r.withheld_part}`);
  if (r.reasons) out.push(`理由及依据：${r.reasons}`);
  if (r.answer_text) out.push(r.answer_text);
  if (Number(r.fee_yuan) > 0) out.push(`依照${art('第四十二条')}，本次收取信息处理费${Number(r.fee_yuan).toFixed(2)}元。`);
  if (r.consult_opinion) out.push(`本机关已就申请公开的信息书面征求第三方意见，第三方意见：${r.consult_opinion}。`);
  return out;
}

export const REMEDY =
  '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条）。';
