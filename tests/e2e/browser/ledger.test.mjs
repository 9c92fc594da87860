// Browser end-to-end test: the real `ledger serve` backend plus the built UI,
// driven in Debian's chromium through playwright-core (no browser download).
//
//   LEDGER_BIN  path of the ledger binary (default <repo>/target/debug/ledger)
//   UI_DIST     built UI (default <repo>/ui/dist)
//   CHROMIUM    browser binary (default /usr/bin/chromium)
//   E2E_OUT     where screenshots go (default <repo>/tests/e2e/out/browser)
//
// Screenshots of every step land in tests/e2e/out/browser/.

import { after, before, describe } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { assertBuilt, harness, LEDGER_BIN, repo, TODAY, tool, UI_DIST } from './harness.mjs'
import { startServer as serve, stopServer } from './serve.mjs'
import { validId } from './sheet-fixtures.mjs'

const OUT = process.env.E2E_OUT || path.join(repo, 'tests/e2e/out/browser')

const ID_OK = '11010519491231002X'
const ID_MASKED = '110105********002X'
const ID_BAD = '110105194912310021'

/** A seal scanned on white paper: a red ring and dot, as an RGB PNG. */
function sealPng(size = 160) {
  const crc32 = (buf) => {
    let crc = 0xffffffff
    for (const b of buf) {
      let c = (crc ^ b) & 0xff
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crc = (crc >>> 8) ^ c
    }
    return (crc ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const rows = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3, 255)
    row[0] = 0
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2, y - size / 2)
      if ((d > size * 0.36 && d < size * 0.44) || d < size * 0.1) row.set([200, 22, 29], 1 + x * 3)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}


const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'))
const DB = path.join(tmp, 't.db')

const h = harness({ out: OUT, tmp })
const { it, snap, byTestId, formItemOf, pickOption, pickOrg, gotoRoute, typeDate, noHorizontalScroll } = h
let server = null
let page = null






/** The member list with an empty filter bar. */
async function memberListClean() {
  await byTestId('nav-members').click()
  await byTestId('member-table').waitFor()
  const clear = byTestId('member-clear-filters')
  if (await clear.isVisible()) await clear.click()
  await byTestId('member-clear-filters').waitFor({ state: 'hidden' })
}

/** Open a member's detail page from the list by searching the name. */
async function openMemberByName(name) {
  await memberListClean()
  await byTestId('member-search').fill(name)
  const row = byTestId('member-table').locator('.el-table__row', { hasText: name })
  await row.first().waitFor()
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="member-table"] .el-table__row')].every((r) => r.textContent.includes(n)),
    name,
  )
  await row.first().locator('td').nth(2).click()
  await page.locator('[data-testid="member-detail"] .name', { hasText: name }).waitFor()
}


/** A page under 设置 in the side navigation (the group may be folded). */
async function navSettings(testId) {
  if (!(await byTestId(testId).isVisible())) {
    await byTestId('side-nav').locator('.el-sub-menu__title', { hasText: '设置' }).click()
  }
  await byTestId(testId).click()
}

/** A page under 打印 in the side navigation (the group may be folded). */
async function navPrint(testId) {
  if (!(await byTestId(testId).isVisible())) {
    await byTestId('nav-print').locator('.el-sub-menu__title').click()
  }
  await byTestId(testId).click()
}

