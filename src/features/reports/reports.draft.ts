/**
 * 生成初稿: the annual work report's first draft, in the structure of the presidium's 2023
 * report (../shared/seeds/000_cea87e68111ba62d.txt). Figures come from the year's data
 * (reports.figures.ts); the political prose, next year's tasks and the closing are a template
 * that staff then edit. Pure: no database.
 */
import type { ReportSectionKind } from '../../generated/prisma/enums.js';
import { congressSessionName } from '../../lib/labels.js';
import { activityNames, isActionLabel, joinAnd, type Facts, type YearData } from './reports.figures.js';

export type SectionInput = { kind: ReportSectionKind; heading: string; body: string };

export type DraftMeta = {
  township: string; // 东明镇
  term: number | null; // 19
  sessionNumber: number | null; // 4
};

/**
 * What a year's report says about the times, the same for every township of the banner: the
 * national theme of the year, the region's campaign the deputies worked on, the study campaign
 * that next year's tasks name. Staff add their township's own work when they edit the draft.
 */
type YearContext = {
  note?: string;
  keyWork?: { area: string; detail: string };
  studyCampaign?: string;
};

const YEAR_CONTEXT: Record<number, YearContext> = {
  2023: {
    note: '是全面贯彻落实党的二十大精神的开局之年',
    keyWork: {
      area: '森林草原土地图斑整改',
      detail:
        '特别是在全镇范围内图斑整改工作中，充分发挥联系群众优势，积极宣传引导，带头引领群众整改。对涉及各级代表的图斑，镇人大主席团第一时间掌握具体情况及时沟通，做到影响最小化。',
    },
    studyCampaign: '认真按照“关于深入开展习近平新时代中国特色社会主义思想主题教育”的要求，',
  },
  2024: { note: '是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年' },
  2025: { note: '是“十四五”规划收官之年' },
};

const paragraphs = (...lines: Array<string | false | null | undefined>) => lines.filter(Boolean).join('\n');

/** The session in words: 镇第十九届人民代表大会第四次会议. */
export function sessionWords(meta: DraftMeta): string {
  if (!meta.term || !meta.sessionNumber) return '镇人民代表大会';
  return `镇${congressSessionName(meta.term, meta.sessionNumber)}`;
}

