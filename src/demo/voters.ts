// 代表码 / 联络站码 in the demo: every active deputy and station has a code, and voters have sent
// opinions through them in every state, relative to the day the demo is created ('T-5'): one just
// received, one overdue for its first answer (有访必答, 7 days), answered and rated, waiting for a
// rating, handed to the township and referred, referred and answered, turned into a suggestion,
// and one marked spam. The presidium members keep in touch with their deputies (主席团联系代表).
import type { OpinionHandling, OpinionRating, ContactWay } from '../generated/prisma/enums.js';
import { randomCode } from '../features/opinions/opinions.service.js';
import { type Ctx, lookup } from './write/context.js';

type CodeOpinion = {
  to: { deputy: string } | { station: string };
  at: string;
  content: string;
  village?: string;
  voter?: string;
  phone?: string;
  readAt?: string;
  escalatedAt?: string;
  handling?: OpinionHandling;
  answer?: string;
  answeredAt?: string;
  unit?: string;
  due?: string;
  suggestion?: string;
  rating?: OpinionRating;
  spam?: boolean;
};

export const CODE_OPINIONS: CodeOpinion[] = [
  {
    to: { deputy: '宝音图' },
    at: 'T-1 19:20',
    village: '哈日干图嘎查',
    content: '嘎查通往镇里的班车冬天经常停运，老人看病不方便，希望能固定班次。',
  },
  {
    to: { deputy: '宝音图' },
    at: 'T-9 08:40',
    readAt: 'T-8',
    village: '哈日干图嘎查',
    voter: '其其格',
    phone: '15947561128',
    content: '嘎查小学门口没有减速带，接送孩子时车速很快，很危险。',
  },
  {
    to: { deputy: '宝音图' },
    at: 'T-16 10:05',
    readAt: 'T-15',
    village: '哈日干图嘎查',
    handling: 'ANSWERED',
    answer: '已和嘎查委员会商量，村部门口的垃圾箱下周增加两个，并安排保洁员每天清运。',
    answeredAt: 'T-13',
    rating: 'SATISFIED',
    content: '村部门口垃圾箱太少，垃圾经常堆到路边。',
  },
  {
    to: { deputy: '陈淑芬' },
    at: 'T-6 16:30',
    readAt: 'T-5',
    village: '东明村',
    voter: '刘桂英',
    phone: '13804752216',
    handling: 'ANSWERED',
    answer: '社区卫生服务站每周二、周五上午有医生上门随访，您可以拨打卫生服务站电话预约。',
    answeredAt: 'T-4',
    content: '家里老人行动不便，想请医生上门量血压，不知道找谁。',
  },
  {
    to: { deputy: '陈淑芬' },
    at: 'T-26 11:10',
    readAt: 'T-25',
    village: '东明村',
    handling: 'ANSWERED',
    answer: '已向供电所反映，供电所答复将在明年春季线路改造时一并解决。',
    answeredAt: 'T-22',
    rating: 'DISSATISFIED',
    content: '我们这排房子一到晚上电压就低，电器带不动。',
  },
  {
    to: { station: '东明镇人大代表之家' },
    at: 'T-15 09:00',
    readAt: 'T-14',
    escalatedAt: 'T-14',
    village: '东明村',
    voter: '赵志强',
    phone: '13947512290',
    handling: 'REFERRED',
    unit: '农业农村办公室',
    due: 'T+15',
    content: '东明村西边的排水沟堵了，下雨后积水淹到院子里。',
  },
  {
    to: { station: '哈日干图嘎查人大代表联络站' },
    at: 'T-40 15:20',
    readAt: 'T-39',
    escalatedAt: 'T-38',
    village: '哈日干图嘎查',
    handling: 'REFERRED',
    unit: '社会事务办公室',
    due: 'T-20',
    answer: '已将该户纳入临时救助，救助金本月内发放到位。',
    answeredAt: 'T-24',
    rating: 'FAIRLY',
    content: '邻居家老人独居，房子漏雨，生活很困难，希望政府帮一帮。',
  },
  {
    to: { deputy: '宝音图' },
    at: 'T-25 20:10',
    readAt: 'T-24',
    village: '哈日干图嘎查',
    handling: 'CONVERTED',
    suggestion: 'cur-signal',
    answeredAt: 'T-23',
    content: '北边草场手机没信号，放牧时出了事都打不出电话。',
  },
  {
    to: { deputy: '宝音图' },
    at: 'T-2 03:12',
    spam: true,
    content: '专业办证刻章，低价贷款，联系微信……',
  },
];

/** 主席团联系代表: each presidium member's deputies, and the contacts logged this year. */
export const LIAISONS: Record<string, string[]> = {
  chair: ['宝音图', '陈淑芬', '李永刚'],
  vicechair: ['巴特尔', '乌力吉', '白音那木拉'],
  member: ['敖特根', '图门', '张丽华'],
  member2: ['额尔敦', '何秀兰', '杨春华'],
};

