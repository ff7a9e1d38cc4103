// What the bell shows each demo account on the first day (dates relative to the day the demo is
// created). In links and titles, {suggestion:key} and {task:key} stand for the record's id and
// {no:key} for a suggestion's 立案编号.
import type { NotificationSpec } from '../types.js';

// prettier-ignore
export const NOTIFICATIONS: NotificationSpec[] = [
  { user: 'deputy', kind: 'task.assigned', title: '新的监督任务：视察上奈林村、下奈林村街巷亮化项目收尾情况', link: '/tasks/{task:cur-lamps-task}', at: 'T-6 10:00' },
  { user: 'deputy', kind: 'suggestion.supervised', title: '您附议的建议“关于维修哈日干图嘎查至巴彦塔拉嘎查砂石路的建议”已超期，主席团已催办', link: '/suggestions/{suggestion:cur-gravel}', at: 'T-84 15:00', read: 'T-83 08:10' },
  { user: 'deputy2', kind: 'suggestion.replied', title: '您领衔的建议“关于加强农村留守老人关爱服务的建议”已答复，请进行满意度测评', link: '/suggestions/{suggestion:cur-elderly}', at: 'T-5 16:00' },
  { user: 'deputy2', kind: 'task.assigned', title: '新的监督任务：东明镇人大代表之家接待日值班', link: '/tasks/{task:cur-duty}', at: 'T-13 10:00' },
  { user: 'unit', kind: 'suggestion.assigned', title: '新交办建议：{no:cur-irrigation} 关于加强三家子村农田灌溉机电井维护的建议，请及时签收', link: '/suggestions/{suggestion:cur-irrigation}', at: 'T-5 09:30' },
  { user: 'chair', kind: 'extension.requested', title: '农业农村办公室申请延期：关于开展玉米秸秆综合利用、减少秸秆焚烧的建议', link: '/suggestions/{suggestion:cur-straw}', at: 'T-8 11:00' },
  { user: 'staff', kind: 'suggestion.submitted', title: '陈淑芬代表提交了建议“关于规范东明村商户“门前三包”责任制的建议”，待审查', link: '/suggestions/{suggestion:cur-storefront}', at: 'T-1 08:30' },
  { user: 'unit2', kind: 'suggestion.overdue', title: '建议 {no:cur-gravel} 已超过答复期限，请立即签收办理', link: '/suggestions/{suggestion:cur-gravel}', at: 'T-88 08:00' },
];
