import type { MailLanguage } from './mail-words.ts';

/** The words of the mails about work orders: to a vendor's contact, and to the person who answers for the order. */
export interface WorkOrderMailWords {
  reminderSubject: (order: string, title: string) => string;
  reminder: (order: string, title: string, sentOn: string) => string;
  reminderHow: string;
  /** With the link itself, kept sealed on the site, when the contact's link was issued with a seal. */
  reminderLink: (url: string) => string;
}

export const VENDOR_MAIL_WORDS: Record<MailLanguage, WorkOrderMailWords> = {
  en: {
    reminderSubject: (order, title) => `Reminder: work order ${order} awaits your answer (${title})`,
    reminder: (order, title, sentOn) => `Work order ${order}, "${title}", sent to you on ${sentOn}, has not been accepted or declined yet.`,
    reminderHow: 'Please open the link in the work order mail and accept or decline it. If you have lost the link, reply to this mail and we will send a new one.',
    reminderLink: (url) => `Please open the work order and accept or decline it: ${url}`,
  },
  zh: {
    reminderSubject: (order, title) => `提醒：工单 ${order} 等待您的答复（${title}）`,
    reminder: (order, title, sentOn) => `${sentOn} 发送给您的工单 ${order}“${title}”尚未被接受或拒绝。`,
    reminderHow: '请打开工单邮件中的链接，接受或拒绝该工单。如果链接已丢失，请回复此邮件，我们会发送新的链接。',
    reminderLink: (url) => `请打开工单并接受或拒绝：${url}`,
  },
  nb: {
    reminderSubject: (order, title) => `Påminnelse: arbeidsordre ${order} venter på svar (${title})`,
    reminder: (order, title, sentOn) => `Arbeidsordre ${order}, «${title}», sendt til dere ${sentOn}, er ennå ikke akseptert eller avslått.`,
    reminderHow: 'Åpne lenken i e-posten med arbeidsordren og aksepter eller avslå den. Har dere mistet lenken, svar på denne e-posten, så sender vi en ny.',
    reminderLink: (url) => `Åpne arbeidsordren og aksepter eller avslå den: ${url}`,
  },
  nl: {
    reminderSubject: (order, title) => `Herinnering: werkorder ${order} wacht op uw antwoord (${title})`,
    reminder: (order, title, sentOn) => `Werkorder ${order}, "${title}", op ${sentOn} naar u gestuurd, is nog niet aanvaard of afgewezen.`,
    reminderHow: 'Open de link in de e-mail met de werkorder en aanvaard of weiger hem. Bent u de link kwijt, beantwoord dan deze e-mail en we sturen een nieuwe.',
    reminderLink: (url) => `Open de werkorder en aanvaard of weiger hem: ${url}`,
  },
};

/** What a vendor did, as the history names it. */
export type VendorStep = 'accept' | 'decline' | 'comment' | 'add-files' | 'start' | 'report-done';
export const VENDOR_STEPS: readonly string[] = ['accept', 'decline', 'comment', 'add-files', 'start', 'report-done'];

/** To the person who answers for the order: what the vendor did, with the vendor's words (a reason, a comment, notes) quoted. */
export const RESPONSIBLE_MAIL_WORDS: Record<MailLanguage, { subject: (order: string, vendor: string, step: VendorStep) => string; intro: (order: string, title: string, vendor: string, step: VendorStep) => string }> = {
  en: {
    subject: (order, vendor, step) => `[${order}] ${vendor} ${({ accept: 'accepted the order', decline: 'declined the order', comment: 'commented', 'add-files': 'added files', start: 'started the work', 'report-done': 'reported the work done' })[step]}`,
    intro: (order, title, vendor, step) => `${vendor} ${({ accept: 'accepted', decline: 'declined', comment: 'commented on', 'add-files': 'added files to', start: 'started the work of', 'report-done': 'reported done' })[step]} work order ${order}, "${title}".`,
  },
  zh: {
    subject: (order, vendor, step) => `[${order}] ${vendor}${({ accept: '已接受工单', decline: '已拒绝工单', comment: '发表了评论', 'add-files': '添加了文件', start: '已开始工作', 'report-done': '已报告完工' })[step]}`,
    intro: (order, title, vendor, step) => `${vendor}${({ accept: '已接受', decline: '已拒绝', comment: '评论了', 'add-files': '向以下工单添加了文件：', start: '已开始处理', 'report-done': '已报告完成' })[step]}工单 ${order}“${title}”。`,
  },
  nb: {
    subject: (order, vendor, step) => `[${order}] ${vendor} ${({ accept: 'har akseptert ordren', decline: 'har avslått ordren', comment: 'har kommentert', 'add-files': 'har lagt til filer', start: 'har startet arbeidet', 'report-done': 'har meldt arbeidet ferdig' })[step]}`,
    intro: (order, title, vendor, step) => `${vendor} ${({ accept: 'har akseptert', decline: 'har avslått', comment: 'har kommentert', 'add-files': 'har lagt til filer i', start: 'har startet arbeidet med', 'report-done': 'har meldt ferdig' })[step]} arbeidsordre ${order}, «${title}».`,
  },
  nl: {
    subject: (order, vendor, step) => `[${order}] ${vendor} ${({ accept: 'heeft de order aanvaard', decline: 'heeft de order geweigerd', comment: 'heeft gereageerd', 'add-files': 'heeft bestanden toegevoegd', start: 'is met het werk begonnen', 'report-done': 'heeft het werk gereedgemeld' })[step]}`,
    intro: (order, title, vendor, step) => `${vendor} ${({ accept: 'heeft aanvaard:', decline: 'heeft geweigerd:', comment: 'heeft gereageerd op', 'add-files': 'heeft bestanden toegevoegd aan', start: 'is begonnen aan', 'report-done': 'heeft gereedgemeld:' })[step]} werkorder ${order}, "${title}".`,
  },
};
