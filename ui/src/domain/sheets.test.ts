import { describe, expect, it } from 'vitest'
import type { Choice, ExportColumn, ImportRowResult, ImportSummary, RosterResult, SheetField, SheetMapping } from '@/api/types'
import {
  assignColumn,
  columnLetter,
  columnWidth,
  commitSentence,
  committedSentence,
  defaultColumns,
  fieldsByColumn,
  filterIssues,
  fullIdProblem,
  importTiles,
  issueDetail,
  issueTag,
  missingFields,
  orderedColumns,
  percent,
  reasonCounts,
  rosterMapping,
  rosterTiles,
  sameMapping,
  textWidth,
} from './sheets'

const FIELDS: SheetField[] = [
  { code: 'name', label: '姓名', required: true },
  { code: 'id_number', label: '身份证号', required: true },
  { code: 'phone', label: '手机号', required: true },
  { code: 'occupation_group', label: '职业群体', required: false },
  { code: 'employer', label: '工作单位/平台', required: false },
]

const REASONS: Choice[] = [
  { value: 'bad_length', label: '身份证号位数不对或未填写' },
  { value: 'bad_checksum', label: '身份证号校验码错误' },
  { value: 'bad_date', label: '身份证号中的出生日期无效' },
  { value: 'bad_phone', label: '手机号无效或未填写' },
]

function summary(over: Partial<ImportSummary> = {}): ImportSummary {
  return {
    file_name: 'a.csv',
    mode: 'skip',
    mapping: { header_row: 2, fields: { name: 1 } },
    rows: 7,
    new: 3,
    existing: 1,
    duplicates_in_file: 1,
    legacy15_upgraded: 1,
    rejected: { bad_checksum: 1, bad_phone: 1 },
    rejected_total: 2,
    to_change: 0,
    committed: false,
    added: 0,
    updated: 0,
    issues: [],
    issues_truncated: false,
    ...over,
  }
}

function issue(over: Partial<ImportRowResult>): ImportRowResult {
  return {
    line: 4,
    status: 'refused',
    label: '拒绝：身份证号：校验码错误',
    name: '王五',
    id_number: '110105********0021',
    code: 'bad_checksum',
    field: 'id_number',
    member_id: null,
    changes: [],
    ...over,
  }
}

describe('column letters', () => {
  it('counts like Excel', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
  })
})

describe('preview column widths', () => {
  it('fit the header and the widest cell, within limits', () => {
    expect(columnWidth('序号', ['1', '2'])).toBe(120)
    expect(columnWidth('公民身份号码', ['620422198503011230'])).toBe(159)
    // Full-width digits are twice as wide.
    expect(columnWidth('身份证', ['６２０４２２１９９００５１２２３４６'])).toBe(276)
    expect(columnWidth('备注', ['很长的备注'.repeat(20)])).toBe(300)
    expect(textWidth('ab张')).toBe(29)
  })
})

describe('mapping edits', () => {
  const m: SheetMapping = { header_row: 2, fields: { id_number: 2, phone: 3, employer: 4 } }

  it('lists the field of each column, leaving unread columns null and ignoring columns past the width', () => {
    expect(fieldsByColumn(m, 6)).toEqual([null, null, 'id_number', 'phone', 'employer', null])
    expect(fieldsByColumn(m, 3)).toEqual([null, null, 'id_number'])
  })

  it('maps a column to a field', () => {
    const next = assignColumn(m, 1, 'name')
    expect(next).toEqual({ header_row: 2, fields: { id_number: 2, phone: 3, employer: 4, name: 1 } })
    expect(m.fields.name).toBeUndefined() // not changed in place
  })

  it('moves a field: its old column is freed', () => {
    expect(assignColumn(m, 5, 'phone').fields).toEqual({ id_number: 2, employer: 4, phone: 5 })
  })

  it('replaces the field a column had', () => {
    expect(assignColumn(m, 4, 'occupation_group').fields).toEqual({ id_number: 2, phone: 3, occupation_group: 4 })
  })

  it('unmaps a column', () => {
    expect(assignColumn(m, 3, null).fields).toEqual({ id_number: 2, employer: 4 })
    expect(assignColumn(m, 3, undefined).fields).toEqual({ id_number: 2, employer: 4 })
    expect(assignColumn(m, 3, '').fields).toEqual({ id_number: 2, employer: 4 })
  })

  it('names the required fields without a column', () => {
    expect(missingFields(m, FIELDS).map((f) => f.label)).toEqual(['姓名'])
    expect(missingFields(assignColumn(m, 1, 'name'), FIELDS)).toEqual([])
    // The comparison needs only the ID.
    expect(missingFields({ header_row: 0, fields: {} }, FIELDS, ['id_number']).map((f) => f.code)).toEqual(['id_number'])
    expect(missingFields(m, FIELDS, ['id_number'])).toEqual([])
  })

  it('compares mappings by content', () => {
    expect(sameMapping(m, { header_row: 2, fields: { employer: 4, phone: 3, id_number: 2 } })).toBe(true)
    expect(sameMapping(m, { header_row: 1, fields: { ...m.fields } })).toBe(false)
    expect(sameMapping(m, assignColumn(m, 3, null))).toBe(false)
    expect(sameMapping(m, assignColumn(m, 5, 'phone'))).toBe(false)
    expect(sameMapping(null, null)).toBe(true)
    expect(sameMapping(m, null)).toBe(false)
  })

  it('keeps only what a comparison reads', () => {
    expect(rosterMapping({ header_row: 1, fields: { id_number: 0, name: 1, occupation_group: 2, phone: 3, notes: 5 } })).toEqual({
      header_row: 1,
      fields: { id_number: 0, name: 1, phone: 3 },
    })
  })
})

