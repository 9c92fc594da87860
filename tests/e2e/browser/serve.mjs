// `ledger serve` for a browser test: start it on a free port, call its API
// directly (to set up what a test takes as given), stop it.

import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** Start `ledger serve`; resolves with {proc, url, origin, token} once it printed its URL. */
export function startServer(bin, db, uiDist) {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin, ['--db', db, 'serve', '--port', '0', '--ui', uiDist], {
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
    createInterface({ input: proc.stdout }).once('line', (line) => {
      clearTimeout(timer)
      proc.removeAllListeners('exit')
      const url = line.trim()
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/.test(url)) {
        proc.kill('SIGKILL')
        reject(new Error(`unexpected first line from ledger serve: ${line}`))
        return
      }
      const u = new URL(url)
      resolve({ proc, url, origin: u.origin, token: u.searchParams.get('token') })
    })
  })
}

export function stopServer(s) {
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

/** Call a backend command the way the browser UI does. */
export async function callApi(s, command, args = {}) {
  const res = await fetch(`${s.origin}/api/${command}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${s.token}` },
    body: JSON.stringify(args),
  })
  const text = await res.text()
  const body = text ? JSON.parse(text) : null
  if (!res.ok) throw new Error(`${command}: HTTP ${res.status} ${text}`)
  return body
}