export function buildDraft(data: YearData, facts: Facts, meta: DraftMeta): SectionInput[] {
  const { year } = data;
  const tw = meta.township;
  const f = (key: string) => facts[key];

  const ctx = YEAR_CONTEXT[year] ?? {};

  // 二、一是: stations, equipment, receptions (the seed's sentences; the reception figures follow as their own sentence)
  const stationSentence = [
    f('homeEquipment') ? `为镇人大代表之家配备了${f('homeEquipment')!.text}等设备` : '',
    f('villageStationPlaces') ? `${f('villageStationPlaces')!.phrase}${f('villageStations')!.phrase}` : '',
  ].filter(Boolean);
  const receptions = f('receptions')!;
  const receptionSentence =
    Number(receptions.value) > 0
      ? `全年各级代表联络站共${receptions.phrase}，${f('receptionVoters')!.phrase}，${f('opinions')!.phrase}。`
      : '';
  const codeSentence = f('codeOpinions')
    ? `${f('codeOpinions')!.phrase}，${['codeOnTime', 'codeConverted', 'codeSatisfaction']
        .map((k) => f(k)?.phrase)
        .filter(Boolean)
        .join('，')}。`.replace('，。', '。')
    : '';
  const liaisonSentence = f('presidiumContacts') ? `${f('presidiumContacts')!.phrase}，${f('presidiumDeputies')!.phrase}。` : '';
  const stations = `一是充分发挥代表联络站作用。不断深化三级人大代表联络站规范化建设${stationSentence.length ? '，' + stationSentence.join('，并') : ''}。按照“建、管、用”并重原则，重点在“用”上发力，在闭会期间认真开展代表履职学习培训、联系和接待选民等各项活动，为各级人大代表深入学习交流、广泛联系选民、收集民情民意、更好履职尽责，搭建了依法履职服务平台，充分发挥人大代表之家及代表联络站的阵地作用。${receptionSentence}${codeSentence}${liaisonSentence}`;

  // 二、二是: serving the township's key work
  const keyWork = ctx.keyWork;
  const service = `二是齐心协力服务社会，为全镇经济社会发展贡献人大力量。在全镇信访维稳、经济建设${keyWork ? `、${keyWork.area}` : ''}等重点工作上发挥代表作用，${keyWork ? keyWork.detail : '充分发挥联系群众优势，积极宣传引导，带头引领群众支持和参与全镇重点工作。'}在保持全镇稳定上从大局入手，倡导代表从正规渠道反映问题，积极传播正能量，特别是在关键时间节点上体现代表的责任担当，对于代表反映的社会问题做到有访必答；人大代表作为全镇经济建设的生力军，积极参与镇级各项经济指标的分解并监督完成任务，在全镇种植业、养殖业、特色产业发展方面冲锋在前，及时反馈${year}年${tw}民生实事项目征求意见。`;

  // 三、一是: livelihood projects
  const done = Number(f('projectsDone')!.value);
  const total = data.projects.length;
  const progressWords = total === 0 ? '' : done === total ? '已全部完工并投入使用' : `已完工${done}件，其余项目正在加紧实施`;
  const projectLines = data.projects.map((p) => {
    const outcomes = p.outcomes.map((o) => {
      const phrase = f(`project:${p.id}:outcome:${o.id}`)!.phrase;
      return isActionLabel(o.label) || /^(沿|在|于|从|对|向)/.test(phrase) ? phrase : `完成${phrase}`;
    });
    const done = outcomes.length > 1 ? `${outcomes.slice(0, -1).join('，')}，并${outcomes.at(-1)}` : outcomes.join('');
    return `${p.name}${f(`project:${p.id}:budget`)!.phrase}${done ? `，${done}` : ''}`;
  });
  const benefit = total > 0 && done === total ? '项目建成投入使用，有效满足了群众生活需求，进一步提升了群众幸福指数。' : '';
  const projects =
    total === 0
      ? `一是持续督办民生实事项目。坚持把督促办好民生实事作为监督工作重点任务抓实抓好，积极沟通督办。`
      : `一是持续督办民生实事项目。坚持把督促办好民生实事作为监督工作重点任务抓实抓好，针对代表们在人大会议上票决出的${year}年民生实事项目，积极沟通督办。截至目前，${f('projects')!.phrase}${progressWords}。其中，${projectLines.join('；')}。${benefit}`;

  // 三、二是: activities
  const supervise = activityNames(data.activities, ['OPEN_DAY', 'INSPECTION', 'RESEARCH']);
  const publicity = activityNames(data.activities, ['LEGAL_PUBLICITY', 'DISASTER_PUBLICITY', 'CULTURE', 'OTHER']);
  const activities = `二是求深求实丰富代表活动。今年以来，结合我镇年初工作目标，切实发挥好人大代表监督作用，${tw}人大主席团组织安排部分市、旗、镇三级人大代表${supervise.length ? `参加${supervise.join('、')}等活动，并针对活动内容广泛征求意见建议` : '开展视察调研活动'}，进一步推动人大代表履行代表义务，提升人大代表履职能力；各级代表参与${publicity.length ? joinAnd(publicity) + '等' : '各类代表'}${f('personTimes')!.phrase}，加强了人大代表与人民群众的密切联系，充分发挥代表联系群众的桥梁纽带作用。`;

  // 四、二是: suggestions
  const s = data.suggestions;
  const rateWords = [f('replyRate')?.phrase, f('satisfactionRate') ? `代表${f('satisfactionRate')!.phrase}` : '']
    .filter(Boolean)
    .join('，');
  const keyAll = s.keySuggestions.length > 0 && s.keySuggestions.every((k) => k.supervisor);
  const keySentence = s.keySuggestions.length
    ? `先后选定${f('keyCategories') ? f('keyCategories')!.phrase : ''}${f('keySuggestions')!.phrase}，及时交办政府部门，${keyAll ? '并由镇人大主席团成员督办落实' : '由镇人大主席团跟踪督办'}。`
    : '';
  const suggestions = `二是高质高效抓好建议办理。坚持“内容高质量，办理高质量”原则，严把交办关、督办关、答复关，推动代表建议办理由“答复型”向“落实型”转变。${keySentence}全年共${f('suggestionsReceived')!.phrase}，${f('suggestionsRegistered')!.phrase}${rateWords ? `，${rateWords}` : ''}。`;

  const note = ctx.note;
  return [
    {
      kind: 'OPENING',
      heading: '',
      body: paragraphs(
        '各位代表：',
        `现在我代表${tw}人大主席团，向${sessionWords(meta)}报告工作，请各位代表予以审议，并请列席会议的同志提出宝贵意见。`,
      ),
    },
    {
      kind: 'REVIEW_INTRO',
      heading: `${year}年主要工作回顾`,
      body: `${year}年${note ? `，${note}` : ''}。今年，${tw}人大坚持以习近平新时代中国特色社会主义思想为指导，认真践行习近平总书记关于坚持和完善人民代表大会制度的重要思想，在旗人大常委会的精心指导及镇党委的坚强领导下，紧紧围绕全镇中心工作大局，坚定政治方向，维护公平正义，坚持把服务发展作为第一要务，把践行法治作为第一责任，把为民履职作为第一追求，锚定新坐标，展现新作为，依法履行宪法和法律赋予的各项职权，努力将人大制度优势转化为治理效能，为${tw}经济社会高质量发展贡献了人大智慧和力量。`,
    },
    {
      kind: 'REVIEW_PART',
      heading: '一、聚焦政治引领，始终坚持党的全面领导',
      body: paragraphs(
        '一年来，镇人大主席团始终坚持正确政治方向，站稳政治立场，旗帜鲜明贯彻落实上级及镇党委的各项决策部署和工作要求。',
        '一是牢牢把握人大工作的政治属性。认真落实“代表学堂”等学习制度，深入学习贯彻习近平新时代中国特色社会主义思想、学深悟透习近平法治思想、习近平总书记关于坚持和完善人民代表大会制度的重要思想，及时跟进学习习近平总书记重要讲话和重要指示批示精神，切实增强捍卫“两个确立”的思想自觉和行动自觉。' +
          '二是始终坚持党的全面领导。始终把坚持党的全面领导这一最高政治原则贯穿于人大工作各方面全过程。找准人大依法履职的切入点、着力点，高质量做好人大监督工作，确保党中央决策部署和上级党委工作要求条条落实、件件落地、事事见效。',
      ),
    },
    {
      kind: 'REVIEW_PART',
      heading: '二、聚焦夯实基础，更好助力全镇经济社会发展',
      body: stations + service,
    },
    {
      kind: 'REVIEW_PART',
      heading: '三、聚焦代表履职，充分发挥代表主体作用',
      body: projects + activities,
    },
    {
      kind: 'REVIEW_PART',
      heading: '四、聚焦自身建设，全面提升履职能力水平',
      body:
        `一是有序推动人大规范化建设。坚持围绕中心、服务大局，努力做到全镇工作重心在哪里，人大工作就跟进到哪里，作用就发挥到哪里。今年以来，镇人大按照《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》及相关法律法规和上级人大的相关要求，制定和完善${year}年度人大工作的任务、目标，进一步明确了镇人大主席团成员的职责分工，主席团联系代表、代表联系选民制度等。以制度规范代表的履职权利，督促代表履行义务，强化制度约束，不断提高代表的监督执行力。` +
        suggestions,
    },
    {
      kind: 'ACHIEVEMENTS',
      heading: '',
      body: `各位代表，${year}年人大主席团工作取得了一些成绩，这都应归功于镇党委的正确领导，归功于全镇人民、全体代表和社会各界人士的大力支持和倾情关怀。在此，我谨代表镇人大主席团向各位代表和同志们表示最衷心的感谢！在肯定成绩的同时，我们也清醒地认识到，镇人大主席团的工作离宪法和法律的要求、离党和人民群众的期望还有一定差距，主要表现在：镇人大主席团联系代表还不够；代表监督职能发挥不充分；代表在镇重点项目推进上发挥作用还有欠缺。以上不足，我们将认真总结，在今后的工作中采取切实有效的措施加以解决。`,
    },
    {
      kind: 'TASKS',
      heading: `${year + 1}年工作任务`,
      body: paragraphs(
        `${year + 1}年，镇人大工作总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，完整、准确、全面贯彻新发展理念，主动融入和服务新发展格局，团结和依靠全体代表，以对党和人民高度负责的精神，自觉履行宪法和法律赋予的使命，在推动全镇经济社会高质量发展中履职尽责，干出代表新风采、实现人大新作为。`,
        `我们将积极响应新时代的要求，把学习贯彻党的二十大精神转化为提高人大工作能力的实际行动，加强人大主席团的自身建设。一是规范制度建设。始终把坚持党的领导贯穿人大工作全过程，坚定正确的政治方向，不断完善人大主席团的议事规则和工作制度，更好地坚持民主集中制原则；注重探索创新，及时把实践经验上升为规范制度，促进人大工作的制度化、法制化、规范化。二是${ctx.studyCampaign ?? ''}持之以恒地抓好政治理论学习，不断增强政治敏锐性和政治坚定性，提高主席团成员的政治思想素质、理论水平和人大工作能力，提高驾驭社会主义市场经济和观察、思考、处理问题的能力。三是强化服务意识，切实改进作风。牢固树立服务意识，自觉地为群众服务，为选民服务，为代表服务。深入选区向选民宣传党的路线、方针、政策，倾听群众的呼声和代表的反映，及时收转、督办代表提出的批评、建议、意见，努力提高工作效率，确立勤政、求实、高效的工作作风。`,
      ),
    },
    {
      kind: 'CLOSING',
      heading: '',
      body: `各位代表，人民群众对美好生活的向往是我们的奋斗目标，人民群众生活更加幸福是我们的不懈追求。富饶美丽幸福的好日子，是撸起袖子干出来的，美好蓝图变现实要靠全镇人民共同去努力，让我们在镇党委的正确领导下，肩负人民重托，心系百姓梦想，奋发进取，埋头苦干，创造无愧于历史、无愧于时代的辉煌业绩，为${tw}经济建设、社会发展作出新的更大的贡献！`,
    },
  ];
}
