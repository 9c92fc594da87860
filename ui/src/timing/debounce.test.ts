import { describe, expect, it, vi } from 'vitest'
import { debounce } from './debounce'

describe('debounce', () => {
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
