// Spreadsheet fixtures the browser tests make for themselves: citizen IDs
// (valid, 15-digit legacy, full-width digits, wrong check digit) and CSV
// files in GB18030 — as Excel or WPS save them on Chinese Windows — or
// UTF-8 with a BOM.
//
// GB18030 is encoded without a dependency: Node's TextDecoder reads it, so
// the table of two-byte codes is built once by decoding every lead/trail
// pair (GBK range; enough for the Chinese text of a name list).

/** A valid 18-digit citizen ID from its first 17 digits (GB 11643 check digit). */
export function validId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * w[i]
  return first17 + '10X98765432'[sum % 11]
}

/** The same ID with its check digit wrong. */
export function badCheckDigit(id18) {
  const good = id18[17]
  const other = good === '1' ? '2' : '1'
  return id18.slice(0, 17) + other
}

/** A first-generation 15-digit ID: area, YYMMDD, sequence (born 19xx). */
export function legacy15(area6, yymmdd, seq3) {
  return `${area6}${yymmdd}${seq3}`
}

/** Its 18-digit upgrade: the century 19 inserted, a check digit added. */
export function upgraded15(id15) {
  return validId(`${id15.slice(0, 6)}19${id15.slice(6)}`)
}

/** ASCII digits and X as full-width characters (０１２…Ｘ), as some forms type them. */
export function fullWidth(s) {
  return [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
}

/** 138****8000 */
export function maskPhone(p) {
  return `${p.slice(0, 3)}****${p.slice(7)}`
}

/** 110105********002X */
export function maskId(id) {
  return `${id.slice(0, 6)}********${id.slice(14)}`
}

let gbTable = null
function gb18030Table() {
  if (gbTable) return gbTable
  const dec = new TextDecoder('gb18030', { fatal: false })
  gbTable = new Map()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = dec.decode(Uint8Array.of(lead, trail))
      if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [lead, trail])
    }
  }
  return gbTable
}

/** Text → GB18030 bytes (ASCII and the two-byte GBK range). */
export function encodeGb18030(text) {
  const table = gb18030Table()
  const out = []
  for (const ch of text) {
    const code = ch.codePointAt(0)
    if (code < 0x80) {
      out.push(code)
      continue
    }
    const pair = table.get(ch)
    if (!pair) throw new Error(`no GBK code for ${JSON.stringify(ch)} (U+${code.toString(16)})`)
    out.push(...pair)
  }
  return Buffer.from(out)
}

function csvCell(v) {
  const s = String(v ?? '')
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows → CSV text with CRLF line ends (as Excel writes them). */
export function csvText(rows) {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export function gb18030Csv(rows) {
  return encodeGb18030(csvText(rows))
}

export function utf8BomCsv(rows) {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows), 'utf8')])
}
