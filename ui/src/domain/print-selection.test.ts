import { describe, expect, it } from 'vitest'
import type { CertificateCandidate } from '@/api/types'
import {
  certificateFileName,
  emptyScope,
  printableIds,
  problemsFirst,
  recordedText,
  reissues,
  safeFileName,
  scopeFromQuery,
  scopeMissing,
  scopeToQuery,
  toSelection,
  type PrintScope,
} from './print-selection'

describe('print scope to a PrintSelection', () => {
  it('selected members, without blanks or repeats', () => {
    expect(toSelection({ kind: 'members', memberIds: ['a', ' b ', '', 'a'] })).toEqual({ by: 'members', member_ids: ['a', 'b'] })
  })

  it('is incomplete without members, a ceremony or an org, and says what is missing', () => {
    for (const kind of ['members', 'ceremony', 'org'] as const) {
      expect(toSelection(emptyScope(kind))).toBeNull()
      expect(scopeMissing(emptyScope(kind))).toBeTruthy()
    }
    expect(scopeMissing({ kind: 'org', memberIds: [], orgId: 'o' })).toBeNull()
  })

  it('a ceremony, an org subtree', () => {
    expect(toSelection({ kind: 'ceremony', memberIds: [], ceremonyId: 'c1' })).toEqual({ by: 'ceremony', ceremony_id: 'c1' })
    expect(toSelection({ kind: 'org', memberIds: ['x'], orgId: 'o1' })).toEqual({ by: 'org', org_id: 'o1' })
  })

  it('not yet printed, limited to an org or not; everyone', () => {
    expect(toSelection(emptyScope())).toEqual({ by: 'not_yet_printed' })
    expect(toSelection({ kind: 'not_yet_printed', memberIds: [], orgId: ' o1 ' })).toEqual({ by: 'not_yet_printed', org_id: 'o1' })
    expect(toSelection({ kind: 'all', memberIds: [] })).toEqual({ by: 'all' })
  })
})

describe('print scope in links', () => {
  const cases: PrintScope[] = [
    { kind: 'members', memberIds: ['m1', 'm2'] },
    { kind: 'ceremony', memberIds: [], ceremonyId: 'c1' },
    { kind: 'org', memberIds: [], orgId: 'o1' },
    { kind: 'not_yet_printed', memberIds: [], orgId: 'o1' },
    { kind: 'not_yet_printed', memberIds: [], orgId: undefined },
    { kind: 'all', memberIds: [] },
  ]
  it.each(cases)('round-trips %o', (s) => {
    const q = scopeToQuery(s) as Record<string, string>
    expect(scopeFromQuery(q)).toEqual(s)
  })

  it('reads ?members=a,b and ignores an empty link', () => {
    expect(scopeFromQuery({ members: 'a, b,' })).toEqual({ kind: 'members', memberIds: ['a', 'b'] })
    expect(scopeFromQuery({ members: ['x,y', 'z'] })).toEqual({ kind: 'members', memberIds: ['x', 'y'] })
    expect(scopeFromQuery({})).toBeNull()
    expect(scopeFromQuery({ members: '' })).toBeNull()
  })
})

function cand(id: string, problem: string | null, card: string | null = null): CertificateCandidate {
  return {
    id,
    problem,
    card_issued_on: card,
    member_no: id,
    name: id,
    gender: '男',
    id_number: '',
    phone: '',
    occupation_group: '',
    employer: null,
    org_id: 'o',
    org_name: 'o',
    join_date: '2026-01-01',
    join_channel: '现场',
    status: '在会',
    labour_relation: null,
    verified_on: null,
    stale: false,
  }
}

describe('candidates', () => {
  const rows = [cand('a', null), cand('b', '状态是“退会”'), cand('c', null, '2026-01-02'), cand('d', '字库中没有')]
  it('problems first, keeping order', () => {
    expect(problemsFirst(rows).map((r) => r.id)).toEqual(['b', 'd', 'a', 'c'])
  })
  it('printable ids and reissues', () => {
    expect(printableIds(rows)).toEqual(['a', 'c'])
    expect(reissues(rows)).toBe(1)
  })
})

describe('what a print recorded', () => {
  it('counts first issues and same-day reprints', () => {
    expect(recordedText({ certificates: 2, recorded: 2, issued_on: '2026-11-24' })).toBe('已记录 2 人的发证日期 2026-11-24')
    expect(recordedText({ certificates: 2, recorded: 0, issued_on: '2026-11-24' })).toBe('发证日期仍为 2026-11-24（这批会员今天已打印过）')
    expect(recordedText({ certificates: 3, recorded: 1, issued_on: '2026-11-24' })).toBe(
      '已记录 1 人的发证日期 2026-11-24，另外 2 人今天已打印过',
    )
  })
})

describe('file names', () => {
  it('names a certificate batch like the backend does', () => {
    expect(certificateFileName('2026-11-23', 12, 'card')).toBe('会员证-2026-11-23-12张.pdf')
    expect(certificateFileName('2026-11-23', 1, 'a5')).toBe('会员证-A5-2026-11-23-1张.pdf')
  })
  it('drops characters Windows refuses', () => {
    expect(safeFileName(' a/b:c*?"<>|d ')).toBe('a_b_c______d')
  })
})
