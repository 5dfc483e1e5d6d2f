import type { dispatchSuggest as english } from '../en/dispatch-suggest.ts';

/** 简体中文：派单建议与在岗状态。 */
export const dispatchSuggest: Record<keyof typeof english, string> = {
  'dispatchSuggest.title': '建议派给谁',
  'dispatchSuggest.loading': '正在评估派单人选…',
  'dispatchSuggest.none': '该班组没有具备此技能的在岗人员：工单留在班组的抢单池中。',
  'dispatchSuggest.offDuty.one': '{count} 人不在岗，未列入建议。',
  'dispatchSuggest.offDuty.other': '{count} 人不在岗，未列入建议。',
  'dispatchSuggest.assign': '派给 {name}',
  'dispatchSuggest.failed': '无法加载派单建议。',
  'dispatchSuggest.reason.LOAD.one': '手上有 {count} 个未完成工单',
  'dispatchSuggest.reason.LOAD.other': '手上有 {count} 个未完成工单',
  'dispatchSuggest.reason.SKILL': '具备此类别的技能',
  'dispatchSuggest.reason.SAME_FLOOR': '正在 {floor} 楼工作',
  'dispatchSuggest.reason.SAME_ZONE': '正在 {zone} 工作',
  'dispatchSuggest.reason.CLASH': '{time} 已有其他预约上门',
  'dispatchSuggest.duty': '在岗',
  'dispatchSuggest.dutyOn': '你在岗：可以给你派单。',
  'dispatchSuggest.dutyOff': '你不在岗：回岗前不会给你派单。',
};
