import type { panelReview as english } from '../en/panel-review.ts';

/** 简体中文：审核已完成的服务（门口面板与房间二维码页面）。 */
export const panelReview: Record<keyof typeof english, string> = {
  'review.before': '报告内容',
  'review.after': '完成情况',
  'review.noNote': '工作人员未留备注。',
  'review.noPhotos': '没有照片。',
  'review.photoBefore': '报告中的照片，第 {n} 张，共 {count} 张',
  'review.photoAfter': '完工照片，第 {n} 张，共 {count} 张',
  'review.timeSpent': '用时：{duration}',
  'review.timeUnknown': '用时：未记录',
  'review.underMinute': '不到一分钟',
  'review.minutes.one': '{count} 分钟',
  'review.minutes.other': '{count} 分钟',
  'review.hours.one': '{count} 小时',
  'review.hours.other': '{count} 小时',
  'review.nothingWaiting': '没有等待审核的服务。',
  'review.noOtherOpen': '没有其他未处理的工单。',
  'review.takePhoto': '拍照',
  'review.retakePhoto': '重新拍照',
  'review.photoTaken': '已添加照片：{name}',
  'review.photoOptional': '照片（可选）',
  'review.toApprove': '待审核的已完成服务',
  'review.loadFailed': '无法加载已完成的服务。',
};
