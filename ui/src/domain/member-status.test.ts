import { describe, expect, it } from 'vitest'
import { statusActionsFor } from './member-status'

describe('status actions', () => {
  it('offers leaving to members in good standing and re-joining to those who left', () => {
    expect(statusActionsFor(['在会']).map((a) => a.status)).toEqual(['退会', '已转出', '注销'])
    expect(statusActionsFor(['退会']).map((a) => a.status)).toEqual(['在会'])
    expect(statusActionsFor(['在会', '注销']).map((a) => a.status)).toEqual(['退会', '已转出', '注销', '在会'])
    expect(statusActionsFor([])).toEqual([])
  })

  it('asks a reason for leaving only', () => {
    for (const a of statusActionsFor(['在会', '退会'])) expect(a.needsReason).toBe(a.status !== '在会')
  })
})
