// Browser end-to-end test of spreadsheets in and out (issue 4): 批量导入 of a
// GB18030 CSV with title rows, synonym headers and a column mapped by hand;
// the dry run and its .xlsx report; the one-transaction commit; the same
// file again adding nothing; 导出花名册 of the filtered list (xlsx, and a
// GB18030 CSV with full IDs and a recorded purpose); 摸清底数 against an
// outside list, adding nobody.
//
// Same environment as ledger.test.mjs (LEDGER_BIN, UI_DIST, CHROMIUM).
// Screenshots land in tests/e2e/out/sheets/.

import { after, before, describe } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assertBuilt, assertXlsx, harness, LEDGER_BIN, repo, UI_DIST } from './harness.mjs'
import { callApi, startServer, stopServer } from './serve.mjs'
import {
  badCheckDigit,
  fullWidth,
  gb18030Csv,
  legacy15,
  maskId,
  upgraded15,
  utf8BomCsv,
  validId,
} from './sheet-fixtures.mjs'

const OUT = path.join(repo, 'tests/e2e/out/sheets')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-sheets-e2e-'))
const DB = path.join(tmp, 't.db')

// People. 张三 is in the ledger before anything is imported.
const ZS = { name: '张三', id: '11010519491231002X', phone: '13800138000' }
const MA = { name: '马建国', id: validId('62042219850301123'), phone: '13993300001' }
const LI = { name: '李红梅', id: validId('62042219900512234'), phone: '13993300002' }
const WANG15 = legacy15('620422', '800101', '123')
const WANG = { name: '王小军', id: upgraded15(WANG15), phone: '13993300003' }
const ZHOU = { name: '周电话', id: validId('62042219880808345') }
const SUN = { name: '孙空组', id: validId('62042219920202456'), phone: '13993300008' }
const LIU = { name: '刘未入', id: validId('62042319950101567'), phone: '13993300011' }
const CHEN = { name: '陈座机', id: validId('62042219960606678') }
const FIRM = '会宁县顺达物流有限公司'

/** The transport bureau's driver list: GB18030, two title rows, synonym headers. */
const IMPORT_ROWS = [
  ['会宁县交通运输局 2026年道路货运驾驶员名单'],
  ['填报单位：城关镇', '', '', '', '填报日期：2026-11-20'],
  ['序号', '人员', '公民身份号码', '联系电话', '所在单位', '司机类别'],
  [1, MA.name, MA.id, MA.phone, FIRM, '货车司机'],
  [2, LI.name, fullWidth(LI.id), LI.phone, FIRM, '货车司机'], // full-width digits
  [3, WANG.name, WANG15, WANG.phone, '个体', '货车司机'], // 15-digit legacy ID
  [4, MA.name, MA.id, MA.phone, FIRM, '货车司机'], // line 7: the same person again
  [5, '赵错号', badCheckDigit(ZHOU.id), '13993300005', '个体', '货车司机'], // line 8: wrong check digit
  [6, ZHOU.name, ZHOU.id, '12345', '个体', '货车司机'], // line 9: not a mobile number
  [7, ZS.name, ZS.id, ZS.phone, '个体', '货车司机'], // line 10: already a member
  [8, SUN.name, SUN.id, SUN.phone, '某快递网点', ''], // no group: the default applies
]

/** An outside list to compare (UTF-8 with BOM). */
const ROSTER_ROWS = [
  ['交管部门 道路货运驾驶员信息（城关镇）'],
  ['驾驶员姓名', '身份证号码', '手机号码', '从业单位'],
  [MA.name, MA.id, MA.phone, FIRM], // member, same phone
  [LI.name, LI.id, '13993309999', FIRM], // member, phone differs
  [WANG.name, fullWidth(WANG.id), WANG.phone, '个体'], // member, full-width digits
  [LIU.name, LIU.id, LIU.phone, FIRM], // not a member
  [CHEN.name, CHEN.id, '0943-3221234', '个体'], // not a member, landline (reported, kept)
  [LIU.name, LIU.id, LIU.phone, FIRM], // repeated
  ['错号码', badCheckDigit(validId('62042219970707789')), '13993300013', '个体'], // rejected
]

