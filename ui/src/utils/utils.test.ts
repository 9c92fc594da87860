import { describe, expect, it, vi } from 'vitest'
import type { Org } from '@/api/types'
import { idHint, normalizeId } from './citizen-id'
import { fieldFromMessage, messageForField } from './field-errors'
import { debounce, formatStamp, today } from './format'
import { ancestry, buildOrgTree, childKinds, subtreeIds } from './org-tree'
import { buildLevels, divisionCodeProblem, initialSetup, locateSetupError } from './setup'

function org(id: string, parent: string | null, kind: Org['kind'] = 'village', code: string | null = null): Org {
  return {
    id,
    parent_id: parent,
    name: id.toUpperCase(),
    kind,
    kind_label: kind,
    division_code: code,
    join_url: null,
    updated_at: '',
    employer: null,
  }
}

const ORGS = [org('c', null, 'county'), org('t', 'c', 'township'), org('v1', 't'), org('v2', 't'), org('x', null, 'county')]

describe('org tree', () => {
  it('builds a forest in the given order', () => {
    const tree = buildOrgTree(ORGS)
    expect(tree.map((n) => n.id)).toEqual(['c', 'x'])
    expect(tree[0].children[0].children.map((n) => n.id)).toEqual(['v1', 'v2'])
    expect(tree[0].label).toBe('C')
  })

  it('treats an org with a missing parent as a root', () => {
    expect(buildOrgTree([org('v', 'gone')]).map((n) => n.id)).toEqual(['v'])
  })

  it('finds a subtree and an ancestry', () => {
    expect([...subtreeIds(ORGS, 't')].sort()).toEqual(['t', 'v1', 'v2'])
    expect(ancestry(ORGS, 'v2').map((o) => o.id)).toEqual(['c', 't', 'v2'])
  })

  it('offers kinds allowed under a parent', () => {
    expect(childKinds('township')).toEqual(['village', 'industry', 'enterprise', 'pool'])
    expect(childKinds('village')).toEqual(['enterprise'])
    expect(childKinds(null)).toEqual(['county', 'township'])
  })
})

describe('field errors', () => {
  it('drops the label prefix under its own field', () => {
    expect(messageForField('身份证号：校验码错误', '身份证号')).toBe('校验码错误')
    expect(messageForField('手机号：手机号应为以1开头的11位数字', '身份证号')).toBe('手机号：手机号应为以1开头的11位数字')
    expect(messageForField('没有冒号的消息', '姓名')).toBe('没有冒号的消息')
  })

  it('finds the field from a labelled message', () => {
    const labels = { name: '组织名称', division_code: '行政区划代码' }
    expect(fieldFromMessage('行政区划代码：应以上级的代码 620421 开头', labels)).toBe('division_code')
    expect(fieldFromMessage('不能删除本单位', labels)).toBeUndefined()
  })
})

describe('citizen ID hint', () => {
  it('normalises full-width digits, spaces and lowercase x', () => {
    expect(normalizeId('１１０１０５ 19491231002x')).toBe('11010519491231002X')
  })

  it('reads birth date and gender from a valid ID', () => {
    expect(idHint('11010519491231002X')).toEqual({ ok: true, birth: '1949-12-31', gender: '女' })
  })

  it('warns about a wrong check digit', () => {
    const h = idHint('110105194912310021')
    expect(h?.ok).toBe(false)
    expect(h?.warning).toContain('校验码')
  })

  it('stays quiet while typing and for empty input', () => {
    expect(idHint('')).toBeNull()
    expect(idHint('1101051949')).toBeNull()
  })

  it('notes a legacy 15-digit number', () => {
    expect(idHint('110105491231002')?.warning).toContain('15位')
  })
})

describe('format', () => {
  it('formats today and an HLC stamp', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05')
    const ms = new Date(2026, 10, 23, 9, 7).getTime()
    expect(formatStamp(`${String(ms).padStart(18, '0')}-00003-dev1`)).toBe('2026-11-23 09:07')
    expect(formatStamp('whatever')).toBe('whatever')
    expect(formatStamp(null)).toBe('')
  })

  it('debounces', () => {
    vi.useFakeTimers()
    const fn = vi.fn()
    const d = debounce(fn, 250)
    d(1)
    d(2)
    vi.advanceTimersByTime(249)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(fn).toHaveBeenCalledExactlyOnceWith(2)
    d(3)
    d.cancel()
    vi.advanceTimersByTime(500)
    expect(fn).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
  })
})

describe('setup wizard levels', () => {
  function village() {
    const s = initialSetup()
    s.kind = 'village'
    s.county = { name: '会宁县总工会', division_code: '620421', join_url: '' }
    s.township = { name: '城关镇总工会', division_code: '620421100', join_url: '' }
    s.office = { name: '东关村工会', division_code: '620421100201', join_url: ' https://x.cn/j ' }
    s.operator = '李四'
    return s
  }

  it('orders levels county -> township -> office, url only on the office', () => {
    expect(buildLevels(village())).toEqual([
      { name: '会宁县总工会', kind: 'county', division_code: '620421' },
      { name: '城关镇总工会', kind: 'township', division_code: '620421100' },
      { name: '东关村工会', kind: 'village', division_code: '620421100201', join_url: 'https://x.cn/j' },
    ])
  })

  it('lets a township skip its county and a county stand alone', () => {
    const s = village()
    s.kind = 'township'
    s.skipCounty = true
    expect(buildLevels(s).map((l) => l.kind)).toEqual(['township'])
    s.kind = 'county'
    expect(buildLevels(s).map((l) => l.kind)).toEqual(['county'])
    s.kind = 'industry'
    s.industryParent = 'county'
    expect(buildLevels(s).map((l) => l.kind)).toEqual(['county', 'industry'])
  })

  it('locates a division code outside its parent', () => {
    const s = village()
    s.township.division_code = '620422100'
    expect(locateSetupError(s, '行政区划代码：应以上级的代码 620421 开头', {})).toEqual({
      level: 'township',
      field: 'division_code',
    })
  })

  it('locates a wrong-length code by kind label', () => {
    const s = village()
    s.county.division_code = '620421100'
    expect(
      locateSetupError(s, '行政区划代码：县/区总工会的代码应为6位数字', { county: '县/区总工会' }),
    ).toEqual({ level: 'county', field: 'division_code' })
  })

  it('checks division codes lightly', () => {
    expect(divisionCodeProblem('')).toBeNull()
    expect(divisionCodeProblem('620421')).toBeNull()
    expect(divisionCodeProblem('62042a')).toBe('只能填写数字')
    expect(divisionCodeProblem('6204211')).toBe('应为6位、9位或12位数字')
  })
})
