// Browser end-to-end test: the real `ledger serve` backend plus the built UI,
// driven in Debian's chromium through playwright-core (no browser download).
//
//   LEDGER_BIN  path of the ledger binary (default <repo>/target/debug/ledger)
//   UI_DIST     built UI (default <repo>/ui/dist)
//   CHROMIUM    browser binary (default /usr/bin/chromium)
//
// Screenshots of every step land in tests/e2e/out/browser/.

import { after, before, describe, it as nodeIt } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const LEDGER_BIN = process.env.LEDGER_BIN || path.join(repo, 'target/debug/ledger')
const UI_DIST = process.env.UI_DIST || path.join(repo, 'ui/dist')
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const OUT = path.join(repo, 'tests/e2e/out/browser')
const VIEWPORT = { width: 1366, height: 768 }

const ID_OK = '11010519491231002X'
const ID_MASKED = '110105********002X'
const ID_BAD = '110105194912310021'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'))
const DB = path.join(tmp, 't.db')

let server = null
let context = null
let page = null
let shot = 0
const pageErrors = []

/** Start `ledger serve` and resolve with its URL (its first stdout line). */
function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(LEDGER_BIN, ['--db', DB, 'serve', '--port', '0', '--ui', UI_DIST], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUST_LOG: process.env.RUST_LOG ?? 'info' },
    })
    let stderr = ''
    proc.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`ledger serve printed no URL within 20 s; stderr:\n${stderr}`))
    }, 20_000)
    proc.once('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
    proc.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`ledger serve exited early (${code}); stderr:\n${stderr}`))
    })
    const lines = createInterface({ input: proc.stdout })
    lines.once('line', (line) => {
      clearTimeout(timer)
      proc.removeAllListeners('exit')
      const url = line.trim()
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/.test(url)) {
        proc.kill('SIGKILL')
        reject(new Error(`unexpected first line from ledger serve: ${line}`))
        return
      }
      resolve({ proc, url })
    })
  })
}

function stopServer(s) {
  return new Promise((resolve) => {
    if (!s || s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve()
    const timer = setTimeout(() => s.proc.kill('SIGKILL'), 5_000)
    s.proc.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    s.proc.kill('SIGTERM')
  })
}

async function snap(name) {
  shot += 1
  const file = path.join(OUT, `${String(shot).padStart(2, '0')}-${name}.png`)
  await page.waitForTimeout(400) // let Element Plus transitions finish
  await page.screenshot({ path: file })
  return file
}

/** A test step that leaves a FAIL-*.png behind when it fails. */
function it(name, fn) {
  return nodeIt(name, async () => {
    try {
      await fn()
    } catch (e) {
      const file = path.join(OUT, `FAIL-${name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`)
      await page?.screenshot({ path: file }).catch(() => {})
      throw e
    }
  })
}

const byTestId = (id) => page.locator(`[data-testid="${id}"]`)

/** The form item (label + control + error) that holds an element. */
const formItemOf = (id) => page.locator('.el-form-item').filter({ has: byTestId(id) })

/** Pick an option in the open el-select dropdown. */
async function pickOption(selectTestId, label) {
  await byTestId(selectTestId).click()
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: label }).first()
  await option.click()
  await option.waitFor({ state: 'hidden' })
  await byTestId(selectTestId).filter({ hasText: label }).waitFor()
}

async function noHorizontalScroll() {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  assert.ok(overflow <= 0, `page scrolls horizontally by ${overflow}px`)
}

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
    assert.ok(fs.existsSync(LEDGER_BIN), `no ledger binary at ${LEDGER_BIN}: run cargo build -p ledger-cli`)
    assert.ok(fs.existsSync(path.join(UI_DIST, 'index.html')), `no built UI at ${UI_DIST}: run npm run build in ui/`)
    fs.mkdirSync(OUT, { recursive: true })
    for (const f of fs.readdirSync(OUT)) if (f.endsWith('.png')) fs.rmSync(path.join(OUT, f))
    server = await startServer()
    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: VIEWPORT,
      locale: 'zh-CN',
    })
    context.setDefaultTimeout(10_000)
    page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (e) => pageErrors.push(String(e)))
  })

  after(async () => {
    await context?.close().catch(() => {})
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
    const other = await context.newPage() // a new tab: no token in its sessionStorage
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
    await page.getByRole('menuitem', { name: '外出报告' }).click()
    await byTestId('coming-soon').waitFor()
    assert.match(await byTestId('coming-soon').innerText(), /此功能尚在开发中/)
    await snap('planned-outbound')

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
    await page.getByRole('menuitem', { name: '会员台账' }).click()
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
    server = await startServer()
    await page.goto(server.url)
    await byTestId('home-office').waitFor()
    await page.waitForFunction(() => /1\s*人/.test(document.querySelector('[data-testid="stat-active"] .stat-value')?.textContent ?? ''))
    await page.goto(page.url().replace(/#.*$/, '#/members'))
    const row = byTestId('member-table').locator('.el-table__row', { hasText: '张三' })
    await row.waitFor()
    assert.ok((await row.innerText()).includes(ID_MASKED))
    await snap('after-restart')
    assert.deepEqual(pageErrors, [], 'uncaught errors in the page')
  })
})
