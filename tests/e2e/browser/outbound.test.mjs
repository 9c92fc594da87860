// Browser end-to-end test of truck-driver outbound reports (issue 6): a
// report refused with the problem named at its field; a trip reported,
// filed and shown locked; a contact recorded (the driver moved); 退回 needs
// a reason; the ledger's filters, counts, bulk 备案, .xlsx and the printed
// 外出报告登记表; a seeded spot-check sample drawn twice with the same result;
// the home page's overdue/lost lists; the member's trips; the settings.
//
// Same environment as ledger.test.mjs (LEDGER_BIN, UI_DIST, CHROMIUM).
// Screenshots land in tests/e2e/out/outbound/ (or SHOTS_DIR).

import { after, before, describe } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assertBuilt, harness, LEDGER_BIN, repo, UI_DIST } from './harness.mjs'
import { callApi, startServer, stopServer } from './serve.mjs'
import { badCheckDigit, validId } from './sheet-fixtures.mjs'

const OUT = process.env.SHOTS_DIR || path.join(repo, 'tests/e2e/out/outbound')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-outbound-e2e-'))
const DB = path.join(tmp, 't.db')

const MA = { name: '马建国', id: validId('62042219850301123'), phone: '13993300001' }
/** Drivers whose trips are set up through the API (two villages, for the sample). */
const OTHERS = [
  { name: '李红军', id: validId('62042219900512234'), phone: '13993300002', village: 'east' },
  { name: '王小军', id: validId('62042219800101345'), phone: '13993300003', village: 'east' },
  { name: '周永福', id: validId('62042219880808456'), phone: '13993300004', village: 'west' },
  { name: '孙立平', id: validId('62042219920202567'), phone: '13993300005', village: 'west' },
  { name: '刘志强', id: validId('62042219950101678'), phone: '13993300006', village: 'west' },
]
const ZHAO = { name: '赵长途', id: validId('62042219790909789'), phone: '13993300007' }
const QIAN = { name: '钱远行', id: validId('62042219830303890'), phone: '13993300008' }

