import type { Names } from '../contracts/index.ts';

/** The demo building's names in Chinese, Norwegian and Dutch, keyed by the English name. */
export const demoNames: Record<string, Names> = {
  // Rooms
  'Reception Lounge': { zh: '接待休息区', nb: 'Resepsjonslounge', nl: 'Receptielounge' },
  'Meeting Room Fjord': { zh: '峡湾会议室', nb: 'Møterom Fjord', nl: 'Vergaderzaal Fjord' },
  'Meeting Room Delta': { zh: '三角洲会议室', nb: 'Møterom Delta', nl: 'Vergaderzaal Delta' },
  'Restroom 1': { zh: '1号洗手间', nb: 'Toalett 1', nl: 'Toilet 1' },
  'Kitchen 1': { zh: '1号厨房', nb: 'Kjøkken 1', nl: 'Keuken 1' },
  Boardroom: { zh: '董事会议室', nb: 'Styrerom', nl: 'Bestuurskamer' },
  'Meeting Room Tulip': { zh: '郁金香会议室', nb: 'Møterom Tulipan', nl: 'Vergaderzaal Tulp' },
  'Focus Room A': { zh: '专注室 A', nb: 'Stillerom A', nl: 'Concentratieruimte A' },
  'Restroom 2': { zh: '2号洗手间', nb: 'Toalett 2', nl: 'Toilet 2' },
  'Open Office North': { zh: '北侧开放办公区', nb: 'Åpent kontor nord', nl: 'Kantoortuin noord' },
  Auditorium: { zh: '礼堂', nb: 'Auditorium', nl: 'Aula' },
  'Meeting Room Lotus': { zh: '莲花会议室', nb: 'Møterom Lotus', nl: 'Vergaderzaal Lotus' },
  'Quiet Room': { zh: '静室', nb: 'Stillerom', nl: 'Stilteruimte' },
  'Restroom 3': { zh: '3号洗手间', nb: 'Toalett 3', nl: 'Toilet 3' },
  'Kitchen 3': { zh: '3号厨房', nb: 'Kjøkken 3', nl: 'Keuken 3' },
  // Zones
  Lobby: { zh: '大堂', nb: 'Lobby', nl: 'Lobby' },
  'East wing': { zh: '东翼', nb: 'Østfløyen', nl: 'Oostvleugel' },
  'West wing': { zh: '西翼', nb: 'Vestfløyen', nl: 'Westvleugel' },
  North: { zh: '北区', nb: 'Nord', nl: 'Noord' },
  South: { zh: '南区', nb: 'Sør', nl: 'Zuid' },
  Conference: { zh: '会议区', nb: 'Konferanse', nl: 'Congres' },
  Wellbeing: { zh: '休闲区', nb: 'Velvære', nl: 'Welzijn' },
  // Teams and categories
  Cleaning: { zh: '清洁', nb: 'Renhold', nl: 'Schoonmaak' },
  'Audio-visual': { zh: '音视频', nb: 'Lyd og bilde', nl: 'Audiovisueel' },
  Maintenance: { zh: '维修', nb: 'Vedlikehold', nl: 'Onderhoud' },
  Facility: { zh: '设施', nb: 'Eiendomsdrift', nl: 'Facilitair' },
  Security: { zh: '安保', nb: 'Vakt og sikring', nl: 'Beveiliging' },
  Supplies: { zh: '用品', nb: 'Forbruksvarer', nl: 'Benodigdheden' },
  'Heating and air': { zh: '暖通空调', nb: 'Varme og ventilasjon', nl: 'Verwarming en ventilatie' },
  'Signs and panels': { zh: '标牌和面板', nb: 'Skilt og paneler', nl: 'Borden en panelen' },
  // Rejection reasons
  'Not cleaned': { zh: '未清洁', nb: 'Ikke rengjort', nl: 'Niet schoongemaakt' },
  'Partially cleaned': { zh: '只清洁了一部分', nb: 'Delvis rengjort', nl: 'Gedeeltelijk schoongemaakt' },
  'Supplies not refilled': { zh: '用品未补充', nb: 'Forbruksvarer ikke fylt på', nl: 'Benodigdheden niet aangevuld' },
  'Waste not removed': { zh: '垃圾未清走', nb: 'Avfall ikke fjernet', nl: 'Afval niet verwijderd' },
  'Damage during cleaning': { zh: '清洁时造成损坏', nb: 'Skade under rengjøring', nl: 'Schade bij het schoonmaken' },
  'Setup missing': { zh: '未布置', nb: 'Oppsett mangler', nl: 'Opstelling ontbreekt' },
  'Equipment not working': { zh: '设备不工作', nb: 'Utstyret virker ikke', nl: 'Apparatuur werkt niet' },
  'Wrong configuration': { zh: '配置错误', nb: 'Feil oppsett', nl: 'Verkeerde instelling' },
  'No response': { zh: '无人响应', nb: 'Ingen respons', nl: 'Geen reactie' },
  'Not repaired': { zh: '未修好', nb: 'Ikke reparert', nl: 'Niet gerepareerd' },
  'Safety hazard remains': { zh: '安全隐患仍在', nb: 'Sikkerhetsrisikoen er der fortsatt', nl: 'Veiligheidsrisico blijft' },
  'Work area left unsafe': { zh: '工作区域不安全', nb: 'Arbeidsområdet er etterlatt usikret', nl: 'Werkplek onveilig achtergelaten' },
  'No-show': { zh: '未到场', nb: 'Møtte ikke opp', nl: 'Niet komen opdagen' },
  'Not refilled': { zh: '未补充', nb: 'Ikke fylt på', nl: 'Niet aangevuld' },
  'Wrong item': { zh: '物品错误', nb: 'Feil vare', nl: 'Verkeerd artikel' },
  'Still too hot': { zh: '仍然太热', nb: 'Fortsatt for varmt', nl: 'Nog steeds te warm' },
  'Still too cold': { zh: '仍然太冷', nb: 'Fortsatt for kaldt', nl: 'Nog steeds te koud' },
  'Still noisy': { zh: '仍然很吵', nb: 'Fortsatt støyende', nl: 'Nog steeds lawaaiig' },
  'Still offline': { zh: '仍然离线', nb: 'Fortsatt frakoblet', nl: 'Nog steeds offline' },
  'Shows the wrong room': { zh: '显示的房间不对', nb: 'Viser feil rom', nl: 'Toont de verkeerde ruimte' },
  'Door still not locking': { zh: '门仍然锁不上', nb: 'Døren låser fortsatt ikke', nl: 'Deur sluit nog steeds niet af' },
};

/** The translations of one name; empty when the demo has none. */
export const namesOf = (name: string): Names => demoNames[name] ?? {};
