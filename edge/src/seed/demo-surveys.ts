import type { CommandHandler } from '../commands/handler.ts';
import { actorOf } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** The demo's open survey, to every tenant of the building, for a month from the first start. Run once, on a new demo site. */
export async function seedDemoSurveys(store: SiteStore, commands: CommandHandler, at: string): Promise<void> {
  const head = store.directory.user('hanna')?.user ?? store.directory.user('admin')?.user;
  if (!head) return;
  await commands.handle(actorOf(head), { surveys: true }, {
    type: 'create-survey',
    title: { en: 'How are we doing?', zh: '我们的服务如何？', nb: 'Hvordan gjør vi det?', nl: 'Hoe doen we het?' },
    targets: [{ kind: 'building' }],
    closesAt: new Date(Date.parse(at) + 30 * 24 * 3600_000).toISOString(),
    questions: [
      { id: 'cleaning', kind: 'scale', prompt: { en: 'How clean are the shared areas?', zh: '公共区域的清洁程度如何？', nb: 'Hvor rene er fellesarealene?', nl: 'Hoe schoon zijn de gemeenschappelijke ruimtes?' } },
      {
        id: 'reach', kind: 'choice', prompt: { en: 'How do you prefer to reach us?', zh: '您希望如何联系我们？', nb: 'Hvordan vil du helst nå oss?', nl: 'Hoe neemt u het liefst contact op?' },
        options: [
          { en: 'The portal', zh: '门户网站', nb: 'Portalen', nl: 'Het portaal' },
          { en: 'E-mail', zh: '电子邮件', nb: 'E-post', nl: 'E-mail' },
          { en: 'The reception desk', zh: '前台', nb: 'Resepsjonen', nl: 'De receptie' },
        ],
      },
      { id: 'wish', kind: 'text', prompt: { en: 'What should we improve?', zh: '我们应该改进什么？', nb: 'Hva bør vi bli bedre på?', nl: 'Wat kunnen we verbeteren?' } },
    ],
  });
}
