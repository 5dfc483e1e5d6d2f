/** 中文：列表中的服务时限标记和工单详情中的时限。 */
export const slaMarks = {
  'slaMark.breached': '已超服务时限',
  'slaMark.paused': '时限暂停',
  'slaMark.due': '时限 {time}',
  'slaMark.title': '服务时限',
  'slaMark.responseDue': '响应截止',
  'slaMark.resolutionDue': '解决截止',
  'slaMark.pausedFor': '暂停时长',
  'slaMark.breachedAt': '超时于',
  'slaMark.notBreached': '未超时',
  'slaMark.answered': '已响应',
  'slaMark.stopped': '已停止',
  'slaMark.onHold': '暂停中',
  'slaMark.noClock': '尚无时限',
} as const;
