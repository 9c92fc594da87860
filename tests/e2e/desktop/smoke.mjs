#!/usr/bin/env node
// Desktop smoke test: the real union-ledger window (Tauri + WebKitGTK) under
// Xvfb, driven through tauri-driver with the W3C WebDriver protocol.
//
//   first-run wizard -> finish it -> add a member -> see it in the list ->
//   quit -> start again on the same ledger -> the member is still there;
//   and a ledger written by a newer version is refused with a dialog.
//
// Needs: a built binary with the UI embedded
//   (cargo build -p union-ledger --features union-ledger/custom-protocol),
// Xvfb, tauri-driver (cargo install tauri-driver --locked --version ^2) and
// WebKitWebDriver (Debian: webkit2gtk-driver). `cargo xtask test` sets all up.
//
// Environment: UNION_LEDGER_BIN (default target/debug/union-ledger),
// E2E_XVFB=1 to use a private Xvfb even when DISPLAY is set,
// E2E_KEEP=1 to keep the temp data directory.
// Screenshots and logs go to tests/e2e/out/desktop/.

import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session, sleep, waitFor } from './webdriver.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '../../..')
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target')
const BIN = resolve(process.env.UNION_LEDGER_BIN ?? join(TARGET, 'debug', 'union-ledger'))
const OUT = join(ROOT, 'tests/e2e/out/desktop')
const DEADLINE_MS = Number(process.env.E2E_TIMEOUT_MS ?? 240000)

// Test data: clearly fake, with a valid GB 11643 check digit.
const OFFICE = '测试村工会联合会'
const TOWNSHIP = '测试镇总工会'
const COUNTY = '测试县总工会'
const OPERATOR = '测试经办人'
const MEMBER = { name: '王测试', phone: '13800138000', id: withCheckDigit('62042119850312123'), group: '货车司机' }

function withCheckDigit(body17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body17].reduce((acc, d, i) => acc + Number(d) * w[i], 0)
  return body17 + '10X98765432'[sum % 11]
}

// --- processes -------------------------------------------------------------

const children = []

function log(msg) {
  console.log(`[desktop-e2e] ${msg}`)
}

function start(name, cmd, args, env) {
  const fd = openSync(join(OUT, 'logs', `${name}.log`), 'a')
  const p = spawn(cmd, args, { env, stdio: ['ignore', fd, fd], detached: true })
  const entry = { name, p, exited: false, code: null }
  p.on('exit', (code, signal) => {
    entry.exited = true
    entry.code = code ?? signal
  })
  p.on('error', (e) => {
    entry.exited = true
    entry.code = e.message
  })
  children.push(entry)
  return entry
}

/** SIGTERM the process group, then SIGKILL what is left. */
async function stop(entry) {
  if (!entry || entry.exited) return
  const group = -entry.p.pid
  try {
    process.kill(group, 'SIGTERM')
  } catch {}
  for (let i = 0; i < 30 && !entry.exited; i++) await sleep(100)
  try {
    process.kill(group, 'SIGKILL')
  } catch {}
}

function killAllNow() {
  for (const c of children) {
    try {
      process.kill(-c.p.pid, 'SIGKILL')
    } catch {}
  }
}

process.on('exit', killAllNow)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllNow()
    process.exit(130)
  })
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => res(port))
    })
  })
}