export const CONTACTS: { member: string; deputy: string; at: string; way: ContactWay; content: string; followUp?: string }[] = [
  {
    member: 'chair',
    deputy: '宝音图',
    at: 'T-20',
    way: 'MEETING',
    content: '了解哈日干图嘎查牧民反映的通信信号问题，商量提出建议。',
    followUp: '协助起草代表建议',
  },
  { member: 'chair', deputy: '陈淑芬', at: 'T-100', way: 'PHONE', content: '听取对留守老人关爱服务的意见。' },
  { member: 'vicechair', deputy: '巴特尔', at: 'T-12', way: 'PHONE', content: '沟通砂石路养护建议的办理进展。' },
  {
    member: 'member',
    deputy: '敖特根',
    at: 'T-30',
    way: 'FORUM',
    content: '村级联络站座谈，听取卫生室建设的意见。',
    followUp: '转社会事务办公室',
  },
];

export async function writeVoterCodes(c: Ctx): Promise<void> {
  const { tx, clock } = c;
  const used = new Set<string>();
  const code = () => {
    let s = randomCode(12);
    while (used.has(s)) s = randomCode(12);
    used.add(s);
    return s;
  };
  const deputies = await tx.deputy.findMany({ where: { townshipId: c.townshipId, status: 'ACTIVE' }, select: { id: true } });
  for (const d of deputies) await tx.deputy.update({ where: { id: d.id }, data: { voterCode: code() } });
  const stations = await tx.liaisonStation.findMany({ where: { townshipId: c.townshipId, active: true }, select: { id: true } });
  for (const s of stations) await tx.liaisonStation.update({ where: { id: s.id }, data: { voterCode: code() } });

  for (const o of CODE_OPINIONS) {
    const deputyId = 'deputy' in o.to ? lookup.deputy(c, o.to.deputy) : null;
    const stationId = 'station' in o.to ? lookup.station(c, o.to.station) : null;
    const at = clock.at(o.at);
    const answeredAt = o.answeredAt ? clock.at(o.answeredAt) : null;
    const escalatedAt = o.escalatedAt ? clock.at(o.escalatedAt) : null;
    const respondedAt = escalatedAt ?? (o.handling && o.handling !== 'PENDING' ? answeredAt : null);
    const actor = deputyId ? lookup.deputyActor(c, o.to && 'deputy' in o.to ? o.to.deputy : '') : c.staff;
    const row = await tx.voterOpinion.create({
      data: {
        townshipId: c.townshipId,
        source: 'CODE',
        deputyId,
        stationId,
        content: o.content,
        village: o.village ?? '',
        voterName: o.voter ?? '',
        voterPhone: o.phone ?? '',
        trackingCode: randomCode(10),
        handling: o.handling ?? 'PENDING',
        answer: o.answer ?? '',
        answeredAt,
        readAt: o.readAt ? clock.at(o.readAt) : null,
        escalatedAt,
        respondedAt,
        referredUnitId: o.unit ? lookup.unit(c, o.unit) : null,
        referralDueDate: o.due ? clock.date(o.due) : null,
        suggestionId: o.suggestion ? lookup.suggestion(c, o.suggestion) : null,
        rating: o.rating ?? null,
        ratedAt: o.rating && answeredAt ? new Date(answeredAt.getTime() + 86_400_000) : null,
        spam: o.spam ?? false,
        createdAt: at,
        events: { create: [{ action: 'submit', createdAt: at }] },
      },
    });
    const event = (action: string, when: Date | null, actorId: number | null, note = '') =>
      when ? tx.opinionEvent.create({ data: { opinionId: row.id, actorId, action, note, createdAt: when } }) : null;
    if (escalatedAt) await event('escalate', escalatedAt, actor);
    if (o.unit) await event('refer', escalatedAt ?? at, c.staff, `${o.unit}`);
    if (o.handling === 'ANSWERED') await event('answer', answeredAt, actor, o.answer);
    if (o.handling === 'REFERRED' && answeredAt) await event('referral-answer', answeredAt, c.staff, o.answer);
    if (o.handling === 'CONVERTED') await event('convert', answeredAt, actor);
    if (o.rating && answeredAt) await event('rate', new Date(answeredAt.getTime() + 86_400_000), null);
    if (o.spam) await event('spam', at, c.staff);
  }

  for (const [member, names] of Object.entries(LIAISONS)) {
    const memberId = lookup.user(c, member);
    await tx.deputyLiaison.createMany({ data: names.map((n) => ({ memberId, deputyId: lookup.deputy(c, n) })) });
  }
  for (const k of CONTACTS) {
    await tx.deputyContact.create({
      data: {
        townshipId: c.townshipId,
        memberId: lookup.user(c, k.member),
        deputyId: lookup.deputy(c, k.deputy),
        date: clock.date(k.at),
        way: k.way,
        content: k.content,
        followUp: k.followUp ?? '',
        createdAt: clock.at(k.at),
      },
    });
  }
}
