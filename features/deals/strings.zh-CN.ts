import type { dealsEn } from './strings.en';

/** 简体中文: the deal view; the same keys as strings.en.ts. */
export const dealsZhCN: Record<keyof typeof dealsEn, string> = {
  'deal.title': '商机',
  'deal.amount': '金额',
  'deal.amountUnknown': '页面上没有金额',
  'deal.currencyUnknown': '未显示币种',
  'deal.account': '客户',
  'deal.accountInData': '已在你的数据中',
  'deal.noLink': '此商机页面没有链接到客户记录，Account Lens 无法判断它属于哪个客户。请从商机的“客户”字段打开客户页面查看。',
  'deal.notInData': '{name} 还不在你的数据中。请打开该客户页面添加；之后可在此处标记签约。',
  'deal.unknownAccount': '关联的客户',
  'deal.unreadable': '无法读取此商机页面。请刷新页面后重新打开面板。',
  'deal.signed.mark': '标记签约',
  'deal.signed.hint': '将签约日期设为今天：禁止推销期、上线引导和预期重置都从这一天开始。',
  'deal.signed.on': '签约于 {date}',
  'deal.signed.serverOwned': '此客户来自团队服务器：“标记签约”会在服务器上为整个团队设置签约日期。',
  'deal.signed.unreachable': '无法连接团队服务器，客户未标记为已签约。请联网后重试。',
  'deal.signed.signIn': '已退出团队服务器，客户未标记为已签约：请在选项中重新登录，然后再标记。',
  'deal.signed.refused': '团队服务器未将客户标记为已签约：{reason}',
  'deal.signed.undo': '撤销',
  'deal.draft.started': '已开始交接草稿——',
  'deal.draft.open': '打开',
  'deal.draft.title': '交接',
};