async function display() {
  if (process.env.DISPLAY && process.env.E2E_XVFB !== '1') {
    log(`using DISPLAY=${process.env.DISPLAY}`)
    return { display: process.env.DISPLAY, xvfb: null }
  }
  let n = 99
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++
  const xvfb = start('xvfb', 'Xvfb', [`:${n}`, '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], process.env)
  await waitFor(`Xvfb :${n}`, () => {
    if (xvfb.exited) throw new Error(`Xvfb exited (${xvfb.code}); see out/desktop/logs/xvfb.log`)
    return existsSync(`/tmp/.X11-unix/X${n}`)
  })
  log(`started Xvfb :${n}`)
  return { display: `:${n}`, xvfb }
}

// --- checks ------------------------------------------------------------------

let passed = 0
let failed = 0
let shotNo = 0
let session = null
let env = null

async function check(name, fn) {
  const t = Date.now()
  try {
    await fn()
    passed++
    console.log(`ok ${passed + failed} - ${name} (${Date.now() - t} ms)`)
  } catch (e) {
    failed++
    console.log(`not ok ${passed + failed} - ${name}\n  ${String(e?.stack ?? e).split('\n').join('\n  ')}`)
    await evidence('failure')
    throw e
  }
}

/** Save the webview (WebDriver) and the whole X screen (ImageMagick). */
async function shot(name) {
  shotNo++
  const base = join(OUT, `${String(shotNo).padStart(2, '0')}-${name}`)
  if (session?.id) {
    try {
      writeFileSync(`${base}.png`, await session.screenshot())
    } catch (e) {
      log(`webdriver screenshot failed: ${e.message}`)
    }
  }
  rootShot(`${base}.screen.png`)
}

function rootShot(file) {
  if (!env?.DISPLAY) return
  const r = spawnSync('import', ['-window', 'root', file], { env, timeout: 15000 })
  if (r.status !== 0) log(`import -window root failed: ${r.stderr?.toString().trim() || r.error?.message}`)
}

async function evidence(name) {
  try {
    await shot(name)
    if (session?.id) writeFileSync(join(OUT, `${name}.html`), await session.source())
  } catch {}
}

async function textOf(testid) {
  return String(await (await session.byTestId(testid)).innerText()).trim()
}

async function click(testid) {
  await (await session.byTestId(testid)).click()
}

async function fill(testid, text) {
  await (await session.byTestId(testid)).type(text)
}

async function memberInTable(memberNo) {
  let seen = ''
  try {
    await waitFor('the member in the table', async () => {
      seen = await textOf('member-table')
      return seen.includes(MEMBER.name) && seen.includes(memberNo)
    })
  } catch (e) {
    throw new Error(`${e.message}\ntable text: ${JSON.stringify(seen)}`)
  }
}

/** Pick `label` in the Element Plus select `[data-testid=id]`. */
async function choose(testid, label) {
  await click(testid)
  const option = await waitFor(`option ${label} in ${testid}`, async () => {
    for (const el of await session.all('.el-select-dropdown__item')) {
      if ((await el.displayed()) && (await el.text()).trim() === label) return el
    }
    return null
  })
  await option.click()
  await waitFor(`${testid} to show ${label}`, async () => (await textOf(testid)).includes(label))
}

/** Open a window on the test ledger (a new app process each time). */
async function openWindow(base) {
  session = await Session.start(base, {
    browserName: 'wry',
    'tauri:options': { application: BIN },
  })
  await waitFor('the page to load', async () => String(await session.title()).includes('工会台账'), { timeout: 30000 })
}

async function closeWindow() {
  const s = session
  session = null
  if (s) await s.quit()
}

async function gotoMembers() {
  await click('home-members')
  await session.byTestId('member-table')
  await waitFor('the member list to finish loading', async () => (await session.all('.el-loading-mask')).length === 0 ||
    !(await (await session.find('.el-loading-mask')).displayed()))
}

// --- main --------------------------------------------------------------------

async function main() {
  const started = Date.now()
  mkdirSync(join(OUT, 'logs'), { recursive: true })
  for (const f of ['xvfb', 'tauri-driver', 'too-new']) rmSync(join(OUT, 'logs', `${f}.log`), { force: true })
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} does not exist: build it with\n  cargo build -p union-ledger --features union-ledger/custom-protocol`)
  }
  const tmp = mkdtempSync(join(tmpdir(), 'union-ledger-e2e-'))
  const dataDir = join(tmp, 'data')
  const db = join(dataDir, 'ledger.db')
  log(`binary ${BIN}`)
  log(`data dir ${dataDir}`)

  const timer = setTimeout(() => {
    console.log(`not ok - the desktop smoke test took longer than ${DEADLINE_MS} ms`)
    console.log(`SMOKE desktop: ${passed} passed, ${failed + 1} failed`)
    killAllNow()
    process.exit(1)
  }, DEADLINE_MS)
  timer.unref()

  const { display: dpy, xvfb } = await display()
  env = { ...process.env, DISPLAY: dpy, LEDGER_DATA_DIR: dataDir, LEDGER_DB: db }
  delete env.WAYLAND_DISPLAY

  const port = await freePort()
  const nativePort = await freePort()
  const driver = start('tauri-driver', 'tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], env)
  const base = `http://127.0.0.1:${port}`
  await waitFor('tauri-driver', async () => {
    if (driver.exited) throw new Error(`tauri-driver exited (${driver.code}); is it installed? see out/desktop/logs/tauri-driver.log`)
    const r = await fetch(`${base}/status`).catch(() => null)
    return r !== null
  })
  log(`tauri-driver on port ${port} (WebKitWebDriver on ${nativePort})`)

  try {
    let memberNo = ''

    await check('the window opens on a new ledger and shows the first-run wizard', async () => {
      await openWindow(base)
      const h1 = await session.visible('.wizard h1')
      const text = await h1.text()
      if (!text.includes('欢迎使用工会台账')) throw new Error(`wizard heading is ${JSON.stringify(text)}`)
      if (!existsSync(db)) throw new Error(`the app did not create ${db} (LEDGER_DB not honoured?)`)
      await shot('wizard')
    })

    await check('the wizard sets up a village union under a township and a county', async () => {
      await click('setup-kind-village')
      await fill('setup-office-name', OFFICE)
      await click('setup-next')
      await fill('setup-county-name', COUNTY)
      await fill('setup-township-name', TOWNSHIP)
      await click('setup-next')
      await fill('setup-operator', OPERATOR)
      await waitFor('the chain summary', async () => (await textOf('setup-chain')).includes(OFFICE))
      await shot('wizard-confirm')
      await click('setup-submit')
      await waitFor('the home page with this office', async () => (await textOf('home-office')).includes(OFFICE), {
        timeout: 20000,
      })
      await sleep(300) // let the success toast finish appearing
      await shot('home')
    })

    await check('a member added through the form gets a member number', async () => {
      await gotoMembers()
      await click('member-add')
      await session.byTestId('member-dialog')
      await fill('member-name', MEMBER.name)
      await fill('member-phone', MEMBER.phone)
      await fill('member-id-number', MEMBER.id)
      await choose('member-group', MEMBER.group)
      await shot('member-form')
      await click('member-submit')
      memberNo = await waitFor(
        'the member number',
        async () => {
          const e = await session.find('[data-testid="member-form-error"]')
          if (e && (await e.displayed())) throw new Error(`the form refused: ${await e.text()}`)
          const el = await session.find('[data-testid="created-member-no"]')
          return el && (await el.displayed()) ? (await el.text()).trim() : null
        },
        { timeout: 15000 },
      )
      if (!/^\d{6,}/.test(memberNo)) throw new Error(`member number looks wrong: ${memberNo}`)
      log(`member number ${memberNo}`)
      await shot('member-created')
    })

    await check('the member list shows the new member', async () => {
      await click('member-done')
      await waitFor('the dialog to close', async () => {
        const d = await session.find('[data-testid="member-created"]')
        return !d || !(await d.displayed())
      })
      await memberInTable(memberNo)
      await shot('member-list')
    })

    await check('the outbound reports and service posts pages open in the window', async () => {
      await click('nav-outbound')
      await session.byTestId('outbound-table')
      await waitFor('the outbound list', async () => (await textOf('outbound-table')).length > 0)
      await shot('outbound')
      await click('nav-posts')
      await session.byTestId('posts-table')
      await waitFor('the service posts list', async () => (await textOf('posts-table')).length > 0)
      await shot('posts')
    })

    await check('quitting closes the app', async () => {
      await closeWindow()
      await sleep(500)
    })

    await check('after a restart on the same ledger the member is still there', async () => {
      await openWindow(base)
      await waitFor('the home page (no wizard this time)', async () => (await textOf('home-office')).includes(OFFICE), {
        timeout: 20000,
      })
      await gotoMembers()
      await memberInTable(memberNo)
      const table = await textOf('member-table')
      const masked = MEMBER.id.slice(0, 6)
      if (!table.includes(masked)) throw new Error(`ID number not shown (masked) in the list: ${table}`)
      await shot('after-restart')
      await closeWindow()
    })

    await check('a ledger from a newer version is refused with a dialog', async () => {
      const tooNew = join(tmp, 'too-new.db')
      copyFileSync(join(HERE, 'fixtures', 'schema-too-new.sqlite'), tooNew)
      const app = start('too-new', BIN, [], { ...env, LEDGER_DB: tooNew })
      const logFile = join(OUT, 'logs', 'too-new.log')
      await waitFor('the refusal message', () => {
        const out = existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''
        if (app.exited && !out.includes('无法打开台账文件')) throw new Error(`exited (${app.code}) without the message`)
        return out.includes('无法打开台账文件') && out.includes('999')
      })
      await sleep(1500) // the GTK dialog paints
      if (app.exited) throw new Error(`the app exited (${app.code}) instead of showing the dialog`)
      rootShot(join(OUT, `${String(++shotNo).padStart(2, '0')}-schema-too-new.screen.png`))
      await stop(app)
      const bytes = readFileSync(tooNew)
      if (bytes.readUInt32BE(60) !== 999) throw new Error('the schema version of the newer ledger file was changed')
    })
  } finally {
    if (session?.id) await closeWindow().catch(() => {})
    await stop(driver)
    await stop(xvfb)
    if (process.env.E2E_KEEP === '1') log(`kept ${tmp}`)
    else rmSync(tmp, { recursive: true, force: true })
    log(`screenshots and logs in ${OUT}`)
    console.log(`SMOKE desktop: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
}

main().then(
  () => process.exit(failed ? 1 : 0),
  (e) => {
    if (!failed) {
      console.log(`not ok - setup: ${e?.stack ?? e}`)
      console.log(`SMOKE desktop: ${passed} passed, 1 failed`)
    }
    killAllNow()
    process.exit(1)
  },
)
