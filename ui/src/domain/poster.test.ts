import { describe, expect, it } from 'vitest'
import { MAX_BENEFITS, posterFileName, posterFormFrom, toPosterInput } from './poster'

const settings = { default_benefits: ['免费歇脚', '法律援助'], contact_phone: '0943-1234567' }

describe('poster form', () => {
  it('starts from the default benefits and the settings phone', () => {
    const f = posterFormFrom(settings)
    expect(f).toMatchObject({ size: 'a4', template: 'red', headline: '', url: '', contactPhone: '0943-1234567' })
    expect(f.benefits).toEqual(['免费歇脚', '法律援助'])
    f.benefits.push('x')
    expect(settings.default_benefits).toHaveLength(2)
    expect(posterFormFrom(null).benefits).toEqual([])
  })

  it('needs an org', () => {
    expect(toPosterInput(posterFormFrom(settings))).toBeNull()
  })

  it('sends trimmed benefits (blank lines dropped, at most eight), the phone as typed, no empty headline or URL', () => {
    const f = { ...posterFormFrom(settings), orgId: 'o1', benefits: [' 一 ', '', ...Array.from({ length: 10 }, (_, i) => `b${i}`)] }
    const input = toPosterInput(f)!
    expect(input.benefits).toHaveLength(MAX_BENEFITS)
    expect(input.benefits![0]).toBe('一')
    expect(input.contact_phone).toBe('0943-1234567')
    expect(input).not.toHaveProperty('headline')
    expect(input).not.toHaveProperty('url')
  })

  it('an empty phone means none; a headline keeps its line break; a URL overrides the join link', () => {
    const f = { ...posterFormFrom(settings), orgId: 'o1', contactPhone: ' ', headline: ' 扫码入会 \n\n 温暖到家 ', url: ' https://x.cn/j ' }
    expect(toPosterInput(f)).toMatchObject({ contact_phone: '', headline: '扫码入会\n温暖到家', url: 'https://x.cn/j', size: 'a4', template: 'red' })
  })

  it('names the file', () => {
    expect(posterFileName('东关村工会', 'a3')).toBe('入会海报-东关村工会-A3.pdf')
  })
})
