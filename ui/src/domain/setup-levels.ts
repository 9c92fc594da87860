// The first-run wizard's data: which org unit this office is and the chain
// above it, turned into `setup_office` levels (top first). Pure; tested.

import type { OrgKindCode, SetupLevel } from '@/api/types'

/** Kinds an office can be when the app is first set up. */
export type OfficeKind = 'village' | 'township' | 'industry' | 'county'

export interface LevelForm {
  name: string
  division_code: string
  join_url: string
}

export interface SetupState {
  kind: OfficeKind
  office: LevelForm
  township: LevelForm
  county: LevelForm
  /** An industry federation hangs under a township or directly under the county. */
  industryParent: 'township' | 'county'
  /** A township office may start without its county (added later in 组织架构). */
  skipCounty: boolean
  operator: string
}

export type LevelKey = 'county' | 'township' | 'office'

export function emptyLevel(): LevelForm {
  return { name: '', division_code: '', join_url: '' }
}

export function initialSetup(): SetupState {
  return {
    kind: 'village',
    office: emptyLevel(),
    township: emptyLevel(),
    county: emptyLevel(),
    industryParent: 'township',
    skipCounty: false,
    operator: '',
  }
}

/** The parent levels the wizard asks for, top first. */
export function parentKeys(s: SetupState): LevelKey[] {
  switch (s.kind) {
    case 'county':
      return []
    case 'township':
      return s.skipCounty ? [] : ['county']
    case 'village':
      return ['county', 'township']
    case 'industry':
      return s.industryParent === 'township' ? ['county', 'township'] : ['county']
  }
}

const KIND_OF: Record<Exclude<LevelKey, 'office'>, OrgKindCode> = {
  county: 'county',
  township: 'township',
}

function level(form: LevelForm, kind: OrgKindCode, withUrl: boolean): SetupLevel {
  const out: SetupLevel = { name: form.name.trim(), kind }
  const code = form.division_code.trim()
  if (code) out.division_code = code
  const url = form.join_url.trim()
  if (withUrl && url) out.join_url = url
  return out
}

/** The `levels` of `setup_office`: top (county) first, this office last. */
export function buildLevels(s: SetupState): SetupLevel[] {
  const parents = parentKeys(s).map((k) => level(s[k], KIND_OF[k as 'county' | 'township'], false))
  return [...parents, level(s.office, s.kind, true)]
}

/** Which keys the levels of `buildLevels` came from, in the same order. */
export function levelKeys(s: SetupState): LevelKey[] {
  return [...parentKeys(s), 'office']
}

export interface ErrorSpot {
  level: LevelKey
  field: keyof LevelForm | 'operator'
}

/**
 * The backend's org refusals name no level. Work out which input a message
 * is about so the wizard can put it under that input.
 */
export function locateSetupError(
  s: SetupState,
  message: string,
  kindLabels: Record<string, string>,
): ErrorSpot | null {
  const keys = levelKeys(s)
  const levels = buildLevels(s)
  if (message.startsWith('经办人')) return { level: 'office', field: 'operator' }
  const outside = /^行政区划代码：应以上级的代码\s*(\d+)\s*开头/.exec(message)
  if (outside) {
    for (let i = 1; i < levels.length; i++) {
      const parentCode = levels[i - 1].division_code
      const code = levels[i].division_code
      if (parentCode === outside[1] && code && !code.startsWith(parentCode)) {
        return { level: keys[i], field: 'division_code' }
      }
    }
    // The nearest coded ancestor may be further up.
    for (let i = levels.length - 1; i >= 0; i--) {
      const code = levels[i].division_code
      if (code && !code.startsWith(outside[1])) return { level: keys[i], field: 'division_code' }
    }
  }
  const length = /^行政区划代码：(.+?)的代码应为/.exec(message)
  if (length) {
    const i = levels.findIndex((l) => l.division_code && kindLabels[l.kind] === length[1])
    if (i >= 0) return { level: keys[i], field: 'division_code' }
  }
  if (message.startsWith('组织名称')) {
    const i = levels.findIndex((l) => !l.name || [...l.name].length > 60)
    if (i >= 0) return { level: keys[i], field: 'name' }
  }
  if (message.startsWith('入会链接')) return { level: 'office', field: 'join_url' }
  return null
}

/** Digits only, 6, 9 or 12 of them (GB/T 2260 county, township, village). */
export function divisionCodeProblem(code: string): string | null {
  const c = code.trim()
  if (!c) return null
  if (!/^\d+$/.test(c)) return '只能填写数字'
  if (![6, 9, 12].includes(c.length)) return '应为6位、9位或12位数字'
  return null
}
