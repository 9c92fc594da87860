import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SERVICE_TYPES,
  INSURANCE_TYPE,
  emptyServiceForm,
  moveProblems,
  serviceFormOf,
  serviceFormProblems,
  ticketMoves,
  ticketTag,
  toServiceInput,
  whoText,
} from './posts-services'

const TODAY = '2026-11-23'

describe('service form hints', () => {
  const base = { ...emptyServiceForm(TODAY, 'p1'), type: '送清凉' }

  it('the default list is the issue’s, tickets included', () => {
    expect(DEFAULT_SERVICE_TYPES).toContain('诉求工单')
    expect(DEFAULT_SERVICE_TYPES).toHaveLength(10)
  })

  it('a member service needs the member; no date in the future; a type', () => {
    expect(serviceFormProblems(base, TODAY)).toEqual({ member_id: '请查找并选择一位会员' })
    expect(serviceFormProblems({ ...base, memberId: 'm1' }, TODAY)).toEqual({})
    const p = serviceFormProblems({ ...base, memberId: 'm1', date: '2026-11-24', type: '' }, TODAY)
    expect(Object.keys(p).sort()).toEqual(['date', 'service_type'])
  })

  it('a non-member needs a name and a mobile number', () => {
    const f = { ...base, mode: 'person' as const }
    expect(Object.keys(serviceFormProblems(f, TODAY)).sort()).toEqual(['person_name', 'person_phone'])
    expect(serviceFormProblems({ ...f, personName: '王五', personPhone: '0943-3221234' }, TODAY).person_phone).toBe('应为11位手机号')
    expect(serviceFormProblems({ ...f, personName: '王五', personPhone: '+86 139 9330 0001' }, TODAY)).toEqual({})
  })

  it('an aggregate needs a positive whole count (the note may wait)', () => {
    const f = { ...base, mode: 'aggregate' as const }
    expect(serviceFormProblems(f, TODAY).count).toMatch(/请填写/)
    expect(serviceFormProblems({ ...f, count: 0 }, TODAY).count).toMatch(/正整数/)
    expect(serviceFormProblems({ ...f, count: 2.5 }, TODAY).count).toMatch(/正整数/)
    expect(serviceFormProblems({ ...f, count: 200 }, TODAY)).toEqual({})
    expect(serviceFormProblems({ ...f, count: 200, note: '收费站发放矿泉水' }, TODAY)).toEqual({})
  })

  it('insurance asks for the scheme and an ordered period', () => {
    const f = { ...base, type: INSURANCE_TYPE, memberId: 'm1' }
    expect(Object.keys(serviceFormProblems(f, TODAY)).sort()).toEqual(['insurance.period_from', 'insurance.period_to', 'insurance.scheme'])
    const p = serviceFormProblems({ ...f, scheme: '意外伤害', periodFrom: '2026-12-01', periodTo: '2026-01-01' }, TODAY)
    expect(p).toEqual({ 'insurance.period_to': '截止日期不能早于起始日期' })
  })
})

describe('what is sent', () => {
  it('only the chosen kind’s fields', () => {
    const f = { ...emptyServiceForm(TODAY, 'p1'), type: '送清凉', memberId: 'm1', personName: '王五', count: 3, note: ' ' }
    expect(toServiceInput(f)).toEqual({ date: TODAY, post_id: 'p1', service_type: '送清凉', kind: 'member', invite: false, member_id: 'm1' })
    expect(toServiceInput({ ...f, mode: 'aggregate', postId: undefined, note: '发放矿泉水' })).toEqual({
      date: TODAY,
      service_type: '送清凉',
      kind: 'aggregate',
      invite: false,
      count: 3,
      note: '发放矿泉水',
    })
    expect(toServiceInput({ ...f, mode: 'person', personPhone: '13993300001' })).toMatchObject({ kind: 'person', person_name: '王五', person_phone: '13993300001', invite: true })
  })

  it('insurance for an individual, a handler for a ticket', () => {
    const f = { ...emptyServiceForm(TODAY), type: INSURANCE_TYPE, memberId: 'm1', scheme: '意外险', periodFrom: '2026-01-01', periodTo: '2026-12-31', certificateNo: '' }
    expect(toServiceInput(f).insurance).toEqual({ scheme: '意外险', period_from: '2026-01-01', period_to: '2026-12-31' })
    expect(toServiceInput({ ...f, mode: 'aggregate' }).insurance).toBeUndefined()
    expect(toServiceInput({ ...f, type: '诉求工单', handler: ' 李四 ' })).toMatchObject({ ticket_handler: '李四' })
    expect(toServiceInput({ ...f, type: '诉求工单' }).insurance).toBeUndefined()
    // Correcting a closed ticket keeps its state, handler and outcome.
    const closed = { ...f, type: '诉求工单', ticketStatus: '办结', handler: '李四', outcome: '已补发' }
    expect(toServiceInput(closed)).toMatchObject({ ticket_status: '办结', ticket_handler: '李四', ticket_outcome: '已补发' })
  })

  it('a ticket is never a counted crowd', () => {
    expect(serviceFormProblems({ ...emptyServiceForm(TODAY), type: '诉求工单', mode: 'aggregate', count: 5, note: 'x' }, TODAY)).toHaveProperty('kind')
  })

  it('reads a stored record back', () => {
    const f = { ...emptyServiceForm(TODAY, 'p1'), type: INSURANCE_TYPE, memberId: 'm1', scheme: '意外险', periodFrom: '2026-01-01', periodTo: '2026-12-31', certificateNo: 'BZ-1', invite: false }
    const input = toServiceInput(f)
    const r = {
      ...input,
      id: 'r1',
      post_id: 'p1',
      post_name: '站',
      org_id: 'o',
      org_name: '镇',
      member_id: 'm1',
      member_name: '张三',
      member_no: '1',
      person_name: null,
      person_phone: null,
      person_phone_full: null,
      joined_member_id: null,
      joined_member_name: null,
      joined_on: null,
      joined_by: null,
      count: 1,
      note: null,
      ticket_status: null,
      ticket_handler: null,
      ticket_outcome: null,
      ticket_closed_on: null,
      insurance: input.insurance ?? null,
      updated_at: '',
    }
    expect(serviceFormOf(r)).toEqual(f)
    expect(whoText(r)).toBe('张三')
    expect(whoText({ ...r, kind: 'aggregate', count: 200 })).toBe('集体服务 200 人次')
  })
})

describe('tickets', () => {
  it('moves forward only; a closed ticket stays closed', () => {
    expect(ticketMoves('受理').map((m) => m.to)).toEqual(['办理中', '办结'])
    expect(ticketMoves('办理中')).toEqual([{ to: '办结', label: '办结', needsOutcome: true }])
    expect(ticketMoves('办结')).toEqual([])
    expect(ticketTag('办结')).toBe('success')
  })

  it('a handler from 办理中 on, the outcome to close', () => {
    expect(moveProblems('办理中', '', '')).toEqual({ handler: '请填写经办人' })
    expect(moveProblems('办结', '李四', ' ')).toEqual({ outcome: '办结时请填写办理结果' })
    expect(moveProblems('办结', '李四', '已协调平台补发工资')).toEqual({})
  })
})
