// The demo accounts: one line each (the README lists them). Created only with the demo data,
// never with NODE_ENV=production. `deputy` and `unit` name the deputy or handling unit the account
// belongs to.
import type { Role } from '../generated/prisma/enums.js';

export const DEMO_PASSWORD = 'Dongming@2023';

export interface DemoAccount {
  username: string;
  role: Role;
  title: string;
  displayName: string;
  description: string;
  deputy?: string;
  unit?: string;
}

// prettier-ignore
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'staff', role: 'STAFF', title: '人大专干', displayName: '王晓燕', description: '人大专干（工作人员）：登记、立案、交办、跟踪全部事项' },
  { username: 'chair', role: 'PRESIDIUM', title: '人大主席', displayName: '刘海龙', deputy: '刘海龙', description: '人大主席：督办重点建议，联系民生实事项目' },
  { username: 'vicechair', role: 'PRESIDIUM', title: '副主席', displayName: '包金山', deputy: '包金山', description: '副主席：督办道路交通重点建议，联系111线亮化及排水项目' },
  { username: 'member', role: 'PRESIDIUM', title: '主席团成员', displayName: '乌云其木格', deputy: '乌云其木格', description: '主席团成员（嘎查甸子村党支部书记）：督办乡村建设重点建议，联系街巷亮化项目' },
  { username: 'member2', role: 'PRESIDIUM', title: '主席团成员', displayName: '王德福', deputy: '王德福', description: '主席团成员（上奈林村党支部书记）：督办饮水安全重点建议' },
  { username: 'deputy', role: 'DEPUTY', title: '镇人大代表', displayName: '宝音图', deputy: '宝音图', description: '镇人大代表（哈日干图嘎查牧民）：领衔多件建议，参加接待日和代表活动，有待接受的监督任务' },
  { username: 'deputy2', role: 'DEPUTY', title: '镇人大代表', displayName: '陈淑芬', deputy: '陈淑芬', description: '镇人大代表（东明村个体工商户）：有待测评的答复和接待日值班任务' },
  { username: 'unit', role: 'UNIT', title: '农业农村办公室主任', displayName: '孙建国', unit: '农业农村办公室', description: '承办单位：农业农村办公室（有待签收、办理中、落实中的建议）' },
  { username: 'unit2', role: 'UNIT', title: '交通管理站站长', displayName: '韩志刚', unit: '交通管理站', description: '承办单位：交通管理站（有超期未签收的建议）' },
  { username: 'unit3', role: 'UNIT', title: '社会事务办公室主任', displayName: '白玉兰', unit: '社会事务办公室', description: '承办单位：社会事务办公室' },
  { username: 'auditor', role: 'AUDITOR', title: '审计员', displayName: '赵志明', description: '审计员：只读查看操作日志' },
  { username: 'admin', role: 'SYSADMIN', title: '系统管理员', displayName: '高建华', description: '系统管理员：账号、承办单位、镇设置（看不到业务数据）' },
  { username: 'secadmin', role: 'SECADMIN', title: '安全管理员', displayName: '苏丽娜', description: '安全管理员：密码与会话策略、解锁账号（看不到业务数据）' },
];