/** The JSON answer of a backend command, while `action` runs. */
async function answerOf(command, action) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/${command}`) && r.request().method() === 'POST', { timeout: 30_000 }),
    action(),
  ])
  const body = await res.json()
  assert.equal(res.status(), 200, `${command}: ${JSON.stringify(body)}`)
  return body
}

/** The first bytes of the PDF a viewer's <iframe> shows (a blob: URL). */
async function framePdfHead(viewerTestId) {
  const frame = byTestId(viewerTestId).locator('[data-testid="pdf-frame"]')
  await frame.waitFor()
  const src = await frame.getAttribute('src')
  assert.match(src, /^blob:/, `iframe src ${src}`)
  return page.evaluate(async (u) => {
    const b = new Uint8Array(await (await fetch(u.split('#')[0])).arrayBuffer())
    return String.fromCharCode(...b.slice(0, 5))
  }, src)
}

function assertPdf(out, what) {
  assert.ok(out.pages >= 1, `${what}: ${out.pages} pages`)
  assert.equal(out.mime, 'application/pdf')
  assert.equal(Buffer.from(out.bytes_base64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-', `${what} is not a PDF`)
}

/** Add a member from the member list; leaves the dialog closed. */
async function addMember(m) {
  await byTestId('member-add').click()
  await byTestId('member-name').waitFor()
  await fillMemberForm(m)
  // The form keeps the last person's employer for the next one: set it.
  if (!m.employer) await byTestId('member-employer').fill('')
  if (m.org) await pickOrg('member-org', m.org)
  if (m.joinDate) await typeDate('入会日期', m.joinDate)
  await byTestId('member-submit').click()
  await byTestId('member-created').waitFor()
  await byTestId('member-done').click()
  await byTestId('member-created').waitFor({ state: 'hidden' })
}

/** The history timeline entry of this action that mentions `text`. */
const historyEntry = (action, text) =>
  byTestId('member-history').locator('[data-testid="history-entry"]', { hasText: action }).filter({ hasText: text })

async function fillMemberForm({ name, id, phone, group, employer, relation }) {
  await byTestId('member-name').fill(name)
  await byTestId('member-id-number').fill(id)
  await byTestId('member-phone').fill(phone)
  await pickOption('member-group', group)
  if (employer) await byTestId('member-employer').fill(employer)
  if (relation) await pickOption('member-relation', relation)
}

describe('Union Ledger in the browser (ledger serve)', () => {
  before(async () => {
    assertBuilt()
    server = await serve(LEDGER_BIN, DB, UI_DIST)
    page = await h.launch()
  })

  after(async () => {
    await h.close()
    await stopServer(server)
    fs.rmSync(tmp, { recursive: true, force: true })
  })

  it('takes the token out of the address bar and sends a new ledger to the first-run wizard', async () => {
    await page.goto(server.url)
    await byTestId('setup-office-name').waitFor()
    assert.ok(!page.url().includes('token='), `token still in URL: ${page.url()}`)
    assert.match(page.url(), /#\/setup$/)
    await snap('wizard-office')
  })

  it('explains a missing token instead of showing a broken page', async () => {
    const other = await h.context.newPage() // a new tab: no token in its sessionStorage
    try {
      await other.goto(server.url.replace(/\?token=.*$/, ''))
      const box = other.locator('[data-testid="load-error"]')
      await box.waitFor()
      assert.match(await box.innerText(), /令牌/)
      await other.waitForTimeout(400)
      await other.screenshot({ path: path.join(OUT, '00-no-token.png') })
    } finally {
      await other.close()
    }
  })

  it('shows the backend refusal of a wrong division code, then completes the wizard', async () => {
    await byTestId('setup-kind-village').click()
    await byTestId('setup-office-name').fill('东关村工会联合会')
    await byTestId('setup-office-code').fill('620421100201')
    await byTestId('setup-next').click()

    await byTestId('setup-county-name').fill('会宁县总工会')
    await byTestId('setup-county-code').fill('620421')
    await byTestId('setup-township-name').fill('城关镇总工会')
    await byTestId('setup-township-code').fill('620422100') // not under 620421
    await snap('wizard-parents')
    await byTestId('setup-next').click()

    await byTestId('setup-operator').fill('李四')
    await snap('wizard-confirm')
    await byTestId('setup-submit').click()

    const alert = byTestId('setup-error')
    await alert.waitFor()
    assert.match(await alert.innerText(), /应以上级的代码 620421 开头/)
    // The wizard goes back to the parents and marks the township's code.
    await formItemOf('setup-township-code').locator('.el-form-item__error', { hasText: '620421' }).waitFor()
    assert.equal(await byTestId('setup-county-name').inputValue(), '会宁县总工会')
    await snap('wizard-backend-error')

    await byTestId('setup-township-code').fill('620421100')
    await byTestId('setup-next').click()
    assert.equal(await byTestId('setup-operator').inputValue(), '李四')
    await byTestId('setup-submit').click()

    await page.waitForURL(/#\/$/)
    await byTestId('home-office').waitFor()
    assert.match(await byTestId('header-office').innerText(), /东关村工会联合会/)
    assert.match(await byTestId('header-operator').innerText(), /李四/)
    await page.waitForFunction(() => /0\s*人/.test(document.querySelector('[data-testid="stat-active"] .stat-value')?.textContent ?? ''))
    assert.match(await byTestId('stat-orgs').innerText(), /3\s*个/)
    await noHorizontalScroll()
    await snap('home-after-setup')
  })

  it('adds a member and shows the new member number', async () => {
    await byTestId('home-add-member').click()
    await byTestId('member-name').waitFor()
    await fillMemberForm({
      name: '张三',
      id: ID_OK,
      phone: '13800138000',
      group: '货车司机',
      employer: '个体',
      relation: '个体自雇',
    })
    assert.ok(await byTestId('member-new-employment').locator('input').isChecked(), '货车司机 counts as 新就业形态')
    await page.locator('[data-testid="id-hint"]', { hasText: '1949-12-31' }).waitFor()
    await snap('member-form')
    await byTestId('member-submit').click()
    await byTestId('member-created').waitFor()
    const no = (await byTestId('created-member-no').innerText()).trim()
    assert.match(no, /^620421100201\d{7}$/, `member number ${no}`)
    await snap('member-created')
    await byTestId('member-done').click()
    await byTestId('member-created').waitFor({ state: 'hidden' })
  })

  it('lists the member with the ID masked', async () => {
    const row = byTestId('member-table').locator('.el-table__row', { hasText: '张三' })
    await row.waitFor()
    const text = await row.innerText()
    assert.ok(text.includes(ID_MASKED), `row shows ${text}`)
    assert.ok(!text.includes(ID_OK), 'full ID leaked into the list')
    assert.ok(text.includes('138****8000'), `phone not masked: ${text}`)
    assert.ok(text.includes('货车司机') && text.includes('东关村工会联合会'))
    await noHorizontalScroll()
    await snap('member-list')
  })

  it('finds the member by typing in the search box', async () => {
    const rows = byTestId('member-table').locator('.el-table__row')
    const search = byTestId('member-search')
    await search.pressSequentially('王', { delay: 30 })
    await byTestId('member-table').getByText('没有找到符合条件的会员').waitFor()
    await search.fill('')
    await search.pressSequentially('002X', { delay: 30 })
    await rows.filter({ hasText: '张三' }).waitFor()
    assert.equal(await rows.count(), 1)
    await search.fill('1380013')
    await rows.filter({ hasText: '张三' }).waitFor()
    await search.fill('张')
    await rows.filter({ hasText: '张三' }).waitFor()
    await snap('member-search')
    await search.fill('')
  })

  it('refuses a wrong check digit, shows why under the field and keeps what was typed', async () => {
    await byTestId('member-add').click()
    await byTestId('member-name').waitFor()
    await fillMemberForm({ name: '王五', id: ID_BAD, phone: '13900139000', group: '快递员', employer: '某快递网点' })
    await byTestId('member-submit').click()
    // The backend's verdict, under the ID field.
    await formItemOf('member-id-number').locator('.el-form-item__error', { hasText: '校验码错误' }).waitFor()
    assert.equal(await byTestId('member-name').inputValue(), '王五')
    assert.equal(await byTestId('member-id-number').inputValue(), ID_BAD)
    assert.equal(await byTestId('member-phone').inputValue(), '13900139000')
    assert.equal(await byTestId('member-employer').inputValue(), '某快递网点')
    assert.match(await byTestId('member-group').innerText(), /快递员/)
    await snap('member-bad-checksum')
  })

  it('refuses a duplicate and offers to open the existing member', async () => {
    await byTestId('member-id-number').fill(ID_OK)
    await byTestId('member-submit').click()
    await byTestId('member-duplicate').waitFor()
    await formItemOf('member-id-number').locator('.el-form-item__error', { hasText: '已在台账中' }).waitFor()
    await snap('member-duplicate')
    await byTestId('open-existing').click()
    await byTestId('member-detail').waitFor()
    const detail = await byTestId('member-detail').innerText()
    assert.ok(detail.includes('张三'))
    assert.ok(detail.includes(ID_MASKED))
    assert.ok(detail.includes('1949-12-31'))
    assert.ok(detail.includes('13800138000'))
    assert.ok(detail.includes('个体自雇'))
    await noHorizontalScroll()
    await snap('member-detail')
  })

  it('shows planned areas honestly and the settings pages', async () => {
    await page.getByRole('menuitem', { name: '同步' }).click()
    await byTestId('coming-soon').waitFor()
    assert.match(await byTestId('coming-soon').innerText(), /此功能尚在开发中/)
    await snap('planned-sync')

    await page.goto(page.url().replace(/#.*$/, '#/settings/system'))
    await byTestId('app-info').waitFor()
    assert.ok((await byTestId('info-log-file').innerText()).trim().length > 1)
    assert.ok((await byTestId('info-db-path').innerText()).includes('t.db'))
    await snap('settings-system')

    await page.goto(page.url().replace(/#.*$/, '#/settings/orgs'))
    const office = byTestId('org-tree').locator('.el-tree-node__content', { has: page.locator('[data-org-name="东关村工会联合会"]') })
    await office.waitFor()
    await office.locator('[data-testid="org-delete"]').click()
    await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
    const refusal = page.locator('.el-message-box', { hasText: '不能删除' })
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /会员|本单位/)
    await snap('settings-orgs-refusal')
    await refusal.getByRole('button', { name: '知道了' }).click()
    await refusal.waitFor({ state: 'hidden' })
  })

  it('adds a child org, showing a refused division code under its field', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/settings/orgs'))
    const village = byTestId('org-tree').locator('.el-tree-node__content', {
      has: page.locator('[data-org-name="东关村工会联合会"]'),
    })
    await village.locator('[data-testid="org-add-child"]').click()
    const dialog = byTestId('org-dialog')
    await byTestId('org-name').waitFor()
    assert.match(await byTestId('org-kind').innerText(), /企业工会/)
    await byTestId('org-name').fill('顺达物流有限公司工会')
    await byTestId('org-code').fill('620421100301') // not under the village's code
    await byTestId('org-submit').click()
    await formItemOf('org-code').locator('.el-form-item__error', { hasText: '620421100201' }).waitFor()
    assert.equal(await byTestId('org-name').inputValue(), '顺达物流有限公司工会')
    await snap('org-child-refused')
    await byTestId('org-code').fill('')
    await byTestId('org-submit').click()
    await dialog.waitFor({ state: 'hidden' })
    await byTestId('org-tree').locator('[data-org-name="顺达物流有限公司工会"]').waitFor()
    await snap('org-child-added')
  })

  it('filters members by an org and its subtree', async () => {
    await byTestId('nav-members').click()
    const table = byTestId('member-table')
    await table.locator('.el-table__row', { hasText: '张三' }).waitFor()
    await byTestId('member-org-filter').click()
    await page.locator('.org-tree-popper .el-tree-node__content:visible', { hasText: '顺达物流有限公司工会' }).click()
    await table.getByText('没有找到符合条件的会员').waitFor()
    await byTestId('member-org-filter').click()
    await page.locator('.org-tree-popper .el-tree-node__content:visible', { hasText: '城关镇总工会' }).click()
    await table.locator('.el-table__row', { hasText: '张三' }).waitFor()
    await snap('member-org-filter')
  })

  it('changes the operator', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/settings/system'))
    await byTestId('operator-input').fill('王芳')
    await byTestId('operator-save').click()
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="header-operator"]')?.textContent?.includes('王芳'),
    )
  })

  it('keeps the member after the server restarts on the same database', async () => {
    await stopServer(server)
    server = await serve(LEDGER_BIN, DB, UI_DIST)
    await page.goto(server.url)
    await byTestId('home-office').waitFor()
    await page.waitForFunction(() => /1\s*人/.test(document.querySelector('[data-testid="stat-active"] .stat-value')?.textContent ?? ''))
    await page.goto(page.url().replace(/#.*$/, '#/members'))
    const row = byTestId('member-table').locator('.el-table__row', { hasText: '张三' })
    await row.waitFor()
    assert.ok((await row.innerText()).includes(ID_MASKED))
    await snap('after-restart')
  })

  // ---- The member ledger (issue 3) ----

  it('finds the member by pinyin initials and full pinyin', async () => {
    await memberListClean()
    const rows = byTestId('member-table').locator('.el-table__row')
    await byTestId('member-search').pressSequentially('zs', { delay: 40 })
    await rows.filter({ hasText: '张三' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-table"] .el-table__row').length === 1)
    await byTestId('member-total').filter({ hasText: '共 1 条' }).waitFor()
    await snap('member-search-initials')
    await byTestId('member-search').fill('zhangsan')
    await rows.filter({ hasText: '张三' }).waitFor()
    await byTestId('member-search').fill('lisi')
    await byTestId('member-table').getByText('没有找到符合条件的会员').waitFor()
  })

  it('edits a member: a refused phone stays on screen, then the fix is saved and in the history', async () => {
    await openMemberByName('张三')
    await byTestId('member-edit').click()
    await byTestId('member-name').waitFor()
    // The form shows the ID masked: editing needs no (recorded) reveal.
    assert.equal(await byTestId('member-id-masked').inputValue(), ID_MASKED)
    assert.equal(await byTestId('member-id-number').count(), 0)
    await snap('member-edit-masked-id')
    // Changing the ID is deliberate: the new number is checked like any other.
    await byTestId('member-change-id').click()
    await byTestId('member-id-number').fill(ID_BAD)
    await byTestId('member-submit').click()
    await formItemOf('member-id-number').locator('.el-form-item__error', { hasText: '校验码错误' }).waitFor()
    await snap('member-edit-change-id')
    await byTestId('member-keep-id').click()
    await byTestId('member-id-masked').waitFor()
    await byTestId('member-phone').fill('1380013')
    await byTestId('member-notes').fill('常跑兰州—西安线')
    await byTestId('member-submit').click()
    await formItemOf('member-phone').locator('.el-form-item__error').waitFor()
    assert.equal(await byTestId('member-phone').inputValue(), '1380013')
    assert.equal(await byTestId('member-notes').inputValue(), '常跑兰州—西安线')
    await snap('member-edit-refused')
    await byTestId('member-phone').fill('13800138001')
    await byTestId('member-submit').click()
    await byTestId('member-dialog').waitFor({ state: 'hidden' })
    await byTestId('detail-phone').filter({ hasText: '13800138001' }).waitFor()
    await historyEntry('修改资料', '手机号：13800138000 → 13800138001').waitFor()
    await historyEntry('修改资料', '备注').waitFor()
    // The stored ID was kept, and nobody looked at it.
    assert.equal((await byTestId('detail-id-number').innerText()).trim(), ID_MASKED)
    await byTestId('detail-reveals').filter({ hasText: '0 次' }).waitFor()
    assert.equal(await historyEntry('修改资料', '身份证号').count(), 0)
  })

  it('shows the full ID only for a stated purpose and counts the reveals', async () => {
    assert.equal((await byTestId('detail-id-number').innerText()).trim(), ID_MASKED)
    await byTestId('reveal-id').click()
    await byTestId('reveal-submit').click()
    await byTestId('reveal-dialog').getByText('请选择或填写用途').waitFor()
    await pickOption('reveal-purpose', '办理互助保障')
    await snap('member-reveal-purpose')
    await byTestId('reveal-submit').click()
    await byTestId('detail-id-number').filter({ hasText: ID_OK }).waitFor()
    await byTestId('detail-reveals').filter({ hasText: '1 次' }).waitFor()
    await snap('member-id-revealed')
  })

  it('transfers the member to another org with a reason and shows it in the history', async () => {
    await byTestId('member-transfer').click()
    await byTestId('transfer-submit').click()
    await formItemOf('transfer-reason').locator('.el-form-item__error', { hasText: '请填写转接原因' }).waitFor()
    await pickOrg('transfer-org', '顺达物流有限公司工会')
    await byTestId('transfer-reason').fill('到顺达物流上班')
    await snap('member-transfer-dialog')
    await byTestId('transfer-submit').click()
    await byTestId('transfer-dialog').waitFor({ state: 'hidden' })
    await byTestId('detail-org').filter({ hasText: '顺达物流有限公司工会' }).waitFor()
    const entry = historyEntry('会籍转接', '所属组织：东关村工会联合会 → 顺达物流有限公司工会')
    await entry.waitFor()
    assert.match(await entry.innerText(), /转接原因：到顺达物流上班/)
    assert.match(await entry.innerText(), /经办人：王芳/)
    await historyEntry('入会登记', '所属组织：东关村工会联合会').waitFor()
    await noHorizontalScroll()
    await page.locator('[data-testid="member-history"]').scrollIntoViewIfNeeded()
    await snap('member-history')
  })

  it('flags a stale record, finds it from the home page and marks it verified in bulk', async () => {
    await memberListClean()
    await addMember({
      name: '李娜',
      id: validId('62042119880315002'),
      phone: '13909430001',
      group: '网约车司机',
      employer: '某出行平台',
      joinDate: '2025-03-01',
    })
    const row = byTestId('member-table').locator('.el-table__row', { hasText: '李娜' })
    await row.locator('[data-testid="stale-tag"]').waitFor()
    assert.equal(await byTestId('member-table').locator('.el-table__row', { hasText: '张三' }).locator('[data-testid="stale-tag"]').count(), 0)

    await byTestId('nav-home').click()
    await page.waitForFunction(() => /1\s*人/.test(document.querySelector('[data-testid="stat-stale"] .stat-value')?.textContent ?? ''))
    await byTestId('stat-stale').click()
    await byTestId('member-more-bar').waitFor()
    assert.ok(await byTestId('member-stale-filter').locator('input').isChecked())
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="member-table"] .el-table__row')]
      return rows.length === 1 && rows[0].textContent.includes('李娜')
    })
    await row.locator('.el-checkbox').click()
    await byTestId('member-batch-bar').waitFor()
    assert.equal((await byTestId('member-selected-count').innerText()).trim(), '1')
    await snap('member-stale-batch')
    await byTestId('batch-verify').click()
    await byTestId('member-table').getByText('没有找到符合条件的会员').waitFor()
    await byTestId('member-batch-bar').waitFor({ state: 'hidden' })
  })

  it('sorts by a column', async () => {
    await memberListClean()
    await byTestId('member-table').locator('.el-table__row', { hasText: '李娜' }).waitFor()
    const firstName = () => byTestId('member-table').locator('.el-table__row').first().locator('td').nth(2).innerText()
    await byTestId('member-table').locator('th', { hasText: '入会日期' }).click() // newest first
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="member-table"] .el-table__row td:nth-child(3)')?.textContent?.includes('张三'),
    )
    await byTestId('member-table').locator('th', { hasText: '入会日期' }).click() // oldest first
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="member-table"] .el-table__row td:nth-child(3)')?.textContent?.includes('李娜'),
    )
    assert.equal((await firstName()).trim(), '李娜')
    await snap('member-sorted')
  })

  it('records an exit with its reason and a re-join of the same person', async () => {
    await openMemberByName('李娜')
    await byTestId('member-status-button').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '退会' }).click()
    await byTestId('status-submit').click()
    await formItemOf('status-reason').locator('.el-form-item__error', { hasText: '请填写退会原因' }).waitFor()
    await byTestId('status-reason').fill('本人申请退会，回老家务农')
    await snap('member-exit-dialog')
    await byTestId('status-submit').click()
    await byTestId('status-dialog').waitFor({ state: 'hidden' })
    await byTestId('detail-status').filter({ hasText: '退会' }).waitFor()
    assert.ok(await byTestId('member-transfer').isDisabled())
    await historyEntry('状态变更', '在会 → 退会').filter({ hasText: '本人申请退会，回老家务农' }).waitFor()

    await byTestId('member-status-button').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '恢复在会' }).click()
    await byTestId('status-submit').click()
    await byTestId('status-dialog').waitFor({ state: 'hidden' })
    await byTestId('detail-status').filter({ hasText: '在会' }).waitFor()
    await historyEntry('状态变更', '退会 → 在会').filter({ hasText: '重新入会' }).waitFor()
    // Same person, same number, the whole story kept.
    assert.equal(await byTestId('member-history').locator('[data-testid="history-entry"]', { hasText: '状态变更' }).count(), 2)
    await historyEntry('入会登记', '入会渠道').waitFor()
    await byTestId('member-history').scrollIntoViewIfNeeded()
    await snap('member-rejoined')
  })

  it('sets the enrol-to-build threshold in 设置', async () => {
    await navSettings('nav-rules')
    const threshold = byTestId('rules-threshold').locator('input')
    await page.waitForFunction(() => document.querySelector('[data-testid="rules-threshold"] input')?.value === '25')
    await threshold.fill('3')
    await threshold.press('Tab')
    await byTestId('rules-save').click()
    await page.locator('.el-message--success', { hasText: '台账规则已保存' }).waitFor()
    await snap('settings-rules')
  })

  it('alerts when three members share an employer without a union, and founds it with their transfer', async () => {
    const EMPLOYER = '顺丰速运城关网点'
    await memberListClean()
    await byTestId('member-add').click()
    await byTestId('member-name').waitFor()
    const people = [
      ['刘洋', validId('62042119950101031'), '13909430011'],
      ['陈静', validId('62042119960202042'), '13909430012'],
      ['杨帆', validId('62042119970303053'), '13909430013'],
    ]
    for (const [i, [name, id, phone]] of people.entries()) {
      if (i === 0) await fillMemberForm({ name, id, phone, group: '快递员', employer: EMPLOYER })
      else {
        await byTestId('member-next').click()
        await byTestId('member-name').fill(name)
        await byTestId('member-id-number').fill(id)
        await byTestId('member-phone').fill(phone)
        assert.equal(await byTestId('member-employer').inputValue(), EMPLOYER, 'the next person keeps the employer')
      }
      await byTestId('member-submit').click()
      await page.locator('[data-testid="member-created"]', { hasText: name }).waitFor()
    }
    await byTestId('member-done').click()

    await byTestId('nav-home').click()
    const alert = byTestId('home-union-alerts').locator('[data-testid="home-union-alert"]', { hasText: EMPLOYER })
    await alert.waitFor()
    assert.match(await alert.innerText(), /3 名会员/)
    await snap('home-union-alert')
    await alert.click()

    const row = byTestId('employer-table').locator('.el-table__row', { hasText: EMPLOYER })
    await row.locator('[data-testid="employer-alert"]').waitFor()
    assert.equal((await byTestId('employer-threshold').innerText()).trim(), '3')
    await noHorizontalScroll()
    await snap('employers')
    await row.locator('[data-testid="employer-found"]').click()
    await byTestId('found-name').waitFor()
    assert.equal(await byTestId('found-name').inputValue(), `${EMPLOYER}工会`)
    await byTestId('found-parent').filter({ hasText: '东关村工会联合会' }).waitFor()
    assert.ok(await byTestId('found-transfer').locator('input').isChecked())
    await snap('found-union-dialog')
    await byTestId('found-submit').click()
    await byTestId('found-result').waitFor()
    assert.match(await byTestId('found-moved').innerText(), /3\s*名会员/)
    assert.equal((await byTestId('found-org-name').innerText()).trim(), `${EMPLOYER}工会`)
    await snap('found-union-result')
    await byTestId('found-show-members').click()
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="member-table"] .el-table__row')]
      return rows.length === 3 && rows.every((r) => r.textContent.includes('顺丰速运城关网点工会'))
    })
    await snap('founded-union-members')
    // No longer a target.
    await byTestId('nav-employers').click()
    await byTestId('employer-table').locator('.el-table__row', { hasText: '某出行平台' }).waitFor()
    assert.equal(await byTestId('employer-table').getByText(EMPLOYER).count(), 0)
  })

  it('routes pool members by suggestion and by hand', async () => {
    await gotoRoute('/settings/orgs')
    const township = byTestId('org-tree').locator('.el-tree-node__content', { has: page.locator('[data-org-name="城关镇总工会"]') })
    await township.locator('[data-testid="org-add-child"]').click()
    await byTestId('org-name').waitFor()
    await pickOption('org-kind', '周转池')
    await byTestId('org-name').fill('城关镇周转池')
    await byTestId('org-submit').click()
    await byTestId('org-dialog').waitFor({ state: 'hidden' })
    await byTestId('org-tree').locator('[data-org-name="城关镇周转池"]').waitFor()

    await memberListClean()
    await addMember({
      name: '赵六',
      id: validId('62042119900909061'),
      phone: '13909430021',
      group: '快递员',
      employer: '顺丰速运城关网点',
      org: '城关镇周转池',
    })
    await addMember({ name: '钱七', id: validId('62042119911010072'), phone: '13909430022', group: '家政服务员', org: '城关镇周转池' })

    await byTestId('nav-pool').click()
    const table = byTestId('pool-table')
    const zhao = table.locator('.el-table__row', { hasText: '赵六' })
    await zhao.locator('[data-testid="pool-suggestion"]', { hasText: '顺丰速运城关网点工会' }).waitFor()
    assert.match(await zhao.innerText(), /同一工作单位已建工会/)
    assert.match(await table.locator('.el-table__row', { hasText: '钱七' }).innerText(), /暂无建议/)
    assert.equal((await byTestId('pool-waiting').innerText()).trim(), '2')
    await noHorizontalScroll()
    await snap('pool')

    await byTestId('pool-select-suggested').click()
    await byTestId('pool-route').filter({ hasText: '1 人' }).waitFor()
    await byTestId('pool-route').click()
    const group = byTestId('pool-confirm').locator('[data-testid="pool-plan-group"]')
    await group.waitFor()
    assert.match(await group.innerText(), /转入 顺丰速运城关网点工会/)
    assert.match(await group.innerText(), /周转池分流：同一工作单位已建工会/)
    await snap('pool-confirm')
    await byTestId('pool-route-submit').click()
    await byTestId('pool-confirm').waitFor({ state: 'hidden' })
    await zhao.waitFor({ state: 'detached' })
    await byTestId('pool-waiting').filter({ hasText: '1' }).waitFor()

    const qian = table.locator('.el-table__row', { hasText: '钱七' })
    await qian.locator('.el-checkbox').click()
    await byTestId('pool-manual').click()
    await pickOrg('transfer-org', '东关村工会联合会')
    assert.match(await byTestId('transfer-reason').inputValue(), /周转池分流/)
    await byTestId('transfer-submit').click()
    await byTestId('transfer-dialog').waitFor({ state: 'hidden' })
    await table.getByText('周转池中没有待分流的会员').waitFor()
    await snap('pool-empty')

    await openMemberByName('赵六')
    await historyEntry('会籍转接', '城关镇周转池 → 顺丰速运城关网点工会').filter({ hasText: '周转池分流：同一工作单位已建工会' }).waitFor()
  })

  it('transfers several members at once from the list', async () => {
    await memberListClean()
    await pickOrg('member-org-filter', '顺丰速运城关网点工会')
    const rows = byTestId('member-table').locator('.el-table__row')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-table"] .el-table__row').length === 4)
    await rows.filter({ hasText: '刘洋' }).locator('.el-checkbox').click()
    await rows.filter({ hasText: '陈静' }).locator('.el-checkbox').click()
    await byTestId('member-selected-count').filter({ hasText: '2' }).waitFor()
    await byTestId('batch-transfer').click()
    await pickOrg('transfer-org', '城关镇总工会')
    await byTestId('transfer-reason').fill('网点撤并，转回镇工会')
    await snap('member-batch-transfer')
    await byTestId('transfer-submit').click()
    await byTestId('transfer-dialog').waitFor({ state: 'hidden' })
    // The org filter is a subtree: the two moved up and out of it.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-table"] .el-table__row').length === 2)
    await byTestId('member-batch-bar').waitFor({ state: 'hidden' })
  })

  // ---- Printing (issue 5) ----

  it('refuses certificates until the verification URL is set in 设置 → 打印, and takes a seal', async () => {
    await navPrint('nav-certificates')
    const blocked = byTestId('certificates-blocked')
    await blocked.waitFor()
    assert.match(await blocked.innerText(), /设置 → 打印/)
    assert.ok(await byTestId('certificates-print').isDisabled())
    await noHorizontalScroll()
    await snap('certificates-blocked')
    await byTestId('go-print-settings').click()
    await byTestId('print-base-url').waitFor()
    await page.waitForURL(/#\/settings\/print$/)

    await byTestId('print-base-url').fill('ghj.huining.example.cn/rh')
    await byTestId('print-settings-save').click()
    await formItemOf('print-base-url').locator('.el-form-item__error', { hasText: 'https://' }).waitFor()
    await byTestId('print-base-url').fill('https://ghj.huining.example.cn/rh')
    await byTestId('print-contact-phone').fill('0943-3221234')
    await byTestId('print-settings-save').click()
    await page.locator('.el-message--success', { hasText: '打印设置已保存' }).waitFor()
    await byTestId('print-settings-blocked').waitFor({ state: 'hidden' })

    // A seal scanned on white paper; the backend makes the paper transparent.
    await byTestId('seal-org').filter({ hasText: '东关村工会联合会' }).waitFor()
    await byTestId('seal-file').setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: sealPng() })
    const seal = byTestId('seal-list').locator('[data-org-name="东关村工会联合会"]')
    await seal.locator('[data-testid="seal-image"]').waitFor()
    assert.match(await seal.innerText(), /透明背景/)
    await noHorizontalScroll()
    await snap('print-settings')
  })

  let ceremonyUrl = ''
  it('creates a ceremony, enrols a member on the spot and adds an existing one', async () => {
    await navPrint('nav-ceremonies')
    await byTestId('ceremony-table').getByText('还没有入会仪式').waitFor()
    await byTestId('ceremony-add').click()
    await byTestId('ceremony-place').waitFor()
    await byTestId('ceremony-place').fill('')
    await byTestId('ceremony-submit').click()
    await formItemOf('ceremony-place').locator('.el-form-item__error', { hasText: '请填写仪式地点' }).waitFor()
    await byTestId('ceremony-place').fill('城关镇新时代文明实践站')
    await byTestId('ceremony-org').filter({ hasText: '东关村工会联合会' }).waitFor()
    await byTestId('ceremony-notes').fill('货车司机集中入会，县总工会领导出席')
    await snap('ceremony-form')
    await byTestId('ceremony-submit').click()
    await byTestId('ceremony-detail').waitFor()
    ceremonyUrl = page.url()
    assert.match(await byTestId('ceremony-title').innerText(), /城关镇新时代文明实践站/)

    await byTestId('ceremony-enrol').click()
    await byTestId('member-name').waitFor()
    assert.match(await byTestId('member-dialog').locator('.el-dialog__title').innerText(), /现场登记入会/)
    assert.match(await byTestId('member-channel').innerText(), /集中入会仪式/)
    await byTestId('member-org').filter({ hasText: '东关村工会联合会' }).waitFor()
    await fillMemberForm({ name: '马成', id: validId('62042119850505081'), phone: '13909430031', group: '货车司机', employer: '个体' })
    await snap('ceremony-enrol-form')
    await byTestId('member-submit').click()
    await byTestId('member-created').waitFor()
    await byTestId('member-done').click()
    const rows = byTestId('ceremony-members').locator('.el-table__row')
    await rows.filter({ hasText: '马成' }).waitFor()
    assert.match(await rows.filter({ hasText: '马成' }).innerText(), /未打印/)

    await byTestId('ceremony-add-existing').click()
    await byTestId('attendees-search').fill('张三')
    const zhang = byTestId('attendees-table').locator('.el-table__row', { hasText: '张三' })
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('[data-testid="attendees-table"] .el-table__row')]
      return r.length === 1 && r[0].textContent.includes('张三')
    })
    await zhang.locator('.el-checkbox').click()
    await byTestId('attendees-submit').filter({ hasText: '1 人' }).click()
    await byTestId('attendees-dialog').waitFor({ state: 'hidden' })
    await rows.filter({ hasText: '张三' }).waitFor()
    await byTestId('ceremony-attendees').filter({ hasText: '入会 2 人' }).waitFor()
    assert.match(await byTestId('ceremony-printed').innerText(), /会员证尚未打印/)
  })

  it('ticks the 五个一 and keeps them', async () => {
    for (const key of ['badge', 'rite']) {
      await byTestId(`five-${key}`).click()
      await page.waitForFunction((k) => {
        const box = document.querySelector(`[data-testid="five-${k}"]`)
        return box?.classList.contains('is-checked') && !box.classList.contains('is-disabled')
      }, key)
    }
    await page.reload()
    await byTestId('ceremony-detail').waitFor()
    for (const key of ['badge', 'rite']) assert.ok(await byTestId(`five-${key}`).locator('input').isChecked(), key)
    assert.ok(!(await byTestId('five-pack').locator('input').isChecked()))
    assert.match(await byTestId('five-ones').innerText(), /2\/5/)
    await noHorizontalScroll()
    await snap('ceremony-detail')
    await navPrint('nav-ceremonies')
    const row = byTestId('ceremony-table').locator('.el-table__row', { hasText: '城关镇新时代文明实践站' })
    await row.waitFor()
    assert.match(await row.innerText(), /2\/5/)
    await snap('ceremony-list')
  })

  let certificatesPdf = ''
  it("prints the ceremony's certificates: a preview first, then for real with the issue dates recorded", async () => {
    await page.goto(ceremonyUrl)
    await byTestId('ceremony-print-certificates').click()
    await page.waitForURL(/#\/print\/certificates\?/)
    assert.ok(await byTestId('scope-ceremony').locator('input').isChecked())
    assert.ok(await byTestId('layout-a4').locator('input').isChecked())
    const rows = byTestId('certificates-table').locator('.el-table__row')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="certificates-table"] .el-table__row').length === 2)
    assert.match(await byTestId('certificates-summary').innerText(), /共 2 人/)

    const preview = await answerOf('print_certificates', () => byTestId('certificates-preview').click())
    assertPdf(preview, 'certificate preview')
    assert.equal(preview.certificates, 2)
    assert.equal(preview.recorded, 0, 'a preview records nothing')
    assert.equal(await framePdfHead('certificates-viewer'), '%PDF-')
    await byTestId('certificates-viewer').locator('[data-testid="pdf-preview-tag"]').waitFor()
    await page.waitForTimeout(1500) // Chromium's PDF viewer draws the page
    await snap('certificates-preview')

    await page.locator('.el-tabs__item', { hasText: '名单' }).click()
    assert.equal(await rows.filter({ hasText: '未打印' }).count(), 2, 'the preview recorded no issue date')

    let download
    const printed = await answerOf('print_certificates', async () => {
      ;[download] = await Promise.all([page.waitForEvent('download'), byTestId('certificates-print').click()])
    })
    assertPdf(printed, 'certificates')
    assert.equal(printed.recorded, 2)
    assert.equal(printed.issued_on, TODAY)
    assert.match(download.suggestedFilename(), /^会员证-.*\.pdf$/)
    certificatesPdf = path.join(tmp, 'certificates.pdf')
    await download.saveAs(certificatesPdf)
    assert.equal(fs.readFileSync(certificatesPdf).subarray(0, 5).toString('latin1'), '%PDF-')
    await byTestId('certificates-done').filter({ hasText: '已记录 2 人的发证日期' }).waitFor()
    await page.locator('.el-tabs__item', { hasText: '名单' }).click()
    await page.waitForFunction(
      (d) => [...document.querySelectorAll('[data-testid="certificates-table"] .el-table__row')].filter((r) => r.textContent.includes(d)).length === 2,
      TODAY,
    )
    await snap('certificates-printed')

    await page.goto(ceremonyUrl)
    await byTestId('ceremony-printed').filter({ hasText: '会员证已全部打印' }).waitFor()
    await openMemberByName('马成')
    await byTestId('detail-card-issued').filter({ hasText: TODAY }).waitFor()
    await byTestId('detail-card-issued').scrollIntoViewIfNeeded()
    await snap('member-card-issued')
  })

  it("prints the ceremony's attendance list with a signature column", async () => {
    await page.goto(ceremonyUrl)
    await byTestId('ceremony-detail').waitFor()
    const roster = await answerOf('print_roster', () => byTestId('ceremony-print-roster').click())
    assertPdf(roster, 'attendance list')
    assert.equal(roster.count, 2)
    assert.match(roster.file_name, /签到表/)
    assert.equal(await framePdfHead('pdf-dialog-viewer'), '%PDF-')
    await page.waitForTimeout(1500)
    await snap('ceremony-attendance-list')
    await byTestId('pdf-dialog').locator('.el-dialog__headerbtn').click()
    await byTestId('pdf-dialog').waitFor({ state: 'hidden' })
  })

  it('verifies a scanned certificate link, and reports a forged one', async () => {
    const verify = async (text) => {
      await byTestId('verify-text').fill(text)
      return answerOf('verify_certificate', () => byTestId('verify-submit').click())
    }
    await navPrint('nav-verify')
    await byTestId('verify-text').waitFor()
    // What a scanner reads from the printed certificate: its QR code.
    let link = null
    if (tool('pdftoppm') && tool('zbarimg')) {
      const prefix = path.join(tmp, 'cert-page')
      execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', certificatesPdf, prefix])
      const png = fs.readdirSync(tmp).find((f) => f.startsWith('cert-page') && f.endsWith('.png'))
      link = execFileSync('zbarimg', ['-q', '--raw', path.join(tmp, png)], { encoding: 'utf8' }).trim().split('\n')[0]
      assert.match(link, /^https:\/\/ghj\.huining\.example\.cn\/rh\/v\?n=\d+&s=\S+$/, `scanned ${link}`)
      const ok = await verify(link)
      assert.equal(ok.genuine, true, ok.message)
      await byTestId('verify-verdict').filter({ hasText: '真实有效的会员证' }).waitFor()
      const shown = await byTestId('verify-member').innerText()
      assert.ok(/马成|张三/.test(shown), shown)
      assert.ok(shown.includes(ok.member_no))
      await snap('verify-genuine')
    } else {
      console.log('# pdftoppm or zbarimg missing: the genuine link is not scanned')
    }
    const no = (await (async () => {
      await openMemberByName('马成')
      return (await byTestId('detail-member-no').innerText()).trim()
    })())
    await navPrint('nav-verify')
    const forged = link ? link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) : `https://ghj.huining.example.cn/rh/v?n=${no}&s=AAAAAAAAAAAA`
    const bad = await verify(forged)
    assert.equal(bad.genuine, false)
    await byTestId('verify-verdict').filter({ hasText: '未通过核验' }).waitFor()
    assert.equal(await byTestId('verify-member').count(), 0)
    await snap('verify-forged')
  })

  it("makes a join poster: refused until the org has a join link, then previewed and saved", async () => {
    await navPrint('nav-poster')
    await byTestId('poster-org').filter({ hasText: '东关村工会联合会' }).waitFor()
    const refusal = byTestId('poster-error')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /设置 → 组织架构/)
    await noHorizontalScroll()
    await snap('poster-no-join-url')

    await byTestId('poster-go-orgs').click()
    const office = byTestId('org-tree').locator('.el-tree-node__content', { has: page.locator('[data-org-name="东关村工会联合会"]') })
    await office.locator('[data-testid="org-edit"]').click()
    await byTestId('org-url').fill('https://ghj.huining.example.cn/join/dongguan')
    await byTestId('org-submit').click()
    await byTestId('org-dialog').waitFor({ state: 'hidden' })

    const first = await answerOf('print_poster', () => navPrint('nav-poster'))
    assertPdf(first, 'poster')
    assert.equal(first.pages, 1)
    assert.equal(await framePdfHead('poster-viewer'), '%PDF-')
    assert.match(await byTestId('poster-org-link').innerText(), /join\/dongguan/)

    // Edit: the preview follows.
    await byTestId('poster-template-blue').click()
    await byTestId('poster-size').getByText('A3').click()
    await byTestId('poster-headline').fill('货车司机之家\n扫码入会')
    await byTestId('poster-benefit-remove-3').click()
    await byTestId('poster-benefit-add').click()
    const updated = await answerOf('print_poster', () => byTestId('poster-benefit-3').fill('高速服务区司机之家免费停车休息'))
    assertPdf(updated, 'edited poster')
    assert.match(updated.file_name, /A3/)
    await page.waitForTimeout(1500)
    await noHorizontalScroll()
    await snap('poster-preview')

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('poster-save').click()])
    assert.match(download.suggestedFilename(), /^入会海报-东关村工会联合会-A3\.pdf$/)
    const file = path.join(tmp, 'poster.pdf')
    await download.saveAs(file)
    assert.equal(fs.readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-')
  })

  it('prints an application form and a roster for members picked in the list', async () => {
    await memberListClean()
    await byTestId('member-search').fill('张三')
    const row = byTestId('member-table').locator('.el-table__row', { hasText: '张三' })
    await page.waitForFunction(() => {
      const r = [...document.querySelectorAll('[data-testid="member-table"] .el-table__row')]
      return r.length === 1 && r[0].textContent.includes('张三')
    })
    await row.locator('.el-checkbox').click()
    await byTestId('batch-print').click()
    await byTestId('batch-print-application').click()
    await page.waitForURL(/#\/print\/forms\?/)
    assert.match(await byTestId('scope-members').innerText(), /1 人/)
    const form = await answerOf('print_application', () => byTestId('forms-make').click())
    assertPdf(form, 'application form')
    assert.equal(form.count, 1)
    assert.equal(await framePdfHead('forms-viewer'), '%PDF-')
    await page.waitForTimeout(1500)
    await snap('application-form')

    await byTestId('forms-doc-roster').click()
    const roster = await answerOf('print_roster', () => byTestId('forms-make').click())
    assertPdf(roster, 'roster')
    assert.equal(roster.count, 1)
  })

  it('shows who cannot get a certificate before anything is printed, and leaves them out on request', async () => {
    // U+2EBE0 (CJK extension I) is in none of the shipped fonts.
    await memberListClean()
    await addMember({ name: '王𮯠', id: validId('62042119920606091'), phone: '13909430041', group: '快递员' })
    await navPrint('nav-certificates')
    await byTestId('scope-not_yet_printed').click()
    await pickOrg('scope-not_yet_printed-org', '东关村工会联合会')
    const problems = byTestId('certificates-problems')
    await problems.filter({ hasText: '1 名会员的会员证无法打印' }).waitFor()
    const first = byTestId('certificates-table').locator('.el-table__row').first()
    assert.match(await first.innerText(), /王𮯠[\s\S]*U\+2EBE0/)
    assert.ok(await byTestId('certificates-print').isDisabled())
    assert.ok(await byTestId('certificates-preview').isDisabled())
    await noHorizontalScroll()
    await snap('certificates-problems')
    const rest = await byTestId('certificates-table').locator('.el-table__row').count()
    await byTestId('certificates-only-printable').click()
    await page.waitForURL(/#\/print\/certificates\?members=/)
    assert.match(await byTestId('scope-members').innerText(), new RegExp(`${rest - 1} 人`))
    await problems.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => !document.querySelector('[data-testid="certificates-print"]')?.disabled)
    assert.equal(await byTestId('certificates-table').getByText('王𮯠').count(), 0)
  })

  it('on the desktop transport, saves where the save dialog says and opens the file in the system viewer', async () => {
    // The desktop window, simulated: Tauri's invoke() answers `api` through
    // this server, and the shell's `save_file` / `open_path` are recorded.
    // The backend writes the PDFs itself (`out`), as it does on the desktop.
    const dir = path.join(tmp, 'desktop')
    fs.mkdirSync(dir, { recursive: true })
    const token = new URL(server.url).searchParams.get('token')
    const desk = await h.context.newPage()
    desk.on('pageerror', (e) => h.pageErrors.push(`desktop: ${e}`))
    await desk.addInitScript(
      ([tok, saveDir]) => {
        window.__shell = []
        window.__TAURI_INTERNALS__ = {
          invoke: async (cmd, args) => {
            if (cmd === 'api') {
              const res = await fetch(`/api/${args.command}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tok}` },
                body: JSON.stringify(args.args ?? {}),
              })
              const text = await res.text()
              const body = text ? JSON.parse(text) : null
              if (!res.ok) throw body
              return body
            }
            window.__shell.push([cmd, args])
            if (cmd === 'save_file') return `${saveDir}/${args.defaultName.replace(/\.pdf$/, '')}` // no extension: the UI adds it
            if (cmd === 'open_path') return null
            throw `unknown command ${cmd}`
          },
        }
      },
      [token, dir],
    )
    const shell = () => desk.evaluate(() => window.__shell)
    const ceremonyId = ceremonyUrl.replace(/^.*#\/print\/ceremonies\//, '')
    try {
      await desk.goto(`${new URL(server.url).origin}/#/print/certificates?ceremony=${ceremonyId}&layout=a4`)
      const rows = desk.locator('[data-testid="certificates-table"] .el-table__row')
      await rows.nth(1).waitFor()
      assert.equal(await desk.locator('.el-tabs__item').count(), 1, 'no in-window PDF tab on the desktop')

      await desk.locator('[data-testid="certificates-preview"]').click()
      await desk.waitForFunction(() => window.__shell.some(([c]) => c === 'open_path'))
      const [[cmd, { path: previewPath }]] = await shell()
      assert.equal(cmd, 'open_path')
      assert.match(previewPath, /print-preview[\\/]会员证-A4-.*\.pdf$/)
      assert.equal(fs.readFileSync(previewPath).subarray(0, 5).toString('latin1'), '%PDF-')

      await desk.locator('[data-testid="certificates-print"]').click()
      await desk.locator('[data-testid="certificates-done"]').waitFor()
      const calls = await shell()
      assert.deepEqual(
        calls.map(([c]) => c),
        ['open_path', 'save_file', 'open_path'],
      )
      assert.deepEqual(calls[1][1].filters, [{ name: 'PDF', extensions: ['pdf'] }])
      const saved = calls[2][1].path
      assert.equal(path.dirname(saved), dir)
      assert.match(path.basename(saved), /^会员证-A4-.*-2张\.pdf$/)
      assert.equal(fs.readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-')
      assert.ok((await desk.locator('[data-testid="certificates-done"]').innerText()).includes(saved))
      await desk.waitForTimeout(400)
      await desk.screenshot({ path: path.join(OUT, `${String(++h.shot).padStart(2, '0')}-desktop-certificates-saved.png`) })

      // The attendance list from the ceremony: saved, opened, no dialog.
      await desk.goto(`${new URL(server.url).origin}/#/print/ceremonies/${ceremonyId}`)
      await desk.locator('[data-testid="ceremony-print-roster"]').click()
      await desk.waitForFunction(() => window.__shell.filter(([c]) => c === 'open_path').length === 3)
      const roster = (await shell()).at(-1)[1].path
      assert.match(path.basename(roster), /签到表.*\.pdf$/)
      assert.equal(fs.readFileSync(roster).subarray(0, 5).toString('latin1'), '%PDF-')
      assert.equal(await desk.locator('[data-testid="pdf-dialog"]').count(), 0)
    } finally {
      await desk.close()
    }
  })

  it('left no uncaught errors in the page', () => {
    assert.deepEqual(h.pageErrors, [], 'uncaught errors in the page')
  })
})
