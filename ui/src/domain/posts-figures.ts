// 统计: date ranges, month series and the ECharts options built from the
// backend's figures (pure: the page only hands them to the chart).

export interface Bar {
  label: string
  value: number
}

const BRAND = '#c8161d'
const BLUE = '#1d5fa8'
const PALETTE = [BRAND, BLUE, '#e6a23c', '#67c23a', '#909399', '#9b59b6', '#16a085', '#d35400']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "YYYY-MM" of a "YYYY-MM-DD". */
export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** Every month from the month of `from` to that of `to`, inclusive ("YYYY-MM"). */
export function monthsBetween(from: string, to: string): string[] {
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const endY = Number(to.slice(0, 4))
  const endM = Number(to.slice(5, 7))
  if (!y || !m || !endY || !endM) return []
  const out: string[] = []
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${pad(m)}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
    if (out.length > 600) break
  }
  return out
}

/** The backend lists months that have services; a chart shows the empty ones too. */
export function fillMonths(from: string, to: string, rows: { month: string; person_times: number }[]): Bar[] {
  const by = new Map(rows.map((r) => [r.month, r.person_times]))
  const months = monthsBetween(from, to)
  for (const r of rows) if (!months.includes(r.month)) months.push(r.month)
  months.sort()
  return months.map((mo) => ({ label: mo, value: by.get(mo) ?? 0 }))
}

/** "2026年11月" for "2026-11". */
export function monthLabel(month: string): string {
  const y = month.slice(0, 4)
  const m = Number(month.slice(5, 7))
  return m ? `${y}年${m}月` : month
}

/** The last day of a "YYYY-MM". */
export function lastDayOf(month: string): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${pad(d)}`
}

export type RangePreset = 'month' | 'last_month' | 'quarter' | 'year' | 'last12'

export const RANGE_PRESETS: { value: RangePreset; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'last_month', label: '上月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '今年' },
  { value: 'last12', label: '近12个月' },
]

/** [from, to] for a preset, given today (YYYY-MM-DD). */
export function presetRange(p: RangePreset, today: string): [string, string] {
  const y = Number(today.slice(0, 4))
  const m = Number(today.slice(5, 7))
  const ym = (yy: number, mm: number) => {
    while (mm < 1) {
      mm += 12
      yy -= 1
    }
    return `${yy}-${pad(mm)}`
  }
  switch (p) {
    case 'month':
      return [`${ym(y, m)}-01`, today]
    case 'last_month': {
      const lm = ym(y, m - 1)
      return [`${lm}-01`, lastDayOf(lm)]
    }
    case 'quarter':
      return [`${ym(y, m - ((m - 1) % 3))}-01`, today]
    case 'year':
      return [`${y}-01-01`, today]
    case 'last12':
      return [`${ym(y, m - 11)}-01`, today]
  }
}

/** "12.5%" of part in whole; "—" when the whole is zero. */
export function percent(part: number, whole: number): string {
  if (!whole) return '—'
  const v = (part / whole) * 100
  return `${v >= 10 || v === 0 ? v.toFixed(0) : v.toFixed(1)}%`
}

/** Largest first, ties by label; at most `top` bars, the rest summed into “其他”. */
export function topBars(rows: Bar[], top = 12): Bar[] {
  const sorted = [...rows].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'zh-CN'))
  if (sorted.length <= top) return sorted
  const rest = sorted.slice(top - 1).reduce((s, r) => s + r.value, 0)
  return [...sorted.slice(0, top - 1), { label: '其他', value: rest }]
}

const GRID = { left: 8, right: 24, top: 24, bottom: 8, containLabel: true }

/** Horizontal bars (per post, per service type): longest at the top. */
export function horizontalBarOption(rows: Bar[], color = BRAND) {
  const bars = [...rows].reverse()
  return {
    color: [color],
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, name: '人次' },
    yAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', name: '服务人次', data: bars.map((b) => b.value), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  }
}

/** Month labels for an axis: "3月" when all months are of one year, else "2026年3月". */
export function axisMonthLabels(months: string[]): string[] {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1
  return months.map((m) => (oneYear ? `${Number(m.slice(5, 7))}月` : monthLabel(m)))
}

/** Person-times per month: columns, every month of the range shown. */
export function monthBarOption(rows: Bar[]) {
  return {
    color: [BLUE],
    grid: GRID,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: axisMonthLabels(rows.map((r) => r.label)), axisLabel: { interval: rows.length <= 13 ? 0 : 'auto' } },
    yAxis: { type: 'value', minInterval: 1, name: '人次' },
    series: [{ type: 'bar', name: '服务人次', data: rows.map((r) => r.value), barMaxWidth: 36, label: { show: rows.length <= 12, position: 'top' } }],
  }
}

/** Shares (members vs non-members vs counted crowds): a ring; zero slices left out. */
export function ringOption(rows: Bar[]) {
  const data = rows.filter((r) => r.value > 0).map((r) => ({ name: r.label, value: r.value }))
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人次（{d}%）' },
    legend: { bottom: 0, icon: 'circle' },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        data,
        label: { formatter: '{b}\n{c}' },
      },
    ],
  }
}