describe('dry-run counts', () => {
  it('labels refusals in the backend order, unknown codes last', () => {
    expect(reasonCounts({ bad_phone: 2, zzz: 1, bad_checksum: 3, bad_date: 0 }, REASONS)).toEqual([
      { code: 'bad_checksum', label: '身份证号校验码错误', count: 3 },
      { code: 'bad_phone', label: '手机号无效或未填写', count: 2 },
      { code: 'zzz', label: 'zzz', count: 1 },
    ])
    expect(reasonCounts({}, REASONS)).toEqual([])
  })

  it('shows a dry run as tiles', () => {
    const t = importTiles(summary())
    expect(t.map((x) => [x.label, x.value])).toEqual([
      ['数据行', 7],
      ['新增', 3],
      ['已是会员', 1],
      ['文件内重复', 1],
      ['15位升级', 1],
      ['拒绝', 2],
    ])
    expect(t.find((x) => x.key === 'existing')?.hint).toBe('保持原样')
    expect(t.find((x) => x.key === 'new')?.hint).toBe('确认导入后加入台账')
    expect(importTiles(summary({ new: 0 })).find((x) => x.key === 'new')?.hint).toBe('没有新会员')
    expect(t.find((x) => x.key === 'rejected')?.tone).toBe('danger')
  })

  it('says how many existing members a mode changes, before and after the commit', () => {
    expect(importTiles(summary({ mode: 'fill', to_change: 1 })).find((x) => x.key === 'existing')?.hint).toBe('其中 1 人将补全')
    expect(importTiles(summary({ mode: 'update', to_change: 1, committed: true, updated: 1 })).find((x) => x.key === 'existing')?.hint).toBe(
      '已更新 1 人',
    )
    expect(importTiles(summary({ existing: 0 })).find((x) => x.key === 'existing')?.hint).toBeUndefined()
  })

  it('after a commit counts what was added', () => {
    const t = importTiles(summary({ committed: true, added: 3 }))
    expect(t.find((x) => x.key === 'new')).toMatchObject({ label: '已新增', value: 3 })
    expect(committedSentence(summary({ committed: true, added: 3 }))).toBe('已导入：新增 3 人')
    expect(committedSentence(summary({ committed: true, added: 0, updated: 2, mode: 'fill' }))).toBe('已导入：新增 0 人，补全 2 人的资料')
  })

  it('says what the commit will do', () => {
    expect(commitSentence(summary())).toBe('新增 3 人')
    expect(commitSentence(summary({ mode: 'update', to_change: 2 }))).toBe('新增 3 人，更新 2 位已有会员的资料')
    expect(commitSentence(summary({ mode: 'skip', to_change: 2 }))).toBe('新增 3 人')
  })

  it('tags and explains issue rows', () => {
    expect(issueTag('refused')).toEqual({ label: '拒绝', type: 'danger' })
    expect(issueTag('duplicate').type).toBe('warning')
    expect(issueTag('existing').label).toBe('已是会员')
    expect(issueDetail(issue({}))).toBe('身份证号：校验码错误')
    expect(issueDetail(issue({ status: 'duplicate', label: '文件内重复（同第5行）' }))).toBe('文件内重复（同第5行）')
    expect(
      issueDetail(
        issue({
          status: 'existing',
          label: '已是会员（会员编号 1），补充：工作单位/平台',
          changes: [{ field: 'employer', label: '工作单位/平台', from: null, to: '顺丰' }],
        }),
      ),
    ).toBe('工作单位/平台：（空） → 顺丰')
  })

  it('filters issue rows by status', () => {
    const rows = [issue({ line: 1 }), issue({ line: 2, status: 'duplicate' }), issue({ line: 3, status: 'existing' })]
    expect(filterIssues(rows, 'all').length).toBe(3)
    expect(filterIssues(rows, 'duplicate').map((r) => r.line)).toEqual([2])
    expect(filterIssues(rows, 'refused').map((r) => r.line)).toEqual([1])
  })
})

describe('roster comparison counts', () => {
  const r = {
    rows: 8,
    people: 6,
    members: 2,
    not_members: 4,
    phone_differs: 1,
    phone_bad: 1,
    repeated_rows: 1,
    rejected_total: 1,
  } as RosterResult

  it('puts the six counts on tiles', () => {
    const t = rosterTiles(r)
    expect(t.map((x) => [x.label, x.value])).toEqual([
      ['名单人数', 6],
      ['已是会员', 2],
      ['未入会（待动员）', 4],
      ['手机号不一致', 1],
      ['手机号有误', 1],
      ['无效身份证', 1],
    ])
    expect(t[0].hint).toBe('共 8 行，1 行重复只计一次')
    expect(rosterTiles({ ...r, repeated_rows: 0 })[0].hint).toBe('共 8 行')
  })

  it('shows shares', () => {
    expect(percent(1, 3)).toBe('33%')
    expect(percent(0, 0)).toBe('')
  })
})

describe('roster export options', () => {
  const cols: ExportColumn[] = [
    { code: 'member_no', label: '会员编号', default: true },
    { code: 'name', label: '姓名', default: true },
    { code: 'birth_date', label: '出生日期', default: false },
    { code: 'phone', label: '手机号', default: true },
  ]

  it('ticks the default columns and keeps the roster order', () => {
    expect(defaultColumns(cols)).toEqual(['member_no', 'name', 'phone'])
    expect(orderedColumns(['phone', 'birth_date', 'member_no', 'gone'], cols)).toEqual(['member_no', 'birth_date', 'phone'])
  })

  it('asks for a purpose only with full IDs', () => {
    expect(fullIdProblem(false, '')).toBeNull()
    expect(fullIdProblem(true, '  ')).toMatch(/用途/)
    expect(fullIdProblem(true, '向上级工会报送')).toBeNull()
  })
})
