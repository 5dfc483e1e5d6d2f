import type { MailLanguage } from './mail-words.ts';

/** The words of the mails about work orders: to a vendor's contact, and to the person who answers for the order. */
export interface WorkOrderMailWords {
  reminderSubject: (order: string, title: string) => string;
  reminder: (order: string, title: string, sentOn: string) => string;
  reminderHow: string;
}

export const VENDOR_MAIL_WORDS: Record<MailLanguage, WorkOrderMailWords> = {
  en: {
    reminderSubject: (order, title) => `Reminder: work order ${order} awaits your answer (${title})`,
    reminder: (order, title, sentOn) => `Work order ${order}, "${title}", sent to you on ${sentOn}, has not been accepted or declined yet.`,
    reminderHow: 'Please open the link in the work order mail and accept or decline it. If you have lost the link, reply to this mail and we will send a new one.',
  },
  zh: {
    reminderSubject: (order, title) => `提醒：工单 ${order} 等待您的答复（${title}）`,
    reminder: (order, title, sentOn) => `${sentOn} 发送给您的工单 ${order}“${title}”尚未被接受或拒绝。`,
    reminderHow: '请打开工单邮件中的链接，接受或拒绝该工单。如果链接已丢失，请回复此邮件，我们会发送新的链接。',
  },
  nb: {
    reminderSubject: (order, title) => `Påminnelse: arbeidsordre ${order} venter på svar (${title})`,
    reminder: (order, title, sentOn) => `Arbeidsordre ${order}, «${title}», sendt til dere ${sentOn}, er ennå ikke akseptert eller avslått.`,
    reminderHow: 'Åpne lenken i e-posten med arbeidsordren og aksepter eller avslå den. Har dere mistet lenken, svar på denne e-posten, så sender vi en ny.',
  },
  nl: {
    reminderSubject: (order, title) => `Herinnering: werkorder ${order} wacht op uw antwoord (${title})`,
    reminder: (order, title, sentOn) => `Werkorder ${order}, "${title}", op ${sentOn} naar u gestuurd, is nog niet aanvaard of afgewezen.`,
    reminderHow: 'Open de link in de e-mail met de werkorder en aanvaard of weiger hem. Bent u de link kwijt, beantwoord dan deze e-mail en we sturen een nieuwe.',
  },
};
