// What every browser test needs around playwright-core: Debian's chromium on
// a `ledger serve` page, numbered screenshots, steps that leave a FAIL-*.png
// behind, and the Element Plus gestures (pick an option, an org, a date, a
// file; download; check a page does not scroll sideways).
//
//   LEDGER_BIN  path of the ledger binary (default <repo>/target/debug/ledger)
//   UI_DIST     built UI (default <repo>/ui/dist)
//   CHROMIUM    browser binary (default /usr/bin/chromium)

import { it as nodeIt } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repo = path.resolve(here, '../../..')
export const LEDGER_BIN = process.env.LEDGER_BIN || path.join(repo, 'target/debug/ledger')
export const UI_DIST = process.env.UI_DIST || path.join(repo, 'ui/dist')
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
export const VIEWPORT = { width: 1366, height: 768 }

/** Today in Beijing time, as the backend dates things. */
export const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })

/** A command on PATH (pdftoppm, zbarimg), or null. */
export function tool(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null
  } catch {
    return null
  }
}

/** Fail early with a useful message when the binary or the UI build is missing. */
export function assertBuilt() {
  assert.ok(fs.existsSync(LEDGER_BIN), `no ledger binary at ${LEDGER_BIN}: run cargo build -p ledger-cli`)
  assert.ok(fs.existsSync(path.join(UI_DIST, 'index.html')), `no built UI at ${UI_DIST}: run npm run build in ui/`)
}

/**
 * A browser session for one test file. Screenshots go to `out` (emptied of
 * old PNGs); downloads to `tmp`. `h.page` is set by `h.launch()`.
 */
export function harness({ out, tmp }) {
  const h = { page: null, context: null, shot: 0, pageErrors: [] }

  h.launch = async () => {
    fs.mkdirSync(out, { recursive: true })
    for (const f of fs.readdirSync(out)) if (f.endsWith('.png')) fs.rmSync(path.join(out, f))
    h.context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
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
      // The offices are in China; the backend keeps dates in Beijing time too.
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    })
    h.context.setDefaultTimeout(10_000)
    h.page = h.context.pages()[0] ?? (await h.context.newPage())
    h.page.on('pageerror', (e) => h.pageErrors.push(String(e)))
    return h.page
  }

  h.close = async () => {
    await h.context?.close().catch(() => {})
  }

  h.snap = async (name) => {
    h.shot += 1
    const file = path.join(out, `${String(h.shot).padStart(2, '0')}-${name}.png`)
    await h.page.waitForTimeout(400) // let Element Plus transitions finish
    await h.page.screenshot({ path: file })
    return file
  }

  /** A test step that leaves a FAIL-*.png behind when it fails. */
  h.it = (name, fn) =>
    nodeIt(name, async () => {
      try {
        await fn()
      } catch (e) {
        const file = path.join(out, `FAIL-${name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`)
        await h.page?.screenshot({ path: file }).catch(() => {})
        // Leave no dialog open behind: the next step starts from a fresh page.
        await h.page?.reload().catch(() => {})
        throw e
      }
    })

  h.byTestId = (id) => h.page.locator(`[data-testid="${id}"]`)

  /** The form item (label + control + error) that holds an element. */
  h.formItemOf = (id) => h.page.locator('.el-form-item').filter({ has: h.byTestId(id) })

  /**
   * Pick an option in the el-select with this test id: the first option
   * containing `label` (or reading exactly `label`), then wait until the
   * select shows it (unless `shown: false`, for selects that show another text).
   */
  h.pickOption = async (selectTestId, label, { exact = false, shown = true } = {}) => {
    await h.byTestId(selectTestId).click()
    const options = h.page.locator('.el-select-dropdown__item:visible')
    const option = (exact ? options.filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }) : options.filter({ hasText: label })).first()
    await option.click()
    await option.waitFor({ state: 'hidden' })
    if (shown) await h.byTestId(selectTestId).filter({ hasText: label }).waitFor()
  }

  /** Pick an org in the tree-select dropdown of the OrgTreeSelect with this test id. */
  h.pickOrg = async (testId, name) => {
    await h.byTestId(testId).click()
    const node = h.page.locator('.org-tree-popper:visible .el-tree-node__content', { hasText: name }).first()
    await node.click()
    await node.waitFor({ state: 'hidden' })
    await h.byTestId(testId).filter({ hasText: name }).waitFor()
  }

  /** Go to a route of the app (hash history) on the current server. */
  h.gotoRoute = async (route) => {
    await h.page.goto(h.page.url().replace(/#.*$/, `#${route}`))
  }

  /** Set the hash route without a reload. */
  h.go = async (hash) => {
    await h.page.evaluate((x) => (window.location.hash = x), hash)
  }

  /** Set the date picker of the visible form item with this label by typing the date. */
  h.typeDate = async (label, date) => {
    const page = h.page
    const item = page.locator('.el-form-item:visible').filter({ has: page.locator('.el-form-item__label', { hasText: label }) })
    const input = item.locator('input').first()
    await input.fill(date)
    await input.press('Enter')
    await page.waitForFunction(
      ([l, d]) =>
        [...document.querySelectorAll('.el-form-item')].some(
          (f) => f.querySelector('.el-form-item__label')?.textContent?.includes(l) && f.querySelector('input')?.value === d,
        ),
      [label, date],
    )
  }

  /** Choose a file through the page's file chooser. */
  h.chooseFile = async (buttonTestId, file) => {
    const [chooser] = await Promise.all([h.page.waitForEvent('filechooser'), h.byTestId(buttonTestId).click()])
    await chooser.setFiles(file)
  }

  /** Click something that downloads; returns {name, bytes, file}. */
  h.download = async (click) => {
    const [dl] = await Promise.all([h.page.waitForEvent('download'), click()])
    const file = path.join(tmp, `dl-${Date.now()}-${dl.suggestedFilename()}`)
    await dl.saveAs(file)
    return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file), file }
  }

  h.noHorizontalScroll = async () => {
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `page scrolls horizontally by ${overflow}px`)
  }

  return h
}

/** A downloaded .xlsx: the name, a plausible size, a zip signature. */
export function assertXlsx({ name, bytes }) {
  assert.match(name, /\.xlsx$/, `download name ${name}`)
  assert.ok(bytes.length > 1000, `${name} is ${bytes.length} bytes`)
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${name} is not a zip (xlsx)`)
}
