import type { sharedEn } from './strings.en';

/** 简体中文: the words every page shares (the app name, the launcher, bands, list separators); the same keys as strings.en.ts. */
export const sharedZhCN: Record<keyof typeof sharedEn, string> = {
  appName: 'Account Lens',
  'launcher.label': 'Account Lens：{name}',
  'launcher.resize': '调整 Account Lens 面板宽度',
  'band.green': '绿色',
  'band.yellow': '黄色',
  'band.red': '红色',
  'page.shows': '此页面显示',

  'list.sep': '、',
  'common.writtenBy': '{who} 撰写',
  'unsaved.title': '未保存的更改',
  'unsaved.lead': '尚未保存：',
  'unsaved.saveAll': '全部保存',
  'unsaved.saving': '正在保存…',
  'unsaved.stillOpen': '部分更改未能保存，请查看对应部分中的提示。',
};