const IMPORT_FILE = path.join(tmp, '驾驶员名单.csv')
const ROSTER_FILE = path.join(tmp, '交管名单.csv')
const JUNK_FILE = path.join(tmp, '名单.xlsx')
const COMPARED_XLSX = path.join(tmp, '比对结果.xlsx')

const h = harness({ out: OUT, tmp })
const { it, snap, byTestId, pickOption, chooseFile, download, noHorizontalScroll } = h
let server = null
let page = null





/** The number on a count tile. */
async function tile(testId) {
  return Number((await byTestId(testId).locator('.n').innerText()).trim())
}

async function tiles(prefix, keys) {
  const out = {}
  for (const k of keys) out[k] = await tile(`${prefix}-${k}`)
  return out
}

describe('Spreadsheets in and out in the browser', () => {
  before(async () => {
    assertBuilt()
    fs.writeFileSync(IMPORT_FILE, gb18030Csv(IMPORT_ROWS))
    fs.writeFileSync(ROSTER_FILE, utf8BomCsv(ROSTER_ROWS))
    fs.writeFileSync(JUNK_FILE, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))

    server = await startServer(LEDGER_BIN, DB, UI_DIST)
    // Taken as given here (the wizard and the member form have their own test).
    await callApi(server, 'setup_office', {
      levels: [
        { name: '会宁县总工会', kind: 'county', division_code: '620422' },
        { name: '城关镇总工会', kind: 'township', division_code: '620422100' },
        { name: '东关村工会联合会', kind: 'village', division_code: '620422100201' },
      ],
      operator: '李四',
    })
    await callApi(server, 'member_create', { name: ZS.name, id_number: ZS.id, phone: ZS.phone, occupation_group: '货车司机' })

    page = await h.launch()
    await page.goto(server.url)
    await byTestId('home-office').waitFor()
  })

  after(async () => {
    await h.close()
    await stopServer(server)
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('says plainly when a file is no spreadsheet', async () => {
    await byTestId('nav-import').click()
    await byTestId('import-intro').waitFor()
    await snap('import-start')
    await chooseFile('import-choose', JUNK_FILE)
    await byTestId('import-error').waitFor()
    assert.match(await byTestId('import-error').innerText(), /无法读取这个文件/)
    assert.match(await byTestId('import-error').innerText(), /名单\.xlsx/)
    await byTestId('import-mapping-table').waitFor({ state: 'detached' })
    await snap('import-not-a-spreadsheet')
  })

  it('previews a GB18030 CSV: title rows, synonym headers, a missing column', async () => {

    await chooseFile('import-choose', IMPORT_FILE)
    await byTestId('import-mapping-table').waitFor()
    assert.match(await byTestId('import-file-name').innerText(), /驾驶员名单\.csv/)
    assert.match(await byTestId('import-source').innerText(), /GB18030/)
    assert.match(await byTestId('import-title-rows').innerText(), /会宁县交通运输局 2026年道路货运驾驶员名单/)
    assert.match(await byTestId('import-data-rows').innerText(), /8/)
    assert.match(await byTestId('import-mapping-source').innerText(), /自动识别/)
    assert.equal(await byTestId('import-header-row').locator('input').inputValue(), '3')
    // 公民身份号码 and 联系电话 are recognised; 人员 is not: 姓名 is missing.
    assert.match(await byTestId('import-col-2').innerText(), /身份证号/)
    assert.match(await byTestId('import-col-3').innerText(), /手机号/)
    assert.match(await byTestId('import-col-4').innerText(), /工作单位/)
    assert.match(await byTestId('import-missing').innerText(), /姓名/)
    assert.ok(await byTestId('import-check').isDisabled(), 'check allowed with 姓名 unmapped')
    // The sample shows the file as it is (full-width digits and the 15-digit ID included).
    const table = await byTestId('import-mapping-table').innerText()
    assert.ok(table.includes(fullWidth(LI.id)) && table.includes(WANG15), 'sample rows not shown as in the file')
    await noHorizontalScroll()
    await snap('import-preview')
  })

  it('previews again when the header row changes', async () => {
    const input = byTestId('import-header-row').locator('input')
    await input.fill('4')
    await input.press('Enter')
    await byTestId('import-data-rows').filter({ hasText: '7' }).waitFor()
    assert.match(await byTestId('import-title-rows').innerText(), /序号/)
    await input.fill('3')
    await input.press('Enter')
    await byTestId('import-data-rows').filter({ hasText: '8' }).waitFor()
    await byTestId('import-col-2').filter({ hasText: '身份证号' }).waitFor()
  })

  it('takes a mapping fixed by hand and explains the modes', async () => {
    await pickOption('import-col-1', '姓名')
    await pickOption('import-col-5', '职业群体')
    await byTestId('import-missing').waitFor({ state: 'detached' })
    await pickOption('import-group', '快递员')

    await byTestId('import-mode-fill').click()
    assert.match(await byTestId('import-mode-help').innerText(), /空着的项目/)
    await byTestId('import-mode-update').click()
    assert.match(await byTestId('import-mode-help').innerText(), /覆盖/)
    await byTestId('import-mode-skip').click()
    assert.match(await byTestId('import-mode-help').innerText(), /保持原样/)
    await snap('import-mapped')
  })

  it('checks every row without writing: new, existing, duplicate, 15-digit upgrade, refused by reason', async () => {
    await byTestId('import-check').click()
    await byTestId('import-result').waitFor()
    assert.deepEqual(await tiles('import-counts', ['rows', 'new', 'existing', 'duplicates', 'legacy15', 'rejected']), {
      rows: 8,
      new: 4,
      existing: 1,
      duplicates: 1,
      legacy15: 1,
      rejected: 2,
    })
    assert.match(await byTestId('import-reason-bad_checksum').innerText(), /校验码错误\s*1 行/)
    assert.match(await byTestId('import-reason-bad_phone').innerText(), /手机号无效或未填写\s*1 行/)
    const issues = await byTestId('import-issues').innerText()
    assert.match(issues, /文件内重复（同第4行）/)
    assert.match(issues, /校验码错误/)
    assert.match(issues, /张三/)
    assert.ok(issues.includes(maskId(ZS.id)), 'IDs in the issues are masked')
    assert.ok(!issues.includes(ZS.id), 'a full ID leaked into the issues')
    // Nothing written yet.
    assert.equal((await callApi(server, 'member_list', {})).total, 1)
    await noHorizontalScroll()
    await snap('import-dry-run')
    await byTestId('import-issue-filter').getByText('拒绝 2').click()
    assert.equal(await byTestId('import-issues').locator('.el-table__row').count(), 2)
    await byTestId('import-issue-filter').getByText('需要留意的行').click()
  })

  it('downloads the check report as .xlsx', async () => {
    const report = await download(() => byTestId('import-report').click())
    assertXlsx(report)
    assert.match(report.name, /驾驶员名单-导入检查\.xlsx$/)
  })

  it('imports all valid new rows in one go', async () => {
    await byTestId('import-commit').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /新增 4 人/)
    await snap('import-confirm')
    await box.locator('.el-button--primary').click()
    await byTestId('import-done').waitFor()
    assert.match(await byTestId('import-done').innerText(), /已导入：新增 4 人/)
    assert.equal(await tile('import-counts-new'), 4)
    await byTestId('import-commit').waitFor({ state: 'detached' })
    const list = await callApi(server, 'member_list', { page_size: 50 })
    assert.equal(list.total, 5)
    const sun = list.rows.find((m) => m.name === SUN.name)
    assert.equal(sun?.occupation_group, '快递员', 'the default group fills an empty cell')
    assert.equal(sun?.join_channel, '批量导入')
    assert.ok(list.rows.some((m) => m.name === WANG.name && m.id_number === maskId(WANG.id)), '15-digit ID stored upgraded')
    await snap('import-committed')
  })

  it('adds nothing when the same file is imported again, with the confirmed mapping remembered', async () => {
    await byTestId('import-another').click()
    await byTestId('import-intro').waitFor()
    await chooseFile('import-choose', IMPORT_FILE)
    await byTestId('import-mapping-source').filter({ hasText: '沿用上次确认的字段对应' }).waitFor()
    assert.match(await byTestId('import-col-1').innerText(), /姓名/)
    await pickOption('import-group', '快递员')
    await byTestId('import-check').click()
    await byTestId('import-result').waitFor()
    assert.equal(await tile('import-counts-new'), 0)
    assert.equal(await tile('import-counts-existing'), 5)
    assert.ok(await byTestId('import-commit').isDisabled(), 'nothing to import, yet 确认导入 is enabled')
    await snap('import-again')
    assert.equal((await callApi(server, 'member_list', {})).total, 5)
    // A look at a member and back keeps the check result.
    await byTestId('import-issues').locator('.el-table__row', { hasText: ZS.name }).getByText('查看会员').click()
    await byTestId('member-detail').waitFor()
    await page.goBack()
    await byTestId('import-result').waitFor()
    assert.equal(await tile('import-counts-existing'), 5)
  })

  it('exports the roster of the filtered member list as .xlsx', async () => {
    await byTestId('nav-members').click()
    await byTestId('member-table').locator('.el-table__row', { hasText: MA.name }).waitFor()
    await pickOption('member-group-filter', '货车司机')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-table"] .el-table__row').length === 4)
    await byTestId('member-export').click()
    await byTestId('export-dialog').waitFor()
    assert.match(await byTestId('export-scope').innerText(), /货车司机.*共 4 条/)
    assert.ok(await byTestId('export-col-member_no').locator('input').isChecked(), 'default column not ticked')
    assert.ok(!(await byTestId('export-col-birth_date').locator('input').isChecked()), 'non-default column ticked')
    await byTestId('export-col-birth_date').click()
    await noHorizontalScroll()
    await snap('export-dialog')
    const roster = await download(() => byTestId('export-submit').click())
    assertXlsx(roster)
    assert.match(roster.name, /^花名册-\d{4}-\d{2}-\d{2}\.xlsx$/)
    await byTestId('export-dialog').waitFor({ state: 'hidden' })
    await snap('member-list-export-button')
  })

  it('exports full IDs only with a purpose, as GB18030 CSV for old systems', async () => {
    await byTestId('member-export').click()
    await byTestId('export-dialog').waitFor()
    await byTestId('export-format-csv').click()
    await byTestId('export-full-id').click()
    await byTestId('export-full-id-warning').waitFor()
    assert.match(await byTestId('export-full-id-warning').innerText(), /个人信息保护法/)
    await byTestId('export-submit').click()
    await byTestId('export-dialog').locator('.el-form-item__error', { hasText: '用途' }).waitFor()
    await pickOption('export-purpose', '向上级工会报送')
    await snap('export-full-id')
    const csv = await download(() => byTestId('export-submit').click())
    assert.match(csv.name, /\.csv$/)
    const text = new TextDecoder('gb18030').decode(csv.bytes)
    const lines = text.trim().split(/\r?\n/)
    assert.match(lines[0], /^会员编号,姓名,性别,身份证号,出生日期,手机号/)
    assert.equal(lines.length, 5, `header and 4 货车司机: ${text}`)
    assert.ok(text.includes(MA.id) && text.includes(WANG.id), 'full IDs missing from the full-ID export')
    assert.ok(!text.includes(SUN.name), 'the group filter was not applied')
    // Masked again by default next time.
    await byTestId('member-export').click()
    assert.ok(!(await byTestId('export-full-id').locator('input').isChecked()), 'full IDs stay ticked')
    await page.keyboard.press('Escape')
    await byTestId('export-dialog').waitFor({ state: 'hidden' })
  })

  it('compares an outside list with the ledger, adding nobody', async () => {
    await byTestId('nav-roster').click()
    assert.match(await byTestId('roster-notice').innerText(), /不会把任何人加入台账/)
    await chooseFile('roster-choose', ROSTER_FILE)
    await byTestId('roster-mapping-summary').filter({ hasText: '身份证号' }).waitFor()
    assert.match(await byTestId('roster-mapping-summary').innerText(), /身份证号＝B 列/)
    await byTestId('roster-compare').click()
    await byTestId('roster-result').waitFor()
    assert.deepEqual(await tiles('roster-counts', ['people', 'members', 'not_members', 'phone_differs', 'phone_bad', 'rejected']), {
      people: 5,
      members: 3,
      not_members: 2,
      phone_differs: 1,
      phone_bad: 1,
      rejected: 1,
    })
    assert.match(await byTestId('roster-counts-people').innerText(), /共 7 行，1 行重复只计一次/)
    const county = await byTestId('roster-by-county').innerText()
    assert.match(county, /620422/)
    assert.match(county, /620423/)
    assert.match(await byTestId('roster-by-employer').innerText(), new RegExp(FIRM))
    const mobilise = await byTestId('roster-list-not_members').innerText()
    assert.ok(mobilise.includes(LIU.name) && mobilise.includes(CHEN.name), mobilise)
    assert.match(mobilise, /有误/)
    assert.ok(!mobilise.includes(LIU.id), 'a full ID leaked into the list')
    await noHorizontalScroll()
    await snap('roster-result')
    await page.locator('.el-tabs__item', { hasText: '手机号不一致' }).click()
    const differs = await byTestId('roster-list-phone_differs').innerText()
    assert.ok(differs.includes(LI.name) && differs.includes('139****9999') && differs.includes('139****0002'), differs)
    await page.mouse.wheel(0, 800)
    await snap('roster-phone-differs')
    assert.equal((await callApi(server, 'member_list', {})).total, 5, 'the comparison added someone')
    // The mapping unfolds for a look; only the four columns a comparison reads are offered.
    await byTestId('roster-mapping-summary').click()
    await byTestId('roster-mapping-table').waitFor()
    assert.match(await byTestId('roster-col-1').innerText(), /身份证号/)
    await byTestId('roster-col-3').click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const offered = await page.locator('.el-select-dropdown__item:visible').allInnerTexts()
    assert.deepEqual(
      offered.map((t) => t.split('\n')[0].replace('必填', '').trim()),
      ['身份证号', '姓名', '手机号', '工作单位/平台'],
    )
    await page.keyboard.press('Escape')
    await page.evaluate(() => document.querySelector('.el-main')?.scrollTo(0, 0))
    await snap('roster-mapping')
  })

  it('exports the comparison: everything, and one part', async () => {
    const all = await download(() => byTestId('roster-export-main').click())
    assertXlsx(all)
    assert.match(all.name, /交管名单-比对-全部\.xlsx$/)
    const part = await download(() => byTestId('roster-export-tab').click())
    assertXlsx(part)
    assert.match(part.name, /交管名单-比对-手机号不一致\.xlsx$/)
    await byTestId('roster-export').locator('.el-dropdown__caret-button').click()
    const county = await download(() => byTestId('roster-part-by_county').click())
    assertXlsx(county)
    assert.match(county.name, /按户籍地统计/)
    // Full IDs need a purpose here too.
    await byTestId('roster-full-id').click()
    await byTestId('roster-export-main').click()
    await byTestId('roster-purpose-error').waitFor()
    await pickOption('roster-purpose', '与人社/交通部门核对')
    await byTestId('roster-purpose-error').waitFor({ state: 'detached' })
    await snap('roster-full-id')
    const full = await download(() => byTestId('roster-export-main').click())
    assertXlsx(full)
    fs.copyFileSync(full.file, COMPARED_XLSX)
    await byTestId('roster-full-id').click()
  })

  it('reads an .xlsx with several worksheets: a summary sheet first, then the list', async () => {
    // The comparison just exported (full IDs): 汇总 first, no ID column there.
    await chooseFile('roster-choose', COMPARED_XLSX)
    await byTestId('roster-missing').waitFor()
    assert.match(await byTestId('roster-source').innerText(), /Excel/)
    assert.ok(await byTestId('roster-compare').isDisabled(), 'compare allowed without an ID column')
    await snap('roster-xlsx-summary-sheet')
    await pickOption('roster-sheet', '已入会')
    await byTestId('roster-missing').waitFor({ state: 'detached' })
    await byTestId('roster-mapping-summary').filter({ hasText: '身份证号＝C 列' }).waitFor()
    await byTestId('roster-compare').click()
    await byTestId('roster-result').waitFor()
    assert.deepEqual(await tiles('roster-counts', ['people', 'members', 'not_members', 'rejected']), {
      people: 3,
      members: 3,
      not_members: 0,
      rejected: 0,
    })
  })

  it('left no uncaught errors in the page', () => {
    assert.deepEqual(h.pageErrors, [], 'uncaught errors in the page')
  })
})
