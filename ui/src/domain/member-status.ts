// Membership status (会籍状态) moves a cadre can make. The backend is the
// authority; this only decides which actions to offer. Pure; unit-tested.

export const ACTIVE = '在会'

export interface StatusAction {
  /** The status to set. */
  status: string
  /** Menu and dialog title. */
  label: string
  /** Leaving needs a reason; re-joining does not. */
  needsReason: boolean
  /** Reasons to pick from (the cadre may type another). */
  reasons: string[]
}

export const STATUS_ACTIONS: StatusAction[] = [
  { status: '退会', label: '退会', needsReason: true, reasons: ['本人申请退会', '离开本行业', '长期联系不上'] },
  { status: '已转出', label: '转出本台账', needsReason: true, reasons: ['转往外地工会', '转入其他县（区）工会'] },
  { status: '注销', label: '注销', needsReason: true, reasons: ['会员去世', '重复登记', '登记信息有误'] },
  { status: ACTIVE, label: '恢复在会（重新入会）', needsReason: false, reasons: ['重新入会', '回到本地就业'] },
]

/** What can be done to members currently in `current` (one status, or several when mixed). */
export function statusActionsFor(current: string[]): StatusAction[] {
  const all = new Set(current)
  return STATUS_ACTIONS.filter((a) => {
    if (a.status === ACTIVE) return [...all].some((s) => s !== ACTIVE)
    return all.has(ACTIVE)
  })
}

export function statusTagType(status: string): 'success' | 'info' | 'warning' | 'danger' {
  switch (status) {
    case ACTIVE:
      return 'success'
    case '已转出':
      return 'warning'
    case '注销':
      return 'danger'
    default:
      return 'info'
  }
}
