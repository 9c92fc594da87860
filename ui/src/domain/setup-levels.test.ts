import { describe, expect, it } from 'vitest'
import { buildLevels, divisionCodeProblem, initialSetup, locateSetupError } from './setup-levels'

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