const h = harness({ out: OUT, tmp })
const { it, snap, byTestId, pickOption, download, noHorizontalScroll, go } = h
let server = null
let page = null
let tripId = null
const ids = {}
/** The input inside a wrapper with this test id (or the input carrying it). */
const inputOf = (id) => page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] textarea`).first()
/** The error under the form item that holds this test id. */
const errorAt = (id) => byTestId(id).first().locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " el-form-item ")][1]').locator('.el-form-item__error')

async function fillDate(testId, value) {
  const input = inputOf(testId)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.waitForFunction(([id, v]) => document.querySelector(`[data-testid="${id}"] input`)?.value === v, [testId, value])
}

/** Names in the spot-check list, in order. */
async function sampleNames() {
  await byTestId('spot-items').locator('tbody tr').first().waitFor()
  return (await byTestId('spot-items').locator('tbody tr td:nth-child(2)').allInnerTexts()).map((s) => s.trim())
}

describe('Truck-driver outbound reports in the browser', () => {
  before(async () => {
    assertBuilt()
    server = await startServer(LEDGER_BIN, DB, UI_DIST)
    await callApi(server, 'setup_office', {
      levels: [
        { name: '会宁县总工会', kind: 'county', division_code: '620422' },
        { name: '城关镇总工会', kind: 'township', division_code: '620422100' },
      ],
      operator: '李四',
    })
    const orgs = await callApi(server, 'org_list')
    const town = orgs.find((o) => o.name === '城关镇总工会')
    const east = await callApi(server, 'org_create', { parent_id: town.id, name: '东关村工会联合会', kind: 'village', division_code: '620422100201' })
    const west = await callApi(server, 'org_create', { parent_id: town.id, name: '西岩村工会联合会', kind: 'village', division_code: '620422100202' })
    ids.east = east.id
    ids.west = west.id
    const ma = await callApi(server, 'member_create', { name: MA.name, id_number: MA.id, phone: MA.phone, occupation_group: '货车司机', org_id: east.id, plate_number: '甘J12345' })
    ids.ma = ma.id
    // Five reported trips (two villages) for bulk filing and the sample.
    for (const [i, p] of OTHERS.entries()) {
      const m = await callApi(server, 'member_create', { name: p.name, id_number: p.id, phone: p.phone, occupation_group: '货车司机', org_id: ids[p.village] })
      const t = await callApi(server, 'outbound_create', {
        member_id: m.id,
        plate_number: `甘J2000${i}`,
        departure_date: '2026-11-01',
        expected_return: '2027-06-01',
        dest_province: i % 2 ? '新疆维吾尔自治区' : '广东省',
        submit: true,
      })
      ids[p.name] = t.id
    }
    // Left in March, due back in September: overdue (and silent since).
    const z = await callApi(server, 'member_create', { name: ZHAO.name, id_number: ZHAO.id, phone: ZHAO.phone, occupation_group: '货车司机', org_id: west.id })
    const zt = await callApi(server, 'outbound_create', { member_id: z.id, plate_number: '甘J30000', departure_date: '2026-03-01', expected_return: '2026-09-01', dest_province: '内蒙古自治区', submit: true })
    ids.zhao = zt.id
    // Reported in May, left in June for a year, never reached since: lost (失联, default 90 days).
    const q = await callApi(server, 'member_create', { name: QIAN.name, id_number: QIAN.id, phone: QIAN.phone, occupation_group: '货车司机', org_id: east.id })
    await callApi(server, 'outbound_create', { member_id: q.id, plate_number: '甘J40000', departure_date: '2026-06-01', expected_return: '2027-06-01', dest_province: '广东省', reported_on: '2026-05-25', submit: true })

    page = await h.launch()
    await page.goto(server.url)
    await byTestId('home-office').waitFor()
  })

  after(async () => {
    await h.close()
    await stopServer(server)
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('names the field of every problem in a report', async () => {
    await go('#/outbound')
    await byTestId('outbound-table').waitFor()
    await byTestId('outbound-add').click()
    await byTestId('trip-dialog').waitFor()
    await byTestId('trip-submit').click()
    assert.match(await errorAt('trip-member').innerText(), /请选择外出的会员/)
    assert.match(await errorAt('trip-province').innerText(), /流入地省份/)
    assert.match(await errorAt('trip-departure').innerText(), /出发日期/)

    // A person not yet a member, with a wrong ID check digit: the backend refuses, at 身份证号.
    await byTestId('trip-driver-new').click()
    await inputOf('trip-new-name').fill('钱错号')
    await inputOf('trip-new-id').fill(badCheckDigit(validId('62042219970707789')))
    await inputOf('trip-new-phone').fill('13993300013')
    await inputOf('trip-plate').fill('甘J99999')
    await fillDate('trip-departure', '2026-12-01')
    await fillDate('trip-return', '2027-01-10')
    await pickOption('trip-province', '浙江省')
    await byTestId('trip-submit').click()
    await errorAt('trip-new-id').waitFor()
    assert.match(await errorAt('trip-new-id').innerText(), /校验|身份证/)
    assert.equal(await errorAt('trip-province').count(), 0, 'the fixed province still shows an error')
    // A 40-day trip is allowed, and said to be short.
    assert.match(await byTestId('trip-duration-hint').innerText(), /不足半年/)
    await snap('form-errors')
    const nobody = await callApi(server, 'member_list', { text: '钱错号' })
    assert.equal(nobody.total, 0, 'a refused report enrolled the person anyway')
  })

  it('reports a trip for a member', async () => {
    await byTestId('trip-driver-member').click()
    await byTestId('trip-member').click()
    await inputOf('trip-member').fill('马建')
    const opt = page.locator('.el-select-dropdown__item:visible', { hasText: MA.name }).first()
    await opt.click()
    await inputOf('trip-plate').fill('')
    await pickOption('trip-vehicle', '重型半挂牵引车').catch(async () => {
      await page.keyboard.press('Escape')
    })
    await fillDate('trip-departure', '2026-12-01')
    await fillDate('trip-return', '2027-07-01')
    assert.match(await byTestId('trip-duration-hint').innerText(), /半年及以上/)
    await pickOption('trip-city', '杭州市')
    await pickOption('trip-county', '萧山区')
    await inputOf('trip-address').fill('空港物流园3号库')
    await inputOf('trip-park').fill('传化公路港')
    await inputOf('trip-road-phone').fill('13993301111')
    await inputOf('trip-spouse').fill('在家务农')
    await inputOf('trip-children').fill('2人，上小学')
    await inputOf('trip-elderly').fill('母亲，72岁')
    await inputOf('trip-needs').fill('冬季请帮忙看看老人取暖')
    await inputOf('trip-emergency-name').fill('马秀英')
    await inputOf('trip-emergency-phone').fill('13993302222')
    await snap('form-filled')
    await byTestId('trip-submit').click()
    await byTestId('trip-state').filter({ hasText: '已上报' }).waitFor()
    tripId = page.url().split('/outbound/')[1]
    assert.ok(tripId, 'no trip id in the URL')
    assert.match(await byTestId('trip-plate-view').innerText(), /甘J12345/, 'the member’s own plate was not taken')
    assert.match(await byTestId('trip-name').innerText(), new RegExp(MA.name))
    await byTestId('trip-action-edit').waitFor({ state: 'detached' })
    await snap('trip-reported')
  })

  it('files it and shows it locked, with the reason', async () => {
    await byTestId('trip-action-file').click()
    await byTestId('trip-state').filter({ hasText: '已备案' }).waitFor()
    await byTestId('trip-locked').waitFor()
    assert.match(await byTestId('trip-locked').innerText(), /备案/)
    assert.equal(await byTestId('trip-action-edit').count(), 0, 'a filed trip offers 修改')
    await byTestId('trip-action-reopen').waitFor()
    await assert.rejects(
      callApi(server, 'outbound_update', { id: tripId, plate_number: '甘J12345', departure_date: '2026-12-01', expected_return: '2027-07-01', dest_province: '浙江省' }),
      /已备案/,
    )
    assert.ok((await byTestId('trip-reviews').innerText()).includes('备案'))
    await snap('trip-filed-locked')
  })

  it('records a contact and where the driver moved', async () => {
    await byTestId('contact-add').click()
    await byTestId('contact-dialog').waitFor()
    await byTestId('contact-channel-wechat').click()
    await inputOf('contact-note').fill('已到嘉兴，跑短途，一切正常')
    await byTestId('contact-moved').click()
    await pickOption('contact-province', '江苏省', { exact: true })
    await pickOption('contact-city', '苏州市')
    await pickOption('contact-county', '昆山市')
    await snap('contact-dialog')
    await byTestId('contact-submit').click()
    await byTestId('contact-table').waitFor()
    const log = await byTestId('contact-table').innerText()
    assert.match(log, /微信/)
    assert.match(log, /一切正常/)
    assert.match(await byTestId('trip-current').innerText(), /江苏省苏州市昆山市/)
    await snap('trip-contact')
  })

  it('asks a reason to return a report', async () => {
    await go(`#/outbound/${ids['李红军']}`)
    await byTestId('trip-state').filter({ hasText: '已上报' }).waitFor()
    await byTestId('trip-action-return').click()
    await byTestId('reason-dialog').waitFor()
    await byTestId('reason-submit').click()
    assert.match(await errorAt('reason-input').innerText(), /退回原因/)
    await inputOf('reason-input').fill('流入地地址不详细')
    await byTestId('reason-submit').click()
    await byTestId('trip-state').filter({ hasText: '已退回' }).waitFor()
    assert.match(await byTestId('trip-returned-reason').innerText(), /流入地地址不详细/)
    await byTestId('trip-action-edit').waitFor()
    await snap('trip-returned')

    // Edited as asked, and reported again.
    await byTestId('trip-action-edit').click()
    await byTestId('trip-dialog').waitFor()
    await pickOption('trip-city', '广州市')
    await inputOf('trip-address').fill('白云区太和镇物流园')
    await byTestId('trip-save').click()
    await byTestId('trip-dialog').waitFor({ state: 'hidden' })
    await page.locator('.el-descriptions__cell', { hasText: '白云区太和镇物流园' }).first().waitFor()
    await byTestId('trip-action-report').click()
    await byTestId('trip-state').filter({ hasText: '已上报' }).waitFor()
  })

  it('lists drivers away with counts, and files many at once', async () => {
    await go('#/outbound')
    await byTestId('outbound-table').locator('tbody tr').first().waitFor()
    assert.match(await byTestId('outbound-total').innerText(), /共 8 份/)
    assert.match(await byTestId('outbound-by-province').innerText(), /浙江省\s*1/)
    assert.match(await byTestId('outbound-by-village').innerText(), /西岩村/)
    // A masked road phone in the list.
    const text = await byTestId('outbound-table').innerText()
    assert.ok(text.includes('139****1111') && !text.includes('13993301111'), 'road phone not masked in the list')
    await noHorizontalScroll()
    await snap('list')

    await pickOption('outbound-state-filter', '已上报')
    // Five set up through the API (李红军's returned and reported again), 赵长途's overdue and 钱远行's lost one.
    await byTestId('outbound-table').locator('tbody tr').nth(6).waitFor()
    const rows = await byTestId('outbound-table').locator('tbody tr').count()
    assert.equal(rows, 7, 'seven reported trips')
    assert.match(await byTestId('outbound-total').innerText(), /共 7 份/)
    // The filter bar stays on one line with 清空 shown.
    const bar = await byTestId('outbound-filters').boundingBox()
    assert.ok(bar.height < 70, `the filter bar wraps (${bar.height}px)`)
    await snap('list-filtered')
    await byTestId('outbound-table').locator('thead .el-checkbox').click()
    await byTestId('outbound-batch-file').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await byTestId('outbound-table').locator('.el-table__empty-text').waitFor()
    const filed = await callApi(server, 'outbound_list', { state: 'filed' })
    assert.equal(filed.total, 8)
    await byTestId('outbound-clear').click()
    await byTestId('outbound-table').locator('tbody tr').nth(7).waitFor()
  })

  it('exports the ledger and prints the registration form', async () => {
    const xlsx = await download(() => byTestId('outbound-export').click())
    assert.match(xlsx.name, /\.xlsx$/)
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK')

    await byTestId('outbound-table').locator('tbody tr', { hasText: MA.name }).locator('.el-checkbox').click()
    await byTestId('outbound-batch-print').click()
    await byTestId('pdf-dialog').waitFor()
    await snap('print-form')
    await page.keyboard.press('Escape')
    const pdf = await callApi(server, 'outbound_print_form', { ids: [tripId] })
    const file = path.join(tmp, 'form.pdf')
    fs.writeFileSync(file, Buffer.from(pdf.bytes_base64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
    assert.match(text, /外出报告登记表/)
    assert.match(text, new RegExp(MA.name))
  })

  it('reopens a filed report only with a reason, and files it again', async () => {
    await go(`#/outbound/${ids['王小军']}`)
    await byTestId('trip-state').filter({ hasText: '已备案' }).waitFor()
    await byTestId('trip-locked').waitFor()
    await byTestId('trip-action-reopen').click()
    await byTestId('reason-dialog').waitFor()
    await byTestId('reason-submit').click()
    assert.match(await errorAt('reason-input').innerText(), /重新打开的原因/)
    await inputOf('reason-input').fill('司机更换了流入地')
    await byTestId('reason-submit').click()
    await byTestId('trip-state').filter({ hasText: '已退回' }).waitFor()
    await byTestId('trip-locked').waitFor({ state: 'detached' })
    const log = await byTestId('trip-reviews').innerText()
    assert.match(log, /重新打开/)
    assert.match(log, /司机更换了流入地/)
    await byTestId('trip-action-report').click()
    await byTestId('trip-state').filter({ hasText: '已上报' }).waitFor()
    await byTestId('trip-action-file').click()
    await byTestId('trip-state').filter({ hasText: '已备案' }).waitFor()
    await snap('trip-reopened-refiled')
  })

  it('draws a spot-check sample that the same seed draws again', async () => {
    await go('#/outbound/spot-check')
    await byTestId('spot-draw').waitFor()
    await inputOf('spot-percent').fill('50')
    await inputOf('spot-percent').press('Tab')
    await inputOf('spot-seed').fill('20261123')
    await byTestId('spot-preview-total').filter({ hasText: /^[1-9]/ }).waitFor()
    await byTestId('spot-draw-submit').click()
    await byTestId('spot-result-seed').filter({ hasText: '20261123' }).waitFor()
    const first = await sampleNames()
    const drawn = Number(await byTestId('spot-result-drawn').innerText())
    assert.equal(first.length, drawn)
    assert.equal(drawn, Number(await byTestId('spot-preview-total').innerText()), 'the preview promised another size')
    await snap('spot-drawn')

    // Again with the same seed: the same people in the same order.
    const firstId = new URL(page.url().replace('#/', '')).searchParams.get('id')
    await byTestId('spot-draw-submit').click()
    await page.waitForFunction((old) => !location.hash.includes(old), firstId)
    await byTestId('spot-history-row').nth(1).waitFor()
    assert.deepEqual(await sampleNames(), first)
    // And the CLI-style API agrees.
    const again = await callApi(server, 'outbound_spot_draw', { percent: 50, seed: '20261123' })
    assert.deepEqual(again.items.map((i) => i.member_name), first)

    // Ring the first driver: 核实一致.
    await byTestId('spot-outcome').first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '核实一致' }).first().click()
    await byTestId('spot-villages').filter({ hasText: '100%' }).waitFor()
    await snap('spot-recorded')
    const xlsx = await download(() => byTestId('spot-export').click())
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK')
  })

  it('shows overdue and lost drivers on the home page', async () => {
    await go('#/')
    await byTestId('home-outbound').waitFor()
    await byTestId('home-lost').locator('a', { hasText: QIAN.name }).waitFor()
    const rows = byTestId('home-overdue').locator('a', { hasText: ZHAO.name })
    await rows.first().waitFor()
    await snap('home')
    await rows.first().click()
    await byTestId('trip-name').filter({ hasText: ZHAO.name }).waitFor()
  })

  it('records that a driver came home, with the date', async () => {
    await go(`#/outbound/${ids['刘志强']}`)
    await byTestId('trip-status').filter({ hasText: '外出中' }).waitFor()
    await byTestId('trip-action-back').click()
    await fillDate('back-date', '2026-11-20')
    await byTestId('back-submit').click()
    await byTestId('trip-status').filter({ hasText: '已返回' }).waitFor()
    assert.equal((await byTestId('trip-returned-on').innerText()).trim(), '2026-11-20')
    await byTestId('trip-action-back').waitFor({ state: 'detached' })
    await snap('trip-back')
  })

  it("shows a driver's trips on the member page and the rules in settings", async () => {
    await go(`#/members/${ids.ma}`)
    await byTestId('member-trips').waitFor()
    assert.match(await byTestId('member-trips').innerText(), /浙江省/)
    await byTestId('member-trips').scrollIntoViewIfNeeded()
    await snap('member-trips')
    await go('#/settings/rules')
    await byTestId('outbound-settings').waitFor()
    assert.equal(await inputOf('outbound-half-year').inputValue(), '180')
    assert.equal(await inputOf('outbound-lost-days').inputValue(), '90')
    await byTestId('outbound-settings').scrollIntoViewIfNeeded()
    await snap('settings')
    assert.deepEqual(h.pageErrors, [])
  })
})
