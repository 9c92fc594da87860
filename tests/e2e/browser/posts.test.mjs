// Browser end-to-end test of service posts and service records (issue 7):
// a post refused with the field named (a client hint and a backend rule),
// then created; an individual service for a member, an aggregate one
// counted in person-times, a person not yet a member who joins later; a
// complaint ticket closed with its outcome; the figures before and after
// (numbers asserted), their .xlsx; the post poster (QR scanned) and monthly
// report PDFs; the member's benefits; the editable service-type list.
//
// Same environment as ledger.test.mjs (LEDGER_BIN, UI_DIST, CHROMIUM).
// Screenshots land in SHOTS_DIR (default tests/e2e/out/posts/).

import { after, before, describe } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assertBuilt, harness, LEDGER_BIN, repo, UI_DIST } from './harness.mjs'
import { callApi, startServer, stopServer } from './serve.mjs'
import { validId } from './sheet-fixtures.mjs'

const OUT = process.env.SHOTS_DIR || path.join(repo, 'tests/e2e/out/posts')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-posts-e2e-'))
const DB = path.join(tmp, 't.db')

const ZS = { name: '张三', id: '11010519491231002X', phone: '13800138000' }
const WW = { name: '王五', id: validId('62042219880808345'), phone: '13993300009' }
const ZL = { name: '赵六', id: validId('62042219900512234'), phone: '13993300010' }
const POST = '城关镇司机之家'
const PAGE_URL = 'https://ghj.huining.example.cn/posts/chengguan'

const h = harness({ out: OUT, tmp })
const { it, snap, byTestId, formItemOf, pickOption, download, noHorizontalScroll, go } = h
let server = null
let page = null
const fieldError = (id, text) => formItemOf(id).locator('.el-form-item__error', { hasText: text })

/** The <input> of an Element Plus control carrying this test id (on the input or its wrapper). */
async function inputOf(id) {
  const el = byTestId(id).first()
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first()
}

async function fillIn(id, value) {
  const input = await inputOf(id)
  await input.fill(value)
}

async function fillDate(id, value) {
  const input = await inputOf(id)
  await input.click()
  await input.fill(value)
  await input.press('Enter')
}


/** Find a member as you type in a MemberPicker and choose them. */
async function pickMember(testId, name) {
  const input = await inputOf(testId)
  await input.click()
  await input.fill(name)
  const option = page.locator(`.el-select-dropdown__item:visible[data-testid="member-option-${name}"]`).first()
  await option.click()
  await option.waitFor({ state: 'hidden' })
}

async function tab(name) {
  await byTestId(`posts-tab-${name}`).click()
}

/** The big number on a figures tile. */
async function figure(testId) {
  const el = byTestId(testId).locator('.n')
  return Number((await el.innerText()).replace(/[^\d]/g, ''))
}

async function figures() {
  await byTestId('fig-person-times').waitFor()
  return {
    personTimes: await figure('fig-person-times'),
    members: await figure('fig-members-served'),
    nonMembers: await figure('fig-non-members-served'),
    joined: await figure('fig-joined'),
  }
}

/** Wait until the figures show this many person-times (the page loads asynchronously). */
async function figuresWith(personTimes) {
  await byTestId('fig-person-times').locator('.n', { hasText: new RegExp(`^${personTimes}$`) }).waitFor()
  return figures()
}


