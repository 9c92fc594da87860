import { beforeEach, describe, expect, it, vi } from 'vitest'

const preview = vi.fn()
const pick = vi.fn()
vi.mock('@/api/sheets', () => ({ importPreview: (...a: unknown[]) => preview(...a) }))
vi.mock('@/api/files', () => ({
  pickFile: (...a: unknown[]) => pick(...a),
  fileArg: (p: { path?: string; file_name: string; bytes_base64?: string }) =>
    p.path ? { path: p.path } : { file_name: p.file_name, bytes_base64: p.bytes_base64 },
}))
vi.mock('element-plus', () => ({ ElMessage: { error: vi.fn() } }))

import { ApiError } from '@/api/transport'
import type { ImportPreview } from '@/api/types'
import { useSheetSource } from './useSheetSource'

function result(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    file_name: '名单.xlsx',
    format: 'Excel 工作簿（.xlsx）',
    sheet_names: ['汇总', '名单'],
    sheet: 0,
    mapping: { header_row: 2, fields: { id_number: 1 } },
    mapping_source: 'detected',
    headers: ['姓名', '身份证号'],
    title_rows: [],
    sample: [],
    sample_lines: [],
    data_rows: 0,
    missing: [],
    ...over,
  }
}

const noHeader = () => new ApiError({ code: 'invalid', field: 'header_row', message: '前30行中没有找到表头' })

beforeEach(() => {
  preview.mockReset()
  pick.mockReset()
})

describe('the spreadsheet a page works on', () => {
  it('previews the chosen file and copies its mapping for editing', async () => {
    pick.mockResolvedValueOnce({ file_name: '名单.xlsx', bytes_base64: 'UEs=', size: 2 })
    preview.mockResolvedValueOnce(result())
    const s = useSheetSource()
    expect(await s.choose()).toBe(true)
    expect(preview).toHaveBeenCalledWith({ file_name: '名单.xlsx', bytes_base64: 'UEs=' })
    expect(s.mapping.value).toEqual({ header_row: 2, fields: { id_number: 1 } })
    expect(s.mapping.value).not.toBe(s.preview.value?.mapping)
    expect(s.source.value).toEqual({ file_name: '名单.xlsx', bytes_base64: 'UEs=', sheet: 0 })
  })

  it('a cancelled chooser keeps the file there was', async () => {
    pick.mockResolvedValueOnce({ path: '/a/名单.xlsx', file_name: '名单.xlsx' })
    preview.mockResolvedValueOnce(result())
    const s = useSheetSource()
    await s.choose()
    pick.mockResolvedValueOnce(null)
    expect(await s.choose()).toBe(false)
    expect(s.source.value).toEqual({ path: '/a/名单.xlsx', sheet: 0 })
    expect(preview).toHaveBeenCalledTimes(1)
  })

  it('asks again for another sheet or header row', async () => {
    pick.mockResolvedValueOnce({ path: '/a/名单.xlsx', file_name: '名单.xlsx' })
    preview.mockResolvedValue(result())
    const s = useSheetSource()
    await s.choose()
    await s.setSheet(1)
    expect(preview).toHaveBeenLastCalledWith({ path: '/a/名单.xlsx', sheet: 1 })
    await s.setHeaderRow(4)
    expect(preview).toHaveBeenLastCalledWith({ path: '/a/名单.xlsx', sheet: 0, header_row: 4 })
  })

  it('with no header found, shows the sheet from its first row', async () => {
    pick.mockResolvedValueOnce({ path: '/a/x.xlsx', file_name: 'x.xlsx' })
    preview.mockRejectedValueOnce(noHeader()).mockResolvedValueOnce(result({ mapping: { header_row: 0, fields: {} } }))
    const s = useSheetSource()
    await s.choose()
    expect(preview).toHaveBeenLastCalledWith({ path: '/a/x.xlsx', header_row: 0 })
    expect(s.noHeader.value).toBe(true)
    expect(s.error.value).toBeNull()
    expect(s.preview.value?.sheet_names).toEqual(['汇总', '名单'])
    // The header row the cadre names is taken as it is.
    preview.mockResolvedValueOnce(result())
    await s.setHeaderRow(2)
    expect(s.noHeader.value).toBe(false)
  })

  it('keeps a refusal of a named header row, and any other refusal, as the error', async () => {
    pick.mockResolvedValueOnce({ path: '/a/x.xlsx', file_name: 'x.xlsx' })
    preview.mockRejectedValueOnce(new ApiError({ code: 'invalid', field: 'file', message: '“x.xlsx”已损坏' }))
    const s = useSheetSource()
    await s.choose()
    expect(s.error.value?.message).toBe('“x.xlsx”已损坏')
    expect(s.preview.value).toBeNull()
    preview.mockRejectedValueOnce(new ApiError({ code: 'invalid', field: 'header_row', message: '表头行：第99行不存在' }))
    await s.setHeaderRow(98)
    expect(s.error.value?.field).toBe('header_row')
    expect(preview).toHaveBeenCalledTimes(2)
  })

  it('ignores a slower answer to an older question', async () => {
    pick.mockResolvedValueOnce({ path: '/a/x.xlsx', file_name: 'x.xlsx' })
    preview.mockResolvedValueOnce(result())
    const s = useSheetSource()
    await s.choose()
    let release!: (v: ImportPreview) => void
    preview.mockImplementationOnce(() => new Promise((r) => (release = r)))
    preview.mockResolvedValueOnce(result({ sheet: 1, data_rows: 9 }))
    const older = s.setSheet(0)
    await s.setSheet(1)
    release(result({ sheet: 0, data_rows: 3 }))
    await older
    expect(s.preview.value?.data_rows).toBe(9)
  })
})
