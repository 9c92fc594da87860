// Dates and change-log stamps as a cadre reads them (pure; unit-tested).

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/**
 * `updated_at` is a hybrid-logical-clock stamp
 * (`000001763900000000-00000-<device>`): wall milliseconds first. Show it as
 * local "YYYY-MM-DD HH:mm"; anything else is shown as given.
 */
export function formatStamp(stamp: string | null | undefined): string {
  if (!stamp) return ''
  const m = /^(\d{10,})-\d+/.exec(stamp)
  if (!m) return stamp
  const d = new Date(Number(m[1]))
  if (Number.isNaN(d.getTime())) return stamp
  const p = (n: number) => String(n).padStart(2, '0')
  return `${today(d)} ${p(d.getHours())}:${p(d.getMinutes())}`
}
