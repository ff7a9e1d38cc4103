/** Who may do what with the annual work report. Routes guard by role; services call these. */
import type { CurrentUser } from '../../auth/current-user.js';
import { ForbiddenError } from '../../errors.js';

/** The chair (人大主席): the presidium member who presents the report and may reopen it. */
export const CHAIR_TITLE = '人大主席';

export const isChair = (user: Pick<CurrentUser, 'role' | 'title'>): boolean => user.role === 'PRESIDIUM' && user.title === CHAIR_TITLE;

export const reportPolicy = {
  canRead: (user: CurrentUser) => user.role === 'STAFF' || user.role === 'PRESIDIUM',
  /** Drafting and editing are the office's work. */
  canEdit: (user: CurrentUser) => user.role === 'STAFF',
  canFinalize: (user: CurrentUser) => user.role === 'STAFF' || user.role === 'PRESIDIUM',
  canReopen: (user: CurrentUser) => isChair(user),
};

export function assertCan(allowed: boolean, message = '您没有权限对工作报告执行此操作。'): void {
  if (!allowed) throw new ForbiddenError(message);
}
