// A small W3C WebDriver client over fetch (Node 20+), enough to drive the
// Tauri window through tauri-driver -> WebKitWebDriver.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'

export class WebDriverError extends Error {
  constructor(error, message, status) {
    super(`${error}: ${message}`)
    this.error = error
    this.status = status
  }
}

export async function wdRequest(base, method, path, body, timeoutMs = 60000) {
  const res = await fetch(base + path, {
    method,
    signal: AbortSignal.timeout(timeoutMs),
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    throw new WebDriverError('bad response', `${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`, res.status)
  }
  const value = json.value
  if (!res.ok || (value && typeof value === 'object' && 'error' in value && value.error)) {
    throw new WebDriverError(value?.error ?? `HTTP ${res.status}`, value?.message ?? text.slice(0, 200), res.status)
  }
  return value
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Poll `fn` until it returns a truthy value (errors count as "not yet"). */
export async function waitFor(what, fn, { timeout = 15000, interval = 150 } = {}) {
  const end = Date.now() + timeout
  let last
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
    } catch (e) {
      last = e
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`)
    }
    await sleep(interval)
  }
}

export class Session {
  constructor(base, id) {
    this.base = base
    this.id = id
  }

  static async start(base, capabilities) {
    const v = await wdRequest(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } })
    return new Session(base, v.sessionId)
  }

  cmd(method, path, body) {
    return wdRequest(this.base, method, `/session/${this.id}${path}`, body)
  }

  async quit() {
    if (!this.id) return
    const id = this.id
    this.id = null
    await wdRequest(this.base, 'DELETE', `/session/${id}`)
  }

  title() {
    return this.cmd('GET', '/title')
  }

  /** Run a script in the page; `arguments[i]` are `args`. */
  exec(script, ...args) {
    return this.cmd('POST', '/execute/sync', { script, args })
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64')
  }

  source() {
    return this.cmd('GET', '/source')
  }

  /** All elements matching a CSS selector (possibly none). */
  async all(css) {
    const list = await this.cmd('POST', '/elements', { using: 'css selector', value: css })
    return list.map((e) => new Element(this, e[ELEMENT]))
  }

  /** The first element matching, or null. */
  async find(css) {
    const [first] = await this.all(css)
    return first ?? null
  }

  /** Wait until an element matching `css` is displayed. */
  async visible(css, opts) {
    return waitFor(`${css} to be visible`, async () => {
      for (const el of await this.all(css)) {
        if (await el.displayed()) return el
      }
      return null
    }, opts)
  }

  /** Wait until the element `[data-testid=id]` is displayed. */
  byTestId(id, opts) {
    return this.visible(`[data-testid="${id}"]`, opts)
  }
}

export class Element {
  constructor(session, id) {
    this.s = session
    this.id = id
  }

  cmd(method, path, body) {
    return this.s.cmd(method, `/element/${this.id}${path}`, body)
  }

  toJSON() {
    return { [ELEMENT]: this.id }
  }

  click() {
    return this.cmd('POST', '/click', {})
  }

  text() {
    return this.cmd('GET', '/text')
  }

  /** `innerText`: WebKitWebDriver's Get Element Text returns "" for some
   *  Element Plus containers (e.g. el-table) that are plainly visible. */
  innerText() {
    return this.s.exec('return arguments[0].innerText', this)
  }

  displayed() {
    return this.cmd('GET', '/displayed')
  }

  tag() {
    return this.cmd('GET', '/name')
  }

  async value() {
    return this.s.exec('return arguments[0].value', this)
  }

  async find(css) {
    const e = await this.cmd('POST', '/element', { using: 'css selector', value: css })
    return new Element(this.s, e[ELEMENT])
  }

  /** The `<input>`/`<textarea>` this element is or contains (Element Plus wraps them). */
  async field() {
    const tag = String(await this.tag()).toLowerCase()
    if (tag === 'input' || tag === 'textarea') return this
    return this.find('input, textarea')
  }

  /**
   * Type `text` into the field as a user would (WebDriver key events), then
   * check the value arrived; if the WebKit driver dropped characters (it can
   * with CJK text), set it through the DOM and fire `input` as Vue expects.
   */
  async type(text) {
    const input = await this.field()
    await input.click()
    await input.cmd('POST', '/clear', {})
    await input.cmd('POST', '/value', { text })
    if ((await input.value()) !== text) {
      await this.s.exec(
        `const el = arguments[0]; el.value = arguments[1];
         el.dispatchEvent(new Event('input', { bubbles: true }));
         el.dispatchEvent(new Event('change', { bubbles: true }));`,
        input,
        text,
      )
    }
    const got = await input.value()
    if (got !== text) throw new Error(`typed ${JSON.stringify(text)} but the field holds ${JSON.stringify(got)}`)
    return input
  }
}
