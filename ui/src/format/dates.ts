// Dates and change-log stamps as a cadre reads them (pure; unit-tested).

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

const BEIJING_MS = 8 * 3600 * 1000

/**
 * `updated_at` is a hybrid-logical-clock stamp
 * (`000001763900000000-00000-<device>`): wall milliseconds first. Show it as
 * Beijing time "YYYY-MM-DD HH:mm" — the time the change history (变更记录)
 * uses, whatever the PC's time zone; anything else is shown as given.
 */
export function formatStamp(stamp: string | null | undefined): string {
  if (!stamp) return ''
  const m = /^(\d{10,})-\d+/.exec(stamp)
  if (!m) return stamp
  const d = new Date(Number(m[1]) + BEIJING_MS)
  if (Number.isNaN(d.getTime())) return stamp
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}
