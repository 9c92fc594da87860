import { describe, expect, it } from 'vitest'
import {
  FACILITIES,
  emptyPostForm,
  facilityShort,
  hoursText,
  normalisePhone,
  orderedFacilities,
  phoneLooksValid,
  postFormProblems,
  postFormOf,
  postStatusTag,
  statusText,
  toPostInput,
} from './posts'

const TODAY = '2026-11-23'

describe('post facilities and hours', () => {
  it('keeps the checklist order and every facility has a short mark', () => {
    expect(orderedFacilities(['停车', '饮水', '休息'])).toEqual(['休息', '饮水', '停车'])
    expect(orderedFacilities(['桌游', '充电'])).toEqual(['充电', '桌游'])
    const shorts = FACILITIES.map(facilityShort)
    expect(new Set(shorts).size).toBe(FACILITIES.length)
    expect(facilityShort('桌游')).toBe('桌')
  })

  it('reads the hours as a cadre says them', () => {
    expect(hoursText({ open_24h: true, unattended_qr: false, hours: '08:00-20:00' })).toBe('24小时开放')
    expect(hoursText({ open_24h: true, unattended_qr: true, hours: null })).toBe('24小时开放 · 无人值守，扫码进入')
    expect(hoursText({ open_24h: false, unattended_qr: false, hours: ' 08:00-20:00 ' })).toBe('08:00-20:00')
    expect(hoursText({ open_24h: false, unattended_qr: true, hours: '' })).toBe('无人值守，扫码进入')
    expect(hoursText({ open_24h: false, unattended_qr: false, hours: null })).toBe('未填写')
  })

  it('shows the date of a status other than running', () => {
    expect(statusText('运营中', '2026-01-01')).toBe('运营中')
    expect(statusText('暂停', '2026-11-01')).toBe('暂停（2026-11-01起）')
    expect(statusText('撤销', null)).toBe('撤销')
    expect(postStatusTag('运营中')).toBe('success')
    expect(postStatusTag('暂停')).toBe('warning')
    expect(postStatusTag('撤销')).toBe('info')
  })
})

describe('post form hints', () => {
  const ok = { ...emptyPostForm('org1'), name: '城关镇司机之家', hours: '08:00-20:00', address: '国道309线K1520' }

  it('a filled form has no problems', () => {
    expect(postFormProblems(ok, TODAY)).toEqual({})
  })

  it('names the field of each problem', () => {
    const p = postFormProblems({ ...emptyPostForm(), name: ' ', phone: '12345', openedOn: '2026-12-01' }, TODAY)
    expect(Object.keys(p).sort()).toEqual(['contact_phone', 'name', 'opened_on', 'org_id'])
    expect(p.name).toMatch(/阵地名称/)
  })

  it('coordinates come in pairs and within range', () => {
    expect(postFormProblems({ ...ok, lat: 35.9 }, TODAY)).toHaveProperty('longitude')
    expect(postFormProblems({ ...ok, lng: 105 }, TODAY)).toHaveProperty('latitude')
    expect(postFormProblems({ ...ok, lat: 95, lng: 105 }, TODAY).latitude).toMatch(/-90 到 90/)
    expect(postFormProblems({ ...ok, lat: 35.9, lng: 105.1 }, TODAY)).toEqual({})
  })

  it('a paused or closed post needs the date, not before opening nor after today', () => {
    expect(postFormProblems({ ...ok, status: '暂停' }, TODAY).status_date).toMatch(/暂停/)
    expect(postFormProblems({ ...ok, status: '撤销', statusDate: '2026-11-24' }, TODAY).status_date).toMatch(/晚于今天/)
    expect(postFormProblems({ ...ok, status: '撤销', statusDate: '2026-01-01', openedOn: '2026-02-01' }, TODAY).status_date).toMatch(/早于启用/)
    expect(postFormProblems({ ...ok, status: '撤销', statusDate: '2026-03-01', openedOn: '2026-02-01' }, TODAY)).toEqual({})
  })

  it('address and hours may wait', () => {
    expect(postFormProblems({ ...ok, hours: '', address: '' }, TODAY)).toEqual({})
  })

  it('sends only what is filled; hours dropped when open around the clock; the status date only when not running', () => {
    const input = toPostInput({ ...ok, partner: ' 农商银行城关支行 ', open24h: true, statusDate: '2026-01-01', facilities: ['停车', '休息'] })
    expect(input).toEqual({
      name: '城关镇司机之家',
      kind: '司机之家',
      org_id: 'org1',
      partner: '农商银行城关支行',
      address: '国道309线K1520',
      facilities: ['休息', '停车'],
      open_24h: true,
      unattended_qr: false,
      status: '运营中',
    })
    const paused = toPostInput({ ...ok, status: '暂停', statusDate: '2026-11-01', lat: 35.1, lng: 105.2 })
    expect(paused).toMatchObject({ status_date: '2026-11-01', latitude: 35.1, longitude: 105.2, hours: '08:00-20:00' })
  })

  it('reads a stored post back into the form', () => {
    const input = toPostInput({ ...ok, phone: '0943-3221234', contact: '王站长' })
    const post = {
      ...input,
      id: 'p1',
      org_name: '城关镇总工会',
      partner: null,
      latitude: null,
      longitude: null,
      hours: input.hours ?? null,
      hours_label: '08:00-20:00',
      contact_name: '王站长',
      contact_phone: '0943-3221234',
      opened_on: null,
      status: '运营中',
      status_date: '2026-11-23',
      page_url: null,
      notes: null,
      records: 0,
      updated_at: '',
      org_id: 'org1',
    }
    const back = postFormOf(post)
    expect(back).toEqual({ ...ok, phone: '0943-3221234', contact: '王站长' })
  })

  it('phones: mobile with +86 and spaces, full-width digits, landlines', () => {
    expect(normalisePhone('+86 139-9330-0001')).toBe('13993300001')
    expect(normalisePhone('１３９９３３００００１')).toBe('13993300001')
    expect(phoneLooksValid('0943-3221234')).toBe(true)
    expect(phoneLooksValid('13993300001')).toBe(true)
    expect(phoneLooksValid('2993300001')).toBe(false)
  })
})
