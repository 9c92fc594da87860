// Spreadsheets in and out (批量导入, 导出花名册, 摸清底数): the column ↔ field
// mapping the cadre edits, the counts of a dry run or a comparison as tiles,
// refusal reasons with their labels. Pure; unit-tested.

import type {
  Choice,
  ExportColumn,
  ImportModeCode,
  ImportRowResult,
  ImportSummary,
  RosterResult,
  SheetField,
  SheetMapping,
} from '@/api/types'

export interface FileFilter {
  name: string
  extensions: string[]
}

/** What the readers take (calamine: xlsx/xls/ods; CSV in UTF-8 or GB18030). */
export const SHEET_EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv']
export const SHEET_FILTERS: FileFilter[] = [{ name: '表格', extensions: SHEET_EXTENSIONS }]
export const SHEET_ACCEPT = SHEET_EXTENSIONS.map((e) => `.${e}`).join(',')
export const XLSX_FILTERS: FileFilter[] = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }]
export const CSV_FILTERS: FileFilter[] = [{ name: 'CSV 文本（GB18030）', extensions: ['csv'] }]

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** Rough pixel width of text in a small table cell (CJK and full-width characters are about twice as wide). */
export function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) < 0x80 ? 7.5 : 14
  return w
}

/** A preview column wide enough for its header (with the dropdown) and its widest sample cell, within limits. */
export function columnWidth(header: string, cells: string[]): number {
  const widest = Math.max(textWidth(header) + 44, ...cells.map((c) => textWidth(c) + 24))
  return Math.round(Math.min(300, Math.max(120, widest)))
}

/** The field code each of `width` columns is read as (null: not read). */
export function fieldsByColumn(m: SheetMapping, width: number): (string | null)[] {
  const out: (string | null)[] = Array.from({ length: Math.max(0, width) }, () => null)
  for (const [code, col] of Object.entries(m.fields)) {
    if (col >= 0 && col < out.length) out[col] = code
  }
  return out
}

/**
 * Read `column` as `field` (or as nothing). A field is read from one column
 * only: taking it for this column frees the column that had it, and the
 * field this column had is dropped.
 */
export function assignColumn(m: SheetMapping, column: number, field: string | null | undefined): SheetMapping {
  const fields: Record<string, number> = {}
  for (const [code, col] of Object.entries(m.fields)) {
    if (col === column || code === field) continue
    fields[code] = col
  }
  if (field) fields[field] = column
  return { header_row: m.header_row, fields }
}

/** Fields that must have a column (by `required`, else as the backend marks them) and have none. */
export function missingFields(m: SheetMapping, fields: SheetField[], required?: readonly string[]): SheetField[] {
  const need = (f: SheetField) => (required ? required.includes(f.code) : f.required)
  return fields.filter((f) => need(f) && m.fields[f.code] === undefined)
}

export function sameMapping(a: SheetMapping | null | undefined, b: SheetMapping | null | undefined): boolean {
  if (!a || !b) return a === b
  if (a.header_row !== b.header_row) return false
  const ka = Object.keys(a.fields)
  if (ka.length !== Object.keys(b.fields).length) return false
  return ka.every((k) => a.fields[k] === b.fields[k])
}

/** The fields a roster comparison reads (the rest of the list is ignored). */
export const ROSTER_FIELDS = ['id_number', 'name', 'phone', 'employer'] as const
export const ROSTER_REQUIRED = ['id_number'] as const

/** Keep only the fields the comparison reads. */
export function rosterMapping(m: SheetMapping): SheetMapping {
  const fields: Record<string, number> = {}
  for (const code of ROSTER_FIELDS) if (m.fields[code] !== undefined) fields[code] = m.fields[code]
  return { header_row: m.header_row, fields }
}

// ---- import options ---------------------------------------------------------

export interface ModeOption {
  value: ImportModeCode
  label: string
  help: string
}

/** What each mode does with people already in the ledger, in plain words. */
export const IMPORT_MODES: ModeOption[] = [
  {
    value: 'skip',
    label: '跳过',
    help: '已在台账中的人保持原样，只新增台账中还没有的人。',
  },
  {
    value: 'fill',
    label: '补全空白字段',
    help: '已在台账中的人，只把台账里空着的项目（如工作单位、车牌号）用表格内容补上，已填写的不改。',
  },
  {
    value: 'update',
    label: '更新',
    help: '已在台账中的人，用表格里填写了内容的项目覆盖台账（表格空白的项目不会清空台账）；性别、出生日期以身份证号为准。',
  },
]

export function modeLabel(mode: ImportModeCode): string {
  return IMPORT_MODES.find((m) => m.value === mode)?.label ?? mode
}

// ---- counts as tiles --------------------------------------------------------

export type Tone = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export interface CountTile {
  key: string
  label: string
  value: number
  tone: Tone
  hint?: string
}

export interface ReasonCount {
  code: string
  label: string
  count: number
}

/**
 * Refusals by reason, labelled, in the order the backend lists its reasons;
 * codes it does not list come last under their code.
 */
export function reasonCounts(rejected: Record<string, number>, reasons: Choice[]): ReasonCount[] {
  const order = new Map(reasons.map((r, i) => [r.value, i]))
  return Object.entries(rejected)
    .filter(([, n]) => n > 0)
    .map(([code, count]) => ({ code, count, label: reasons.find((r) => r.value === code)?.label ?? code }))
    .sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9) || a.code.localeCompare(b.code))
}

