// 随机电话抽查: sample-size maths for display. The backend draws the sample
// (seeded, stratified by village, largest remainder) and counts the calls;
// this only shows the cadre what a size or percentage means before drawing.
// Pure; unit-tested.

export type SampleMode = 'count' | 'percent'

/** Call outcomes: consistent 核实一致 | mismatch 信息不符 | no_answer 未接通 | dead_number 空号停机. */
export function outcomeTagType(outcome: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  switch (outcome) {
    case 'consistent':
      return 'success'
    case 'mismatch':
      return 'danger'
    case 'no_answer':
      return 'warning'
    case 'dead_number':
      return 'danger'
    default:
      return 'info'
  }
}

/**
 * How many records a draw takes from a population: a count is capped at the
 * population; a percentage rounds up (a 5% check of 30 drivers rings 2, not 1),
 * and any positive percentage of a non-empty population takes at least one.
 */
export function sampleSize(population: number, mode: SampleMode, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || population <= 0) return 0
  if (mode === 'count') return Math.min(population, Math.floor(value))
  const pct = Math.min(100, value)
  return Math.min(population, Math.max(1, Math.ceil((population * pct) / 100 - 1e-9)))
}

export interface Stratum {
  key: string
  label: string
  population: number
}

export interface Allocation extends Stratum {
  take: number
}

/**
 * Proportional allocation of `total` over strata by the largest remainder
 * (ties to the larger stratum, then the smaller key), never more than a
 * stratum holds: the rule the backend's draw follows (ledger-core
 * `outbound::sample::allocate`, strata keyed by org id), shown so an auditor
 * can check that every village got its share.
 */
export function allocate(strata: Stratum[], total: number): Allocation[] {
  const pop = strata.reduce((s, x) => s + Math.max(0, x.population), 0)
  const want = Math.min(Math.max(0, Math.floor(total)), pop)
  if (!pop || !want) return strata.map((s) => ({ ...s, take: 0 }))
  const rows = strata.map((s, i) => {
    // Integer maths, like the backend: no float ties.
    const share = want * Math.max(0, s.population)
    return { i, s, take: Math.floor(share / pop), rest: share % pop }
  })
  let left = want - rows.reduce((s, r) => s + r.take, 0)
  const order = [...rows].sort(
    (a, b) => b.rest - a.rest || b.s.population - a.s.population || (a.s.key < b.s.key ? -1 : a.s.key > b.s.key ? 1 : 0),
  )
  for (const r of order) {
    if (left <= 0) break
    if (r.take < r.s.population) {
      r.take++
      left--
    }
  }
  return rows.map((r) => ({ ...r.s, take: r.take }))
}

/** "66.7%", or "—" for no data. */
export function percentLabel(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  const p = Math.round(rate * 1000) / 10
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`
}

/** A fresh seed for a draw when the cadre gives none: 6 digits, easy to read out. */
export function freshSeed(random: () => number = Math.random): string {
  return String(100000 + Math.floor(random() * 900000))
}
