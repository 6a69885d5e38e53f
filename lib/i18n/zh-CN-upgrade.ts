import type { enUpgrade } from './en-upgrade';

/** 简体中文: rows an upgrade kept aside. Every key of en-upgrade.ts must be here. */
export const zhCNUpgrade: Record<keyof typeof enUpgrade, string> = {
  'keptAside.title': '升级时单独保留的数据',
  'keptAside.intro': 'Account Lens 更新数据存储方式时，无法原样保留下列数据行。没有任何数据被删除：每一行都按原样保存在这里。可以先导出留底，再丢弃不再需要的行。',
  'keptAside.count_one': '单独保留了 {n} 行',
  'keptAside.count_other': '单独保留了 {n} 行',
  'keptAside.col.reason': '原因',
  'keptAside.col.row': '数据行',
  'keptAside.col.action': '操作',
  'keptAside.reason.unreadable': '不是可读取的客户数据行。',
  'keptAside.reason.record-id': 'CRM 记录 ID 缺失或无法识别，任何 CRM 页面都无法显示它。',
  'keptAside.reason.invalid': '有字段不符合客户数据的要求。',
  'keptAside.reason.merged': '与“{into}”是同一条 CRM 记录：已合并到该客户，其备注、拜访和健康读数也已归入该客户。',
  'keptAside.step': '由升级 {step} 发现：{detail}',
  'keptAside.export': '导出为 JSON',
  'keptAside.exported': '已下载 {file}。',
  'keptAside.discard': '丢弃',
  'keptAside.discardRow': '丢弃 {row}',
  'keptAside.confirmDiscard': '永久丢弃',
  'keptAside.keep': '保留',
  'keptAside.failed': '操作失败：{reason}',
};
