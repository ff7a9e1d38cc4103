// The township's congress and liaison stations. The 19th 东明镇 People's Congress was elected on
// 2021-01-08; 第四次会议 on 2023-12-07 heard the 2023 work report. 第五次会议 opened the current
// year's projects (relative to the day the demo is created) and 第六次会议 is days away: its vote
// on next year's projects is not open yet.
import type { SessionSpec, StationSpec } from '../types.js';

export const TOWNSHIP = { name: '东明镇', county: '奈曼旗', congressTerm: 19, congressStart: '2021-01-08' };

const HALL = '东明镇政府三楼会议室';

export const SESSIONS: SessionSpec[] = [
  { number: 1, date: '2021-01-08', place: HALL, presentCount: 37 },
  { number: 2, date: '2022-01-14', place: HALL, presentCount: 35 },
  {
    number: 3,
    date: '2023-01-12',
    place: HALL,
    presentCount: 34,
    absent: ['苏和', '常红梅', '田志远', '石秀梅'],
    opened: '2023-01-12 10:00',
    closed: '2023-01-12 10:40',
  },
  {
    number: 4,
    date: '2023-12-07',
    place: HALL,
    presentCount: 33,
    absent: ['巴特尔', '萨仁高娃', '冯桂芝', '苏和'],
    opened: '2023-12-07 10:30',
    closed: '2023-12-07 11:00',
  },
  { number: 5, date: 'T-337', place: HALL, absent: ['萨仁高娃', '朝鲁', '田志远'], opened: 'T-337 10:00', closed: 'T-337 10:40' },
  { number: 6, date: 'T+8', place: HALL },
];

export const STATIONS: StationSpec[] = [
  {
    name: '东明镇人大代表之家',
    tier: 'TOWN_HOME',
    village: '东明村',
    address: '东明镇人民政府二楼',
    established: '2019-06-18',
    phone: '0475-4231009',
    residents: ['刘海龙', '包金山', '李永刚', '张丽华', '杨春华', '陈淑芬', '宝音图', '于海波'],
    equipment: [
      { name: '电脑', quantity: 2, unit: '台', providedOn: '2023-05-16', note: '用于代表履职学习和接待记录录入' },
      { name: '投影仪', quantity: 1, unit: '台', providedOn: '2023-05-16', note: '用于“代表学堂”学习培训' },
      { name: '办公桌椅', quantity: 10, unit: '套', providedOn: '2023-05-16', note: '接待室、学习室' },
    ],
    rules: [
      '一、代表之家每月15日（节假日顺延）为代表接待选民日，接待前2天在镇政府公示栏和各村务公开栏公布接待代表名单。',
      '二、进站代表轮流值班，认真听取、记录选民意见，能当场答复的当场答复，不能当场答复的由镇人大主席团转有关部门办理，并在15个工作日内反馈。',
      '三、每季度至少组织一次“代表学堂”学习培训，每半年组织一次代表活动。',
      '四、建立接待登记、意见办理、资料归档等台账，做到有记录、有办理、有反馈。',
      '五、代表之家设备由人大专干统一管理，登记造册，不得挪作他用。',
    ],
  },
  {
    name: '哈日干图嘎查人大代表联络站',
    tier: 'VILLAGE',
    village: '哈日干图嘎查',
    address: '哈日干图嘎查党群服务中心',
    established: '2021-07-01',
    phone: '0475-4236021',
    residents: ['白音那木拉', '宝音图', '巴特尔', '乌力吉'],
    equipment: [
      { name: '办公桌椅', quantity: 4, unit: '套', providedOn: '2021-07-01', note: '' },
      { name: '档案柜', quantity: 1, unit: '组', providedOn: '2021-07-01', note: '存放接待记录' },
    ],
    rules: [
      '一、联络站每季度第一个月的20日前后开展一次接待选民活动，遇牧忙季节可适当调整并提前公告。',
      '二、进站代表定期走访牧户，收集民情民意，及时上报镇人大主席团。',
      '三、选民意见做到件件登记、件件有回音。',
    ],
  },
  {
    name: '嘎查甸子村人大代表联络站',
    tier: 'VILLAGE',
    village: '嘎查甸子村',
    address: '嘎查甸子村党群服务中心一楼',
    established: '2023-08-16',
    phone: '0475-4236118',
    residents: ['乌云其木格', '敖特根', '图门'],
    rules: [
      '一、联络站每季度开展一次集中接待选民活动，平时由进站代表轮流联系选民。',
      '二、接待前2天在村务公开栏公布接待时间和代表名单。',
      '三、收集的意见建议当场能答复的当场答复，需要部门办理的报镇人大主席团转办，并及时向选民反馈。',
      '四、建立接待记录和意见办理台账，年底向镇人大主席团报告工作。',
    ],
  },
  {
    name: '上奈林村人大代表联络站',
    tier: 'VILLAGE',
    village: '上奈林村',
    address: '上奈林村村委会二楼',
    established: '2023-09-12',
    phone: '0475-4236205',
    residents: ['王德福', '额尔敦', '何秀兰'],
    rules: [
      '一、联络站每季度开展一次集中接待选民活动，农忙季节顺延并提前公告。',
      '二、进站代表每人联系选民不少于10户，定期走访。',
      '三、选民意见登记造册，按“当场答复、转办、转为代表建议”分类处理，做到件件有回音。',
    ],
  },
];
