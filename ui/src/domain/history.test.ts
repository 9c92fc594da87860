import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '@/api/types'
import { actionTone, changeText, shownChanges, statusMove, timeline } from './history'

function entry(action: string, changes: HistoryEntry['changes'], note: string | null = null, at = '2026-11-23 10:00'): HistoryEntry {
  return { at, actor: '李四', device_id: 'd1', action, changes, note }
}
const c = (field: string, label: string, from: string | null, to: string | null) => ({ field, label, from, to })

describe('history timeline', () => {
  it('writes a change as label: from → to', () => {
    expect(changeText(c('org_id', '所属组织', '东关村工会', '顺达物流工会'))).toBe('所属组织：东关村工会 → 顺达物流工会')
    expect(changeText(c('name', '姓名', null, '张三'))).toBe('姓名：张三')
    expect(changeText(c('notes', '备注', '旧备注', null))).toBe('备注：旧备注 → （空）')
  })

  it('puts the newest first and drops entries that changed nothing', () => {
    const list = [
      entry('入会登记', [c('name', '姓名', null, '张三')], null, '1'),
      entry('修改资料', [], null, '2'),
      entry('会籍转接', [c('org_id', '所属组织', 'A', 'B')], '工作单位变动', '3'),
    ]
    expect(timeline(list).map((e) => e.at)).toEqual(['3', '1'])
  })

  it('folds a registration down to its key fields', () => {
    const reg = entry('入会登记', [
      c('name', '姓名', null, '张三'),
      c('phone', '手机号', null, '13800138000'),
      c('org_id', '所属组织', null, '东关村工会'),
      c('join_channel', '入会渠道', null, '现场'),
    ])
    const folded = shownChanges(reg, false)
    expect(folded.shown.map((x) => x.field)).toEqual(['org_id', 'join_channel'])
    expect(folded.hidden).toBe(2)
    expect(shownChanges(reg, true).shown).toHaveLength(4)
    const edit = entry('修改资料', [c('phone', '手机号', '1', '2')])
    expect(shownChanges(edit, false)).toEqual({ shown: edit.changes, hidden: 0 })
  })

  it('names the status move and a tone per action', () => {
    expect(statusMove(entry('状态变更', [c('status', '状态', '在会', '退会')]))).toBe('在会 → 退会')
    expect(statusMove(entry('核实', [c('verified_on', '核实日期', 'a', 'b')]))).toBeUndefined()
    expect(statusMove(entry('入会登记', [c('status', '状态', null, '在会')]))).toBeUndefined()
    expect(actionTone('会籍转接')).toBe('primary')
    expect(actionTone('状态变更')).toBe('warning')
    expect(actionTone('其他')).toBe('info')
  })
})
