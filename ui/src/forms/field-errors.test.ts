import { describe, expect, it } from 'vitest'
import { fieldFromMessage, messageForField } from './field-errors'

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
