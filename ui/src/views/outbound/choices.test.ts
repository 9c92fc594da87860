import { describe, expect, it } from 'vitest'
import type { OutboundChoices } from '@/api/types'
import { citiesOf, countiesOf } from './choices'

const choices = {
  provinces: [
    { name: '浙江省', cities: ['杭州市', '宁波市'], counties: { 杭州市: ['上城区', '萧山区'] } },
    { name: '湖北省', cities: ['武汉市', '仙桃市'], counties: { 武汉市: ['江岸区'] } },
  ],
} as unknown as OutboundChoices

describe('destination pickers', () => {
  it('lists the cities of the chosen province', () => {
    expect(citiesOf(choices, '浙江省')).toEqual(['杭州市', '宁波市'])
    expect(citiesOf(choices, '')).toEqual([])
    expect(citiesOf(null, '浙江省')).toEqual([])
  })

  it('lists the counties of the chosen city, none for a county-level city', () => {
    expect(countiesOf(choices, '浙江省', '杭州市')).toEqual(['上城区', '萧山区'])
    expect(countiesOf(choices, '湖北省', '仙桃市')).toEqual([])
    expect(countiesOf(choices, '浙江省', '')).toEqual([])
  })
})
