import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/transport'
import { useFieldErrors } from './useFieldErrors'

const LABELS = { name: '组织名称', date: '日期' }

describe('useFieldErrors', () => {
  it('puts a refusal naming a field under that field, without the label', () => {
    const f = useFieldErrors(LABELS)
    f.show(new ApiError({ code: 'invalid', message: '日期：不能晚于今天', field: 'date' }))
    expect(f.errors.date).toBe('不能晚于今天')
    expect(f.formError.value).toBe('')
  })

  it('finds the field from the label when the refusal names none', () => {
    const f = useFieldErrors(LABELS)
    f.show(new ApiError({ code: 'invalid', message: '组织名称：已有同名的组织' }))
    expect(f.errors.name).toBe('已有同名的组织')
  })

  it('shows other refusals above the form, and clears everything', () => {
    const f = useFieldErrors(LABELS)
    f.show(new ApiError({ code: 'conflict', message: '已备案的记录不能修改', field: 'plate' }))
    expect(f.formError.value).toBe('已备案的记录不能修改')
    expect(Object.keys(f.errors)).toEqual([])
    f.errors.name = 'x'
    f.clear()
    expect(f.formError.value).toBe('')
    expect(f.errors.name).toBeUndefined()
  })
})
