// 2023's suggestions, as the 2023 work report tells them: six submitted at 第三次会议 (2023-01-12)
// and six between sessions; four of them key suggestions (民生 ×2, 道路交通, 乡村建设), each
// supervised (督办) by a presidium member.
import type { SuggestionSpec } from '../types.js';

export const SUGGESTIONS_2023: SuggestionSpec[] = [
  {
    key: 's23-spring',
    year: 2023,
    atSession: 3,
    category: 'AGRICULTURE',
    lead: '格日勒图',
    coSigners: ['郭振华', '高淑琴'],
    title: '关于加强春耕备耕农资供应和农机服务的建议',
    content:
      '近年来我镇玉米种植面积逐年扩大，但每到春耕时节，种子、化肥等农资价格波动大，部分农户买不到放心农资；农机具检修、维修网点少，春播高峰期农机服务跟不上。建议：一是组织镇供销社和农资经营户提前储备，开展农资质量抽检；二是在东明村、三家子村设立春耕农机维修服务点；三是组织农技人员进村开展测土配方施肥指导。',
    created: '2023-01-12 14:20',
    submitted: '2023-01-12 14:20',
    review: { at: '2023-01-16', outcome: 'accept' },
    assign: { at: '2023-01-18', lead: '农业农村办公室', signed: '2023-01-19' },
    replies: [
      {
        at: '2023-03-10',
        category: 'A',
        content:
          '格日勒图代表：您提出的建议已办理。一是协调镇供销社及6家农资经营户储备化肥1200吨、玉米种子45吨，联合旗市场监管局开展农资质量抽检2次；二是在东明村、三家子村设立春耕农机维修服务点2处，组织农机手培训80人次；三是组织农技人员进村入户开展测土配方施肥指导11场次。感谢您对全镇农业生产的关心。',
      },
    ],
    ratings: [{ at: '2023-03-15', attitude: 'SATISFIED', result: 'SATISFIED', comment: '农资储备和维修点都落实了，群众反映很好。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-clinic',
    year: 2023,
    atSession: 3,
    category: 'LIVELIHOOD',
    isKey: true,
    lead: '杨春华',
    coSigners: ['石秀梅', '关玉霞'],
    title: '关于提升东明镇卫生院基本医疗服务能力的建议',
    content:
      '东明镇卫生院承担着全镇2万余名群众的基本医疗服务，但检查设备老化，缺少彩超、生化分析等设备，群众做常规检查需到旗医院，往返不便、负担重。建议争取上级卫生健康部门支持，为镇卫生院更新必要的检查设备，并与旗级医院建立远程会诊和专家下沉机制。',
    created: '2023-01-12 15:05',
    submitted: '2023-01-12 15:05',
    review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'chair',
    assign: { at: '2023-01-18', lead: '社会事务办公室', assist: ['财政所'], signed: '2023-01-19' },
    supervisions: [
      { by: 'chair', way: 'CALL', at: '2023-02-20', note: '电话了解设备采购申报进展，要求3月底前落实资金来源。' },
      { by: 'chair', way: 'VISIT', at: '2023-03-22', note: '到镇卫生院实地督办，查看设备安装场地和人员培训准备情况。' },
    ],
    assistOpinions: [
      {
        unit: '财政所',
        at: '2023-04-03',
        content: '财政所协办意见：已将卫生院设备配套资金18万元列入2023年镇级财政预算，并协助申报旗级基层医疗能力提升专项资金。',
      },
    ],
    replies: [
      {
        at: '2023-04-10',
        category: 'A',
        content:
          '杨春华代表：经积极争取，旗卫生健康委为镇卫生院配备彩色多普勒超声诊断仪1台、全自动生化分析仪1台，已于3月底安装调试完毕投入使用；镇卫生院与旗医院建立远程会诊机制，旗医院每周二、周五派专家到卫生院坐诊。',
      },
    ],
    ratings: [{ at: '2023-04-17', attitude: 'SATISFIED', result: 'SATISFIED', comment: '设备已投入使用，群众在家门口就能做检查。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-road',
    year: 2023,
    atSession: 3,
    category: 'ROADS_TRAFFIC',
    isKey: true,
    isComplex: true,
    lead: '宝音图',
    coSigners: ['白音那木拉', '巴特尔', '苏和'],
    title: '关于硬化哈日干图嘎查至111线通村道路的建议',
    content:
      '哈日干图嘎查至111线的通村道路为砂石路，全长约6.8公里，雨季泥泞、冬季积雪难行，牧民出售牛羊、学生上学和就医都很不方便，运输车辆经常陷车。建议将该路段列入农村牧区公路建设计划，尽快实施硬化，并配套建设涵洞和排水设施。',
    created: '2023-01-12 15:30',
    submitted: '2023-01-12 15:30',
    review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'vicechair',
    assign: { at: '2023-01-18', lead: '交通管理站', assist: ['财政所'], signed: '2023-01-20' },
    supervisions: [
      {
        by: 'vicechair',
        way: 'MEETING',
        at: '2023-03-28',
        note: '召开重点建议督办会，交通管理站、财政所汇报前期工作，要求尽快完成路线勘测并向旗交通运输局申报。',
      },
      { by: 'vicechair', way: 'VISIT', at: '2023-05-16', note: '与宝音图代表一同实地查看路况，督促完成勘测设计。' },
      { by: 'vicechair', way: 'CALL', at: '2023-06-20', note: '电话督促交通管理站按期答复代表。' },
    ],
    contacts: [
      { at: '2023-05-16', way: 'MEETING', summary: '交通管理站与宝音图代表一同实地查看路况，听取嘎查牧民意见，确定涵洞设置位置。' },
    ],
    assistOpinions: [
      {
        unit: '财政所',
        at: '2023-06-15',
        content: '财政所协办意见：项目总投资约260万元，拟申请旗级农村牧区公路建设补助资金，镇级配套资金列入2024年预算。',
      },
    ],
    replies: [
      {
        at: '2023-06-28',
        category: 'B',
        planned: '2024-10-31',
        content:
          '宝音图代表：该路段全长6.8公里，已完成勘测设计，经积极争取已列入旗交通运输局2024年农村牧区公路建设计划，并拟作为2024年民生实事项目候选项目提交镇人代会票决，计划2024年5月开工、10月底前完工。',
      },
    ],
    ratings: [{ at: '2023-07-05', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', comment: '已列入计划，希望明年按期开工。' }],
    updates: [
      { at: '2023-12-07', content: '“东明镇哈日干图嘎查通村道路硬化项目”经镇第十九届人大第四次会议票决，确定为2024年民生实事项目。' },
      { at: '2024-05-20', content: '项目完成招标并于5月20日开工建设。' },
      { at: '2024-08-15', content: '已完成路基整修6.8公里、涵洞4处，开始铺筑水泥混凝土路面。' },
      { at: '2024-10-20', content: '已完成路面硬化6.8公里、涵洞6处。' },
    ],
    implemented: { at: '2024-10-28', note: '道路全长6.8公里已全线硬化通车，10月25日通过交工验收。' },
    confirmed: '2024-11-05',
    expect: 'CLOSED',
  },
  {
    key: 's23-water',
    year: 2023,
    atSession: 3,
    category: 'LIVELIHOOD',
    isKey: true,
    lead: '额尔敦',
    coSigners: ['何秀兰', '赵桂兰', '孙志强'],
    title: '关于解决上奈林村、下奈林村部分农户饮水困难的建议',
    content:
      '上奈林村、下奈林村地势较高的40余户农户，每年夏季用水高峰期自来水水压不足，经常停水；部分供水管网铺设年代久，漏损严重。建议对两村供水设施进行改造，新打机电井，更换老化管网，保障群众饮水安全。',
    created: '2023-01-12 16:10',
    submitted: '2023-01-12 16:10',
    review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'member2',
    assign: { at: '2023-01-18', lead: '农业农村办公室', assist: ['财政所'], signed: '2023-01-19' },
    supervisions: [
      { by: 'member2', way: 'VISIT', at: '2023-02-28', note: '到上奈林村、下奈林村实地督办，查看供水设施现状。' },
      { by: 'member2', way: 'CALL', at: '2023-03-30', note: '电话督促农业农村办公室抓紧施工，确保夏季用水高峰前完工。' },
    ],
    replies: [
      {
        at: '2023-04-12',
        category: 'A',
        content:
          '额尔敦代表：已在上奈林村新打机电井1眼、下奈林村新打机电井1眼，更换老化供水管网3.6公里，加装加压设备2套，两村46户饮水困难问题已全部解决。',
      },
    ],
    ratings: [{ at: '2023-04-20', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-schoolbus',
    year: 2023,
    atSession: 3,
    category: 'EDUCATION_HEALTH',
    lead: '张丽华',
    coSigners: ['其其格'],
    title: '关于增设东明镇中心学校校车接送线路的建议',
    content:
      '东明镇中心学校现有校车线路3条，巴彦塔拉嘎查、新发村部分学生上下学仍需家长接送，路途远、安全隐患大。建议增设校车线路，覆盖偏远嘎查村。',
    created: '2023-01-12 16:40',
    submitted: '2023-01-12 16:40',
    review: { at: '2023-01-16', outcome: 'accept' },
    assign: { at: '2023-01-18', lead: '社会事务办公室', assist: ['交通管理站'], signed: '2023-01-19' },
    assistOpinions: [
      {
        unit: '交通管理站',
        at: '2023-03-28',
        content: '交通管理站协办意见：巴彦塔拉嘎查至镇区道路部分路段为砂石路，暂不符合校车通行条件。',
      },
    ],
    replies: [
      {
        at: '2023-04-06',
        category: 'C',
        content:
          '张丽华代表：受校车购置资金和部分路段不符合校车通行条件的限制，今年暂无法新增校车线路。已协调学校调整现有线路停靠点2处，对偏远嘎查村学生实行寄宿优先安排，待道路条件改善后再统筹考虑。',
      },
    ],
    ratings: [
      { at: '2023-04-12', attitude: 'SATISFIED', result: 'BASICALLY_SATISFIED', comment: '理解客观困难，希望道路硬化后优先考虑。' },
    ],
    expect: 'CLOSED',
  },
  {
    key: 's23-village',
    year: 2023,
    atSession: 3,
    category: 'RURAL_CONSTRUCTION',
    isKey: true,
    lead: '吴海军',
    coSigners: ['常红梅', '邢宝山'],
    title: '关于推进西营子村农村人居环境整治、规范柴草堆放的建议',
    content:
      '西营子村部分巷道柴草、粪堆乱堆乱放，雨季污水横流，既影响村容村貌，又存在火灾隐患。建议统一规划柴草堆放区，清理巷道“三大堆”，配齐保洁人员和垃圾收集设施，建立长效管护机制。',
    created: '2023-01-12 17:00',
    submitted: '2023-01-12 17:00',
    review: { at: '2023-01-16', outcome: 'accept' },
    supervisor: 'member',
    assign: { at: '2023-01-18', lead: '农业农村办公室', assist: ['综合行政执法局'], signed: '2023-01-19' },
    supervisions: [
      { by: 'member', way: 'VISIT', at: '2023-03-30', note: '到西营子村实地督办，查看柴草集中堆放区选址和巷道清理进度。' },
      { by: 'member', way: 'CALL', at: '2023-04-10', note: '电话督促承办单位按时答复，并建立保洁长效机制。' },
    ],
    assistOpinions: [
      {
        unit: '综合行政执法局',
        at: '2023-04-06',
        content: '综合行政执法局协办意见：已配合开展巷道占道堆放集中整治，清理柴草堆、粪堆等“三大堆”。',
      },
    ],
    replies: [
      {
        at: '2023-04-14',
        category: 'A',
        content:
          '吴海军代表：已在西营子村规划柴草集中堆放区2处，清理巷道“三大堆”136处，新设垃圾收集点8处，聘用保洁员4名，并将人居环境管护纳入村规民约，实行门前“三包”责任制。',
      },
    ],
    ratings: [{ at: '2023-04-21', attitude: 'SATISFIED', result: 'SATISFIED', comment: '村容村貌明显改观。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-grassland',
    year: 2023,
    category: 'ECOLOGY',
    lead: '那顺',
    coSigners: ['萨仁高娃', '苏和'],
    title: '关于加强草原禁牧休牧期间巡查管护的建议',
    content:
      '春季休牧期间，巴彦塔拉嘎查周边仍有个别外来畜群偷牧，草场围栏破损无人维修。建议加强禁牧休牧期巡查，修复破损围栏，落实草管员责任。',
    created: '2023-03-06',
    submitted: '2023-03-06',
    review: { at: '2023-03-08', outcome: 'accept' },
    assign: { at: '2023-03-10', lead: '自然资源所', signed: '2023-03-13' },
    replies: [
      {
        at: '2023-05-05',
        category: 'A',
        content:
          '那顺代表：休牧期间组织草管员、林草执法人员开展联合巡查26次，劝离偷牧畜群5群，修复草场围栏4.2公里，并将巡查责任落实到每名草管员。',
      },
    ],
    ratings: [{ at: '2023-05-12', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-cattle',
    year: 2023,
    category: 'AGRICULTURE',
    lead: '宝音图',
    byDeputy: true,
    coSigners: ['巴特尔'],
    title: '关于为养殖户提供肉牛品种改良技术服务的建议',
    content:
      '哈日干图嘎查肉牛养殖户多，但本地牛品种退化、出栏慢、效益低，牧民希望开展冻精配种改良，但缺少技术人员和配种站点。建议组织畜牧技术人员进嘎查开展品种改良服务，落实冻精改良补贴。',
    created: '2023-04-17 20:15',
    submitted: '2023-04-17 20:18',
    review: { at: '2023-04-19', outcome: 'accept' },
    assign: { at: '2023-04-20', lead: '农业农村办公室', signed: '2023-04-21' },
    replies: [
      {
        at: '2023-05-30',
        category: 'A',
        content: '宝音图代表：已将哈日干图嘎查纳入2023年肉牛冻精改良补贴范围，补贴标准每头40元，相关通知已下发嘎查。',
      },
      {
        at: '2023-06-28',
        category: 'A',
        content:
          '宝音图代表：按照您的意见，镇农牧业综合服务中心已安排兽医阿拉坦仓等2名技术员驻嘎查开展冻精配种服务，在嘎查设立配种点1处，截至6月底完成冻精配种136头，补贴资金已兑现。',
      },
    ],
    ratings: [
      {
        at: '2023-06-05',
        attitude: 'SATISFIED',
        result: 'DISSATISFIED',
        comment: '只下发了通知，没有安排技术人员进嘎查，配种服务没有落实。',
      },
      { at: '2023-07-03', attitude: 'SATISFIED', result: 'SATISFIED', comment: '技术员已经驻嘎查服务，牧民很满意。' },
    ],
    contacts: [{ at: '2023-06-08', way: 'MEETING', summary: '重新办理前与宝音图代表见面沟通，商定在嘎查设立配种点并安排技术员驻点服务。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-elderly',
    year: 2023,
    category: 'EDUCATION_HEALTH',
    lead: '关玉霞',
    coSigners: ['杨春华'],
    title: '关于开展农村老年人免费健康体检的建议',
    content:
      '我镇65岁以上老年人较多，不少老人患有高血压、糖尿病等慢性病却没有定期体检。建议由镇卫生院组织医务人员进村开展免费健康体检，建立健康档案。',
    created: '2023-05-08',
    submitted: '2023-05-08',
    review: { at: '2023-05-10', outcome: 'accept' },
    assign: { at: '2023-05-11', lead: '社会事务办公室', signed: '2023-05-12' },
    replies: [
      {
        at: '2023-07-14',
        category: 'A',
        content: '关玉霞代表：镇卫生院组织医务人员分4组进村入户，为全镇65岁以上老年人免费体检2316人，建立健康档案并开展慢性病随访管理。',
      },
    ],
    ratings: [{ at: '2023-07-20', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-traffic',
    year: 2023,
    category: 'SOCIAL_GOVERNANCE',
    lead: '陈淑芬',
    byDeputy: true,
    coSigners: ['周国庆', '马建民'],
    title: '关于在111线东明段增设交通安全警示标志和监控设施的建议',
    content:
      '111线穿镇而过，东明段过往车辆车速快，学校、集贸市场路口缺少警示标志和减速设施，群众反映夜间过马路不安全。建议增设限速、警示标志和减速带，在重点路口安装监控。',
    created: '2023-06-19 19:40',
    submitted: '2023-06-19 19:45',
    review: { at: '2023-06-21', outcome: 'accept' },
    assign: { at: '2023-06-25', lead: '东明派出所', assist: ['交通管理站'], signed: '2023-06-26' },
    assistOpinions: [
      { unit: '交通管理站', at: '2023-07-20', content: '交通管理站协办意见：已配合在学校、集贸市场路口施划人行横道线3处。' },
    ],
    replies: [
      {
        at: '2023-08-08',
        category: 'A',
        content:
          '陈淑芬代表：经协调旗公安局交通管理大队，在111线东明段增设限速、警示标志12块，设置减速带2处，在学校、集贸市场路口安装高清监控4处，上下学时段安排警力护学。',
      },
    ],
    ratings: [{ at: '2023-08-14', attitude: 'SATISFIED', result: 'SATISFIED', comment: '标志和监控都装上了，过往车辆明显慢了。' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-market',
    year: 2023,
    category: 'LIVELIHOOD',
    lead: '马建民',
    coSigners: ['陈淑芬'],
    title: '关于规范东明村集贸市场经营秩序的建议',
    content: '东明村集贸市场逢集日占道经营、车辆乱停现象突出，堵塞111线交通，垃圾清运不及时。建议划定摊位区和停车区，加强逢集日管理。',
    created: '2023-07-03',
    submitted: '2023-07-03',
    review: { at: '2023-07-05', outcome: 'accept' },
    assign: { at: '2023-07-06', lead: '综合行政执法局', signed: '2023-07-07' },
    replies: [
      {
        at: '2023-08-25',
        category: 'A',
        content:
          '马建民代表：已在集贸市场划定临时摊位区和停车区各1处，逢集日安排执法人员和保洁员现场管理，集中清理占道经营32处，市场秩序明显好转。',
      },
    ],
    ratings: [{ at: '2023-08-30', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
  {
    key: 's23-bridge',
    year: 2023,
    category: 'ROADS_TRAFFIC',
    lead: '何秀兰',
    coSigners: ['额尔敦'],
    title: '关于修复上奈林村过水桥涵的建议',
    content: '上奈林村村南过水桥涵在今年汛期被冲毁一侧，农用车辆通行困难，秋收运粮受影响。建议尽快修复。',
    created: '2023-10-20',
    submitted: '2023-10-20',
    review: { at: '2023-10-23', outcome: 'accept' },
    assign: { at: '2023-10-25', lead: '交通管理站', signed: '2023-10-26' },
    replies: [
      {
        at: '2023-11-24',
        category: 'A',
        content: '何秀兰代表：交通管理站已于11月20日完成上奈林村过水桥涵修复，加固护坡并增设警示桩，农用车辆已恢复通行。',
      },
    ],
    ratings: [{ at: '2023-11-29', attitude: 'SATISFIED', result: 'SATISFIED' }],
    expect: 'CLOSED',
  },
];
