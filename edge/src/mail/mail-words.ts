/**
 * The words of the mails the gateway writes itself. A mail leaves the site as finished text,
 * so it cannot use the pages' catalogs; the reporter's language decides which column is used.
 */
export const MAIL_LANGUAGES = ['en', 'zh', 'nb', 'nl'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export interface MailWords {
  ackSubject: (title: string) => string;
  greeting: string;
  received: (id: string) => string;
  follow: string;
  replyHint: string;
  signature: (site: string) => string;
  replySubject: (title: string) => string;
  replyIntro: (id: string) => string;
  startedSubject: (title: string) => string;
  started: (id: string) => string;
  doneSubject: (title: string) => string;
  done: (id: string) => string;
  /** To a person linked to a ticket: they will hear of its progress. */
  keptInformedSubject: (title: string) => string;
  keptInformed: (id: string) => string;
  /** Under a "done" notice: one link per score, each confirmed on the tracking page. */
  rateAsk: string;
}

export const MAIL_WORDS: Record<MailLanguage, MailWords> = {
  en: {
    ackSubject: (title) => `We received your message: ${title}`,
    greeting: 'Hello,',
    received: (id) => `Thank you. Your message has been registered as ${id}.`,
    follow: 'You can follow it here:',
    replyHint: 'Reply to this mail to add to it.',
    signature: (site) => `Facility team, ${site}`,
    replySubject: (title) => `Reply: ${title}`,
    replyIntro: (id) => `We have answered your message ${id}:`,
    startedSubject: (title) => `Work has started: ${title}`,
    started: (id) => `Work on ${id} has started.`,
    doneSubject: (title) => `Done: ${title}`,
    done: (id) => `The work on ${id} is done.`,
    keptInformedSubject: (title) => `You are kept informed: ${title}`,
    keptInformed: (id) => `You have been added to ${id}. We will keep you informed of its progress by e-mail.`,
    rateAsk: 'How did we do? Choose a score from 1 (bad) to 5 (very good); you confirm it on the page that opens:',
  },
  zh: {
    ackSubject: (title) => `我们已收到您的消息：${title}`,
    greeting: '您好，',
    received: (id) => `谢谢。您的消息已登记为 ${id}。`,
    follow: '您可以在这里跟进：',
    replyHint: '直接回复此邮件即可补充内容。',
    signature: (site) => `${site} 物业团队`,
    replySubject: (title) => `回复：${title}`,
    replyIntro: (id) => `我们已回复您的消息 ${id}：`,
    startedSubject: (title) => `工作已开始：${title}`,
    started: (id) => `${id} 的工作已经开始。`,
    doneSubject: (title) => `已完成：${title}`,
    done: (id) => `${id} 的工作已经完成。`,
    keptInformedSubject: (title) => `我们会随时告知您进展：${title}`,
    keptInformed: (id) => `您已被添加到 ${id}。我们会通过电子邮件告知您处理进展。`,
    rateAsk: '我们做得怎么样？请选择 1（差）到 5（很好）之间的评分，并在打开的页面上确认：',
  },
  nb: {
    ackSubject: (title) => `Vi har mottatt meldingen din: ${title}`,
    greeting: 'Hei,',
    received: (id) => `Takk. Meldingen din er registrert som ${id}.`,
    follow: 'Du kan følge den her:',
    replyHint: 'Svar på denne e-posten for å legge til noe.',
    signature: (site) => `Driftsteamet, ${site}`,
    replySubject: (title) => `Svar: ${title}`,
    replyIntro: (id) => `Vi har svart på meldingen din ${id}:`,
    startedSubject: (title) => `Arbeidet er i gang: ${title}`,
    started: (id) => `Arbeidet med ${id} er i gang.`,
    doneSubject: (title) => `Ferdig: ${title}`,
    done: (id) => `Arbeidet med ${id} er ferdig.`,
    keptInformedSubject: (title) => `Du holdes oppdatert: ${title}`,
    keptInformed: (id) => `Du er lagt til i ${id}. Vi holder deg oppdatert om fremdriften på e-post.`,
    rateAsk: 'Hvordan gjorde vi det? Velg en karakter fra 1 (dårlig) til 5 (svært bra); du bekrefter den på siden som åpnes:',
  },
  nl: {
    ackSubject: (title) => `We hebben uw bericht ontvangen: ${title}`,
    greeting: 'Hallo,',
    received: (id) => `Dank u. Uw bericht is geregistreerd als ${id}.`,
    follow: 'U kunt het hier volgen:',
    replyHint: 'Beantwoord deze e-mail om iets toe te voegen.',
    signature: (site) => `Facilitair team, ${site}`,
    replySubject: (title) => `Antwoord: ${title}`,
    replyIntro: (id) => `We hebben uw bericht ${id} beantwoord:`,
    startedSubject: (title) => `Het werk is begonnen: ${title}`,
    started: (id) => `Het werk aan ${id} is begonnen.`,
    doneSubject: (title) => `Klaar: ${title}`,
    done: (id) => `Het werk aan ${id} is klaar.`,
    keptInformedSubject: (title) => `U wordt op de hoogte gehouden: ${title}`,
    keptInformed: (id) => `U bent toegevoegd aan ${id}. We houden u per e-mail op de hoogte van de voortgang.`,
    rateAsk: 'Hoe hebben we het gedaan? Kies een score van 1 (slecht) tot 5 (zeer goed); u bevestigt die op de pagina die opent:',
  },
};

/** The sender's language from Content-Language / Accept-Language, else from the script of the text; English otherwise. */
export function mailLanguageOf(headers: { contentLanguage?: string; acceptLanguage?: string }, sample: string): MailLanguage {
  for (const value of [headers.contentLanguage, headers.acceptLanguage]) {
    const tag = value?.split(/[,;\s]/)[0]?.toLowerCase().split('-')[0];
    if (tag === 'no' || tag === 'nn') return 'nb';
    if (tag && (MAIL_LANGUAGES as readonly string[]).includes(tag)) return tag as MailLanguage;
  }
  return /[\u4e00-\u9fff]/.test(sample) ? 'zh' : 'en';
}
