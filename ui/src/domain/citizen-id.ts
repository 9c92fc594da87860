// A client-side hint for the citizen ID field (GB 11643). The backend is the
// authority and gives the real verdict when the form is saved.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** Full-width digits to ASCII, drop spaces and hyphens, upper-case x. */
export function normalizeId(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, 'X')
    .replace(/[\s\u3000-]/g, '')
}

export interface IdHint {
  /** True when 18 characters with a matching check digit. */
  ok: boolean
  birth?: string
  gender?: '男' | '女'
  /** A short note when something looks wrong. */
  warning?: string
}

export function idHint(input: string): IdHint | null {
  const id = normalizeId(input)
  if (id.length === 0) return null
  if (!/^\d{17}[\dX]$/.test(id)) {
    if (id.length === 15 && /^\d{15}$/.test(id)) return { ok: false, warning: '旧15位证号，保存时将自动升级为18位' }
    if (id.length < 18 && /^\d*$/.test(id)) return null // still typing
    return { ok: false, warning: '身份证号应为18位，最后一位可为X' }
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]
  const y = id.slice(6, 10)
  const m = id.slice(10, 12)
  const d = id.slice(12, 14)
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`)
  const validDate =
    !Number.isNaN(date.getTime()) &&
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() + 1 === Number(m) &&
    date.getUTCDate() === Number(d)
  if (!validDate) return { ok: false, warning: '出生日期部分似乎不对' }
  const gender = Number(id[16]) % 2 === 1 ? '男' : '女'
  if (CHECK[sum % 11] !== id[17]) {
    return { ok: false, birth: `${y}-${m}-${d}`, gender, warning: '校验码似乎不对，请核对' }
  }
  return { ok: true, birth: `${y}-${m}-${d}`, gender }
}
