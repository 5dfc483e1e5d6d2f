import type { dashboardShell as english } from '../en/dashboard-shell.ts';

/** 简体中文: the dashboard's sections and its room page. */
export const dashboardShell: Record<keyof typeof english, string> = {
  'dash.shell.roomNotFound': '本站点没有房间 {room}。',
  'dash.shell.allRooms': '所有房间',
  'dash.shell.roomStatus': '状态',
  'dash.shell.holds': '是什么占用了此房间',
  'dash.shell.nothingHolds': '没有任何事项占用此房间：房间可用。',
  'dash.shell.clears': '如何解除',
  'dash.shell.roomTickets': '此房间的工单',
  'dash.shell.roomDevices': '此房间的设备',
  'dash.shell.noDevices': '此房间没有绑定设备。',
  'dash.shell.setAvailable': '设为可用',
  'dash.shell.setAvailableTitle': '将房间恢复为可用',
  'dash.shell.reason': '原因（必填）',
  'dash.shell.setFailed': '无法将房间设为可用：{message}',
  'dash.shell.setDone': '房间已恢复可用。',
  'dash.hold.rejection-policy': '{ticket}（{category}）被驳回后，按该类别的驳回规则将房间设为“{status}”。',
  'dash.hold.follow-up-open': '{parent} 的跟进任务 {ticket}（{priority}）尚未完成并通过验收。',
  'dash.hold.job-in-progress': '{ticket}（{category}）正在处理中。',
  'dash.hold.job-open': '{ticket}（{category}）尚未关闭，此类别在工单未关闭期间使房间不可使用。',
  'dash.hold.set-by-hand': '有人手动将房间设为“{status}”；没有工单占用它。',
  'dash.clear.approve-follow-up': '跟进任务 {ticket} 完成后予以验收通过。',
  'dash.clear.redo-job': '重做 {ticket} 并验收通过。',
  'dash.clear.finish-job': '完成 {ticket} 并验收通过，或取消它。',
  'dash.clear.set-available': '或由有权限的人填写原因，将房间设为可用。',
};
