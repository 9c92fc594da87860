// Enrolment ceremonies (集中入会仪式) and their 五个一. Pure; unit-tested.

import type { Ceremony, FiveOnes } from '@/api/types'

export const FIVE_ONES: { key: keyof FiveOnes; short: string; label: string }[] = [
  { key: 'certificate', short: '一证', label: '发放会员证' },
  { key: 'badge', short: '一徽', label: '佩戴会员徽章' },
  { key: 'rite', short: '一式', label: '举行入会仪式' },
  { key: 'reading', short: '一宣', label: '集体宣读、宣传教育' },
  { key: 'pack', short: '一包', label: '赠送入会礼包' },
]

export function fiveOnesDone(c: FiveOnes): number {
  return FIVE_ONES.filter((f) => c[f.key]).length
}

export function emptyFiveOnes(): FiveOnes {
  return { certificate: false, badge: false, rite: false, reading: false, pack: false }
}

/** Members can be enrolled on the spot from the ceremony's day on (the backend refuses earlier). */
export function canEnrolOnTheSpot(c: Pick<Ceremony, 'date'>, todayIso: string): boolean {
  return c.date <= todayIso
}

/** "2026年11月23日" for a YYYY-MM-DD date. */
export function cnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

export function ceremonyTitle(c: Pick<Ceremony, 'date' | 'place'>): string {
  return `${cnDate(c.date)} · ${c.place}`
}

/** Certificates printed for the attendees, in words. */
export function printedLabel(c: Pick<Ceremony, 'attendees' | 'printed'>): string {
  if (!c.attendees) return '还没有登记会员'
  if (c.printed >= c.attendees) return '会员证已全部打印'
  if (!c.printed) return '会员证尚未打印'
  return `已打印 ${c.printed} 人，还有 ${c.attendees - c.printed} 人未打印`
}
