// Suggestions being handled right now, whose reply deadlines sit around today: a few overdue, a few
// due this week, most on time (deadline = 交办 + 3 months). Dates are relative to the day the demo
// is created.
import type { SuggestionSpec } from '../types.js';

export const OPEN_SUGGESTIONS: SuggestionSpec[] = [
  // ── overdue ──
  {
    key: 'cur-vet',
    category: 'AGRICULTURE',
    lead: '苏和',
    coSigners: ['那顺', '萨仁高娃'],
    title: '关于在巴彦塔拉嘎查设立兽医服务点的建议',
    content:
      '巴彦塔拉嘎查距镇农牧业综合服务中心30多公里，牲畜生病时兽医很难及时赶到，牧民只能自行用药，容易延误治疗。建议在嘎查设立兽医服务点，定期开展防疫和诊疗服务。',
    created: 'T-104',
    submitted: 'T-104',
    review: { at: 'T-101', outcome: 'accept' },
    assign: { at: 'T-99', lead: '农业农村办公室', signed: 'T-98' },
    contacts: [{ at: 'T-70', way: 'PHONE', summary: '电话向苏和代表了解嘎查牲畜防疫需求，商定服务点选址。' }],
    expect: 'HANDLING',
  },
  // ── due this week ──
  {
    key: 'cur-ditch',
    category: 'RURAL_CONSTRUCTION',
    lead: '韩立新',
    coSigners: ['刘玉珍'],
    title: '关于疏通新发村村内排水沟的建议',
    content:
      '新发村主街两侧排水沟多年未清淤，部分路段被垃圾和泥沙堵塞，下雨后路面积水严重，影响群众出行。建议组织清淤疏通，并在村口低洼处增设排水涵管。',
    created: 'T-93',
    submitted: 'T-93',
    review: { at: 'T-91', outcome: 'accept' },
    assign: { at: 'T-88', lead: '农业农村办公室', assist: ['村镇规划建设办公室'], signed: 'T-87' },
    expect: 'HANDLING',
  },
  {
    key: 'cur-heating',
    category: 'EDUCATION_HEALTH',
    lead: '其其格',
    coSigners: ['张丽华'],
    title: '关于维修东明镇中心学校供暖设施的建议',
    content:
      '东明镇中心学校锅炉房供暖管网使用已超过15年，部分教室暖气片不热，冬季最低室温只有12℃左右，学生需穿棉衣上课。建议对锅炉和管网进行检修，更换老化暖气片。',
    created: 'T-92',
    submitted: 'T-92',
    review: { at: 'T-90', outcome: 'accept' },
    assign: { at: 'T-87', lead: '社会事务办公室', assist: ['财政所'], signed: 'T-86' },
    contacts: [{ at: 'T-60', way: 'PHONE', summary: '电话向其其格代表通报锅炉检修安排，约定到校查看暖气片更换情况。' }],
    expect: 'HANDLING',
  },
  // ── on time ──
  {
    key: 'cur-lamp',
    category: 'LIVELIHOOD',
    lead: '孙志强',
    coSigners: ['田志远'],
    title: '关于维修下奈林村损坏路灯的建议',
    content: '下奈林村主街路灯有11盏损坏多月未修，夜间群众出行不便。建议明确路灯维护责任，尽快修复。',
    created: 'T-62',
    submitted: 'T-62',
    review: { at: 'T-60', outcome: 'accept' },
    assign: { at: 'T-58', lead: '村镇规划建设办公室', signed: 'T-57' },
    expect: 'HANDLING',
  },
  {
    key: 'cur-night-clinic',
    category: 'EDUCATION_HEALTH',
    lead: '石秀梅',
    coSigners: ['杨春华'],
    title: '关于完善东明镇卫生院夜间急诊服务的建议',
    content:
      '镇卫生院夜间只有1名值班医生，群众夜间突发疾病只能等待旗医院救护车，往返需2个多小时。建议卫生院完善夜间急诊值班制度，配备必要的急救设备和人员。',
    created: 'T-50',
    submitted: 'T-50',
    review: { at: 'T-48', outcome: 'accept' },
    assign: { at: 'T-46', lead: '东明镇卫生院', assist: ['社会事务办公室'], signed: 'T-45' },
    expect: 'HANDLING',
  },
  {
    key: 'cur-insurance',
    category: 'AGRICULTURE',
    lead: '阿拉坦仓',
    coSigners: ['宝音图', '巴特尔'],
    title: '关于扩大肉牛养殖政策性保险覆盖面的建议',
    content:
      '我镇肉牛存栏逐年增加，但参加政策性养殖保险的牧户不足三成，遇到疫病或灾害损失大。建议加大政策宣传，简化投保和理赔手续，争取提高保费补贴比例。',
    created: 'T-33',
    submitted: 'T-33',
    review: { at: 'T-31', outcome: 'accept' },
    assign: { at: 'T-30', lead: '农业农村办公室', assist: ['财政所'], signed: 'T-28' },
    expect: 'HANDLING',
  },
  {
    key: 'cur-bus',
    category: 'ROADS_TRAFFIC',
    lead: '马建民',
    coSigners: ['周国庆'],
    title: '关于恢复东明镇至旗所在地早班客车的建议',
    content:
      '东明镇至旗所在地的早班客车停运后，群众到旗里看病、办事只能包车或搭乘私家车，费用高、不安全。建议协调客运公司恢复早班客车，或开通预约定制客运线路。',
    created: 'T-24',
    submitted: 'T-24',
    review: { at: 'T-22', outcome: 'accept' },
    assign: { at: 'T-20', lead: '交通管理站', signed: 'T-18' },
    expect: 'HANDLING',
  },
  {
    key: 'cur-fence',
    category: 'ECOLOGY',
    lead: '那顺',
    coSigners: ['苏和'],
    title: '关于修复巴彦塔拉嘎查草场围栏的建议',
    content: '巴彦塔拉嘎查北部草场围栏多处被大风和牲畜损坏，禁牧区时有牲畜进入。建议尽快修复围栏，并落实草管员巡护责任。',
    created: 'T-15',
    submitted: 'T-15',
    review: { at: 'T-13', outcome: 'accept' },
    assign: { at: 'T-12', lead: '自然资源所', signed: 'T-11' },
    expect: 'HANDLING',
  },
];