function pdfText(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

describe('Service posts and service records in the browser', () => {
  before(async () => {
    assertBuilt()
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

  it('names the field of a refused post: a client hint, then a rule of the backend', async () => {
    await go('#/posts')
    await byTestId('posts-table').waitFor()
    assert.match(await byTestId('posts-table').innerText(), /还没有登记服务阵地/)
    await snap('posts-empty')

    await byTestId('post-add').click()
    await byTestId('post-dialog').waitFor()
    await byTestId('post-submit').click()
    await fieldError('post-name', '阵地名称').waitFor()

    await byTestId('post-name').fill(POST)
    await byTestId('post-address').fill('会宁县城关镇国道309线K1520处')
    await byTestId('post-24h').click()
    await byTestId('post-phone').fill('12345')
    await byTestId('post-submit').click()
    await fieldError('post-phone', '固定电话').waitFor()

    // The link is only checked by the backend: its refusal lands under the field.
    await byTestId('post-phone').fill('0943-3221234')
    await byTestId('post-page-url').fill('www.example.org/post')
    await byTestId('post-submit').click()
    await fieldError('post-page-url', 'https://').waitFor()
    assert.ok(await byTestId('post-dialog').isVisible(), 'the dialog closed on a refusal')
    await snap('post-form-error')
  })

  it('creates a post: facilities, hours around the clock, unattended entry', async () => {
    await byTestId('post-page-url').fill(PAGE_URL)
    await byTestId('post-partner').fill('会宁农商银行城关支行')
    await byTestId('post-facility-淋浴').click()
    await byTestId('post-facility-停车').click()
    await byTestId('post-unattended').click()
    await byTestId('post-contact').fill('王站长')
    await snap('post-form')
    await byTestId('post-submit').click()
    await byTestId('post-detail-name').filter({ hasText: POST }).waitFor()
    const hours = await byTestId('post-detail-hours').innerText()
    assert.match(hours, /24小时开放/)
    assert.match(hours, /扫码进入/)
    const fac = await byTestId('post-detail-facilities').innerText()
    assert.match(fac, /✓ 淋浴/)
    assert.match(fac, /✓ 停车/)
    assert.match(fac, /✕ 洗衣/)
    await noHorizontalScroll()
    await snap('post-detail-new')

    await tab('posts')
    const row = byTestId('posts-table').locator('.el-table__row', { hasText: POST })
    await row.waitFor()
    assert.match(await row.innerText(), /东关村工会联合会/)
    assert.match(await row.innerText(), /运营中/)
    await snap('posts-list')
  })

  it('shows no services in the figures yet', async () => {
    await tab('post-figures')
    const f = await figuresWith(0)
    assert.deepEqual(f, { personTimes: 0, members: 0, nonMembers: 0, joined: 0 })
  })

  it('logs an individual service for a member found as you type', async () => {
    await tab('posts')
    await byTestId('posts-table').locator('.el-table__row', { hasText: POST }).click()
    await byTestId('post-detail-log').click()
    await byTestId('service-dialog').waitFor()
    await pickOption('service-type', '送清凉')
    await byTestId('service-submit').click()
    await fieldError('service-member', '选择一位会员').waitFor()
    await pickMember('service-member', ZS.name)
    await snap('service-form-member')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })
    const row = byTestId('post-services').locator('.el-table__row', { hasText: ZS.name })
    await row.waitFor()
    assert.match(await row.innerText(), /送清凉/)
  })

  it('logs an aggregate service in person-times', async () => {
    await byTestId('post-detail-log').click()
    await byTestId('service-dialog').waitFor()
    await pickOption('service-type', '送清凉')
    await byTestId('service-mode-aggregate').click()
    await byTestId('service-submit').click()
    await fieldError('service-count', '服务人次').waitFor()
    await fillIn('service-count', '200')
    await byTestId('service-note').fill('城关收费站发放矿泉水、藿香正气水200份')
    await snap('service-form-aggregate')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })
    const row = byTestId('post-services').locator('.el-table__row', { hasText: '集体服务' })
    await row.waitFor()
    assert.match(await row.innerText(), /200/)
    await byTestId('post-services-total').filter({ hasText: '共 2 条' }).waitFor()
    await byTestId('fig-person-times').locator('.n', { hasText: /^201$/ }).waitFor()
    await snap('post-detail-services')
  })

  it('logs outreach to a person not yet a member, invited to join', async () => {
    await tab('post-services')
    await byTestId('service-add').click()
    await byTestId('service-dialog').waitFor()
    await pickOption('service-type', '法律援助')
    await byTestId('service-mode-person').click()
    await byTestId('service-person-name').fill(WW.name)
    await byTestId('service-person-phone').fill('139 9330 0009')
    assert.ok(await byTestId('service-invite').locator('input').isChecked(), 'invite is not ticked by default')
    await byTestId('service-note').fill('咨询挂靠车辆事故责任划分')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })
    const row = byTestId('services-table').locator('.el-table__row', { hasText: WW.name })
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, /待邀请入会/)
    assert.match(text, /外出服务/)
    assert.match(text, /139\*{4}0009/, 'the phone is masked in the list')
    assert.equal(await byTestId('services-table').locator('.el-table__body .el-table__row').count(), 3)

    // Filters: people not yet members only.
    await pickOption('services-kind-filter', '非会员')
    await byTestId('services-table').locator('.el-table__body .el-table__row').first().filter({ hasText: WW.name }).waitFor()
    assert.equal(await byTestId('services-table').locator('.el-table__body .el-table__row').count(), 1)
    await noHorizontalScroll()
    await snap('services-filtered')
  })

  it('counts person-times, people served and who joined after being served', async () => {
    await tab('post-figures')
    let f = await figuresWith(202)
    assert.deepEqual(f, { personTimes: 202, members: 1, nonMembers: 1, joined: 0 })
    const byPost = await byTestId('figures-table').innerText()
    assert.match(byPost, new RegExp(`${POST}\\s+201`))
    assert.match(byPost, /外出服务[^\n]*\s+1\n/)

    // 王五 joins: found by the same mobile number.
    await callApi(server, 'member_create', { name: WW.name, id_number: WW.id, phone: WW.phone, occupation_group: '货车司机' })
    await page.reload()
    f = await figuresWith(202)
    assert.deepEqual(f, { personTimes: 202, members: 1, nonMembers: 1, joined: 1 })
    assert.match(await byTestId('fig-joined').innerText(), /转化率 100%/)
    await byTestId('figures-conversions').locator('.el-table__row', { hasText: WW.name }).waitFor()
    await byTestId('chart-month').locator('canvas').waitFor()
    await byTestId('chart-post').locator('canvas').waitFor()
    await page.waitForTimeout(800) // the charts animate in
    await noHorizontalScroll()
    await snap('figures')
    await byTestId('figures-by-type').click()
    const byType = await byTestId('figures-table').innerText()
    assert.match(byType, /送清凉\s+201/)
    // The total of people is the range's, not a sum over rows.
    assert.match(byType, /合计\s+202\s+1\s+1\s+200\s+1\s+1/)
    await byTestId('figures-conversions').scrollIntoViewIfNeeded()
    await snap('figures-tables')
  })

  it('closes a complaint ticket, asking for the outcome', async () => {
    await tab('post-tickets')
    await byTestId('tickets-table').waitFor()
    await byTestId('ticket-add').click()
    await byTestId('service-dialog').waitFor()
    assert.ok((await byTestId('service-dialog').innerText()).includes('登记诉求工单'))
    await pickOption('service-post', POST)
    await pickMember('service-member', ZS.name)
    await byTestId('service-note').fill('反映配送平台拖欠两个月运费，请求协调')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })
    await byTestId('tickets-count-受理').filter({ hasText: '1' }).waitFor()
    const row = byTestId('tickets-table').locator('.el-table__row', { hasText: '拖欠两个月运费' })
    assert.match(await row.innerText(), /受理/)
    await snap('tickets-received')

    await row.locator('[data-testid="ticket-move-办结"]').click()
    await byTestId('ticket-dialog').waitFor()
    assert.equal(await byTestId('ticket-handler').inputValue(), '李四')
    await byTestId('ticket-submit').click()
    await fieldError('ticket-outcome', '办理结果').waitFor()
    await byTestId('ticket-outcome').fill('已协调平台补发运费，本人满意')
    await snap('ticket-close')
    await byTestId('ticket-submit').click()
    await byTestId('ticket-dialog').waitFor({ state: 'hidden' })
    await byTestId('tickets-count-办结').filter({ hasText: '1' }).waitFor()
    assert.equal((await byTestId('tickets-count-受理').innerText()).trim(), '0')
    assert.match(await row.innerText(), /办结/)
    assert.match(await row.innerText(), /已协调平台补发运费/)
    assert.equal(await row.locator('[data-testid^="ticket-move-"]').count(), 0, 'a closed ticket offers no move')
    await snap('tickets-closed')

    // Correcting the record later keeps the ticket closed.
    await tab('post-services')
    const rec = byTestId('services-table').locator('.el-table__row', { hasText: '拖欠两个月运费' })
    await rec.locator('[data-testid="service-edit"]').click()
    await byTestId('service-dialog').waitFor()
    assert.equal(await byTestId('service-outcome').inputValue(), '已协调平台补发运费，本人满意')
    await byTestId('service-note').fill('反映配送平台拖欠两个月运费（9月、10月），请求协调')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })
    await byTestId('services-table').locator('.el-table__row', { hasText: '9月、10月' }).filter({ hasText: '办结' }).waitFor()

    await tab('post-figures')
    await figuresWith(203)
    assert.match(await byTestId('fig-tickets-sub').innerText(), /办结 1/)
  })

  it('exports the figures as .xlsx', async () => {
    const x = await download(() => byTestId('figures-export').click())
    assert.match(x.name, /\.xlsx$/)
    assert.equal(x.bytes.subarray(0, 2).toString('latin1'), 'PK')
    assert.ok(x.bytes.length > 1000)
  })

  it('prints the post poster with a QR code to its page, and the monthly report', async () => {
    await tab('posts')
    await byTestId('posts-table').locator('.el-table__row', { hasText: POST }).click()
    await byTestId('post-detail-poster').click()
    await byTestId('post-print-dialog').waitFor()
    await byTestId('post-pdf').locator('[data-testid="pdf-frame"]').waitFor()
    await page.waitForTimeout(1000)
    await snap('post-poster')
    const poster = await download(() => byTestId('post-print-save').click())
    assert.equal(poster.bytes.subarray(0, 5).toString('latin1'), '%PDF-')
    const text = pdfText(poster.file)
    assert.ok(text.includes(POST), `poster text lacks the post name:\n${text}`)
    assert.ok(text.includes('淋浴'), 'poster lacks a facility')
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', poster.file, path.join(tmp, 'poster')])
    const qr = execFileSync('zbarimg', ['-q', '--raw', path.join(tmp, 'poster.png')], { encoding: 'utf8' }).trim().split('\n')
    assert.ok(qr.includes(PAGE_URL), `QR codes read: ${qr.join(', ')}`)
    await page.keyboard.press('Escape')
    await byTestId('post-print-dialog').waitFor({ state: 'hidden' })

    await byTestId('post-detail-report').click()
    await byTestId('post-print-dialog').waitFor()
    await byTestId('post-pdf').locator('[data-testid="pdf-frame"]').waitFor()
    await page.waitForTimeout(1000)
    await snap('post-report')
    const report = await download(() => byTestId('post-print-save').click())
    assert.equal(report.bytes.subarray(0, 5).toString('latin1'), '%PDF-')
    const rt = pdfText(report.file)
    assert.ok(rt.includes(POST), `report text lacks the post name:\n${rt}`)
    assert.match(rt, /201/, 'the report lacks the person-times of the post')
    await page.keyboard.press('Escape')
  })

  it('records a 互助保障 gift and shows benefits and services on the member page', async () => {
    await tab('post-services')
    await byTestId('service-add').click()
    await byTestId('service-dialog').waitFor()
    await pickOption('service-type', '互助保障赠送')
    await pickMember('service-member', ZS.name)
    await byTestId('service-submit').click()
    await fieldError('service-scheme', '保障项目').waitFor()
    await byTestId('service-scheme').fill('职工互助保障·意外伤害险')
    await fillDate('service-period-from', '2026-01-01')
    await fillDate('service-period-to', '2026-12-31')
    await byTestId('service-certificate').fill('HZBZ-2026-0001')
    await snap('service-form-insurance')
    await byTestId('service-submit').click()
    await byTestId('service-dialog').waitFor({ state: 'hidden' })

    const zs = (await callApi(server, 'member_list', { text: ZS.name })).rows[0]
    await go(`#/members/${zs.id}`)
    await byTestId('member-benefits').waitFor()
    const ins = byTestId('benefits-insurance')
    await ins.locator('.el-table__row', { hasText: '意外伤害险' }).waitFor()
    assert.match(await ins.innerText(), /HZBZ-2026-0001/)
    assert.match(await ins.innerText(), /2026-01-01 至 2026-12-31/)
    await byTestId('member-benefits').scrollIntoViewIfNeeded()
    await snap('member-insurance')
    await byTestId('member-benefits').getByText(/接受的服务（\d+）/).click()
    const services = await byTestId('benefits-services').innerText()
    assert.match(services, /送清凉/)
    assert.match(services, /诉求工单/)
    await snap('member-services')
  })

  it('keeps the office’s service types editable in the settings', async () => {
    await go('#/settings/rules')
    await byTestId('service-types').waitFor()
    assert.ok(await byTestId('service-type-remove-诉求工单').isDisabled(), 'a built-in type can be removed')
    assert.ok(await byTestId('service-type-remove-送清凉').isDisabled(), 'a type in use can be removed')
    await byTestId('service-type-new').fill('金秋助学')
    await byTestId('service-type-add').click()
    await byTestId('service-types-save').click()
    await byTestId('service-types-save').and(page.locator('[disabled]')).waitFor()
    const types = await callApi(server, 'service_types_get')
    assert.ok(types.types.some((t) => t.name === '金秋助学'), 'the new type was not saved')
    await byTestId('service-types').scrollIntoViewIfNeeded()
    await snap('settings-service-types')
  })

  it('enrols a person served before joining from the record, counted as joined after service', async () => {
    const beijingToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await callApi(server, 'service_create', {
      date: beijingToday,
      service_type: '心理咨询',
      kind: 'person',
      person_name: ZL.name,
      person_phone: ZL.phone,
      invite: true,
    })
    await go('#/posts/services')
    const row = byTestId('services-table').locator('.el-table__row', { hasText: ZL.name })
    await row.locator('[data-testid="service-enrol"]').click()
    await byTestId('enrol-dialog').waitFor()
    assert.equal(await byTestId('enrol-name').inputValue(), ZL.name)
    assert.equal(await byTestId('enrol-phone').inputValue(), ZL.phone, 'the full phone is prefilled')
    await byTestId('enrol-id-number').fill(ZL.id.slice(0, 17) + (ZL.id[17] === '0' ? '1' : '0'))
    await pickOption('enrol-group', '快递员')
    await byTestId('enrol-submit').click()
    await fieldError('enrol-id-number', '校验码').waitFor()
    await byTestId('enrol-id-number').fill(ZL.id)
    await snap('enrol-person')
    await byTestId('enrol-submit').click()
    await byTestId('enrol-dialog').waitFor({ state: 'hidden' })
    await row.locator('.el-tag', { hasText: '已入会' }).waitFor()

    await tab('post-figures')
    const f = await figuresWith(205)
    assert.equal(f.joined, 2)
    assert.equal(f.nonMembers, 2)
    await byTestId('figures-conversions').locator('.el-table__row', { hasText: ZL.name }).waitFor()
    assert.deepEqual(h.pageErrors, [])
  })
})