/** The counts of a dry run (or of a commit) for the tiles above the issues. */
export function importTiles(s: ImportSummary): CountTile[] {
  const changeVerb = s.mode === 'fill' ? '补全' : '更新'
  const existingHint =
    s.mode === 'skip' || s.existing === 0
      ? s.existing
        ? '保持原样'
        : undefined
      : s.committed
        ? `已${changeVerb} ${s.updated} 人`
        : `其中 ${s.to_change} 人将${changeVerb}`
  return [
    { key: 'rows', label: '数据行', value: s.rows, tone: 'primary' },
    {
      key: 'new',
      label: s.committed ? '已新增' : '新增',
      value: s.committed ? s.added : s.new,
      tone: 'success',
      hint: s.committed ? undefined : s.new ? '确认导入后加入台账' : '没有新会员',
    },
    { key: 'existing', label: '已是会员', value: s.existing, tone: 'info', hint: existingHint },
    {
      key: 'duplicates',
      label: '文件内重复',
      value: s.duplicates_in_file,
      tone: 'warning',
      hint: s.duplicates_in_file ? '只按第一次出现的行处理' : undefined,
    },
    {
      key: 'legacy15',
      label: '15位升级',
      value: s.legacy15_upgraded,
      tone: 'info',
      hint: s.legacy15_upgraded ? '15位旧号码已升为18位' : undefined,
    },
    { key: 'rejected', label: '拒绝', value: s.rejected_total, tone: 'danger', hint: s.rejected_total ? '见下方原因' : undefined },
  ]
}

/** What the confirm button will do, in one sentence. */
export function commitSentence(s: ImportSummary): string {
  const parts = [`新增 ${s.new} 人`]
  if (s.mode !== 'skip' && s.to_change) parts.push(`${s.mode === 'fill' ? '补全' : '更新'} ${s.to_change} 位已有会员的资料`)
  return parts.join('，')
}

/** After a commit: what happened. */
export function committedSentence(s: ImportSummary): string {
  const parts = [`新增 ${s.added} 人`]
  if (s.updated) parts.push(`${s.mode === 'fill' ? '补全' : '更新'} ${s.updated} 人的资料`)
  return `已导入：${parts.join('，')}`
}

export interface IssueTag {
  label: string
  type: 'success' | 'info' | 'warning' | 'danger'
}

export function issueTag(status: string): IssueTag {
  switch (status) {
    case 'new':
      return { label: '新增', type: 'success' }
    case 'existing':
      return { label: '已是会员', type: 'info' }
    case 'duplicate':
      return { label: '文件内重复', type: 'warning' }
    default:
      return { label: '拒绝', type: 'danger' }
  }
}

/** A row's detail: the backend's label without the words the tag already says. */
export function issueDetail(r: ImportRowResult): string {
  if (r.status === 'refused') return r.label.replace(/^拒绝[：:]\s*/, '')
  if (r.status === 'existing' && r.changes.length) {
    return r.changes.map((c) => `${c.label}：${c.from || '（空）'} → ${c.to ?? '（空）'}`).join('；')
  }
  return r.label
}

export type IssueFilter = 'all' | 'refused' | 'duplicate' | 'existing'

export function filterIssues(rows: ImportRowResult[], f: IssueFilter): ImportRowResult[] {
  return f === 'all' ? rows : rows.filter((r) => r.status === f)
}

// ---- roster comparison ------------------------------------------------------

/** The counts at the top of 摸清底数. */
export function rosterTiles(r: RosterResult): CountTile[] {
  return [
    {
      key: 'people',
      label: '名单人数',
      value: r.people,
      tone: 'primary',
      hint: r.repeated_rows ? `共 ${r.rows} 行，${r.repeated_rows} 行重复只计一次` : `共 ${r.rows} 行`,
    },
    { key: 'members', label: '已是会员', value: r.members, tone: 'success' },
    { key: 'not_members', label: '未入会（待动员）', value: r.not_members, tone: 'warning' },
    { key: 'phone_differs', label: '手机号不一致', value: r.phone_differs, tone: 'info', hint: '名单与台账不同' },
    { key: 'phone_bad', label: '手机号有误', value: r.phone_bad, tone: 'info', hint: '名单中的号码不是手机号' },
    { key: 'rejected', label: '无效身份证', value: r.rejected_total, tone: 'danger', hint: r.rejected_total ? '未参与比对' : undefined },
  ]
}

/** A share as "45%" (empty when there is nothing to share). */
export function percent(part: number, total: number): string {
  if (!total) return ''
  return `${Math.round((part / total) * 100)}%`
}

// ---- roster export ----------------------------------------------------------

export function defaultColumns(columns: ExportColumn[]): string[] {
  return columns.filter((c) => c.default).map((c) => c.code)
}

/** The chosen columns in the order the roster lists them (a checkbox group keeps click order). */
export function orderedColumns(chosen: readonly string[], columns: ExportColumn[]): string[] {
  const set = new Set(chosen)
  return columns.filter((c) => set.has(c.code)).map((c) => c.code)
}

/** Full IDs need a purpose (recorded); masked ones need nothing. Returns the refusal, if any. */
export function fullIdProblem(fullId: boolean, purpose: string): string | null {
  if (!fullId) return null
  return purpose.trim() ? null : '导出完整身份证号须填写用途（将记录在案）'
}

/** Purposes offered for full-ID exports (free text allowed). */
export const EXPORT_PURPOSES = ['向上级工会报送', '办理互助保障', '办理会员证', '与人社/交通部门核对', '上级抽查核实']
