// The ledger (台账) against `laifang serve` on a generated office, at the
// 1366 × 768 of an office PC (issue 15): a clerk filters the ledger, sees
// the total Go counts, reloads the address and finds the same filters and
// the same rows, exports the filtered ledger and opens the downloaded
// file: its title, headings and first rows are the ledger's. Runs its own
// server (LAIFANG_BIN) on a generated office: synthetic people only.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { after, before, describe, test } from 'node:test'
import { callApi, demoPassword, launch, outDir, screenshot, startServe } from './lib.mjs'

/** One file of a zip archive (an .xlsx is one), by name. */
function unzipEntry(buf, name) {
  // the end of the central directory: its size and offset
  let end = buf.length - 22
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--
  assert.ok(end >= 0, 'not a zip file')
  const count = buf.readUInt16LE(end + 10)
  let p = buf.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10)
    const size = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extra = buf.readUInt16LE(p + 30)
    const comment = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const entry = buf.toString('utf8', p + 46, p + 46 + nameLen)
    if (entry === name) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
      const data = buf.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    }
    p += 46 + nameLen + extra + comment
  }
  throw new Error(`${name} is not in the file`)
}

/** The cells' text of sheet row n (1-based), in order. */
function sheetRow(xml, n) {
  const row = new RegExp(`<row r="${n}"[^>]*>(.*?)</row>`).exec(xml)?.[1] ?? ''
  return [...row.matchAll(/<c [^>]*?(?:\/>|>(.*?)<\/c>)/g)].map((m) => {
    const t = /<t[^>]*>(.*?)<\/t>/.exec(m[1] ?? '')
    return t ? t[1] : (/<v>(.*?)<\/v>/.exec(m[1] ?? '')?.[1] ?? '')
  })
}

describe('the ledger', () => {
  let server
  let browser
  let page

  before(async () => {
    server = await startServe({ gen: 1500 })
    browser = await launch()
    page = browser.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(server.url)
    const r = await callApi(page, 'Auth', 'Login', ['clerk1', demoPassword])
    assert.equal(r.status, 200, JSON.stringify(r.body))
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('filters, the total, the same view after a reload, and the export', async () => {
    await page.goto(new URL('#/ledger', server.url).href)
    await page.reload()
    const total = page.getByTestId('ledger-total')
    await total.filter({ hasText: /共 \d+ 件/ }).waitFor()

    // a search word and a content category
    const text = page.getByTestId('ledger-text').locator('xpath=self::input|.//input').first()
    await text.fill('补偿')
    await page.getByTestId('ledger-category').click()
    await page.getByRole('option', { name: '城乡建设', exact: true }).click()
    await page.keyboard.press('Escape')
    await page.getByTestId('ledger-search').click()
    await page.waitForURL(/cat=11/)
    assert.match(decodeURIComponent(page.url()), /q=补偿/)
    const go = await callApi(page, 'Ledger', 'List', [
      { text: '补偿', overdue: false, from: '', to: '', channel: [], type: [], category: ['11'], status: [], unit: [], flags: [], handler: 0, sort: '', offset: 0, limit: 50 },
    ])
    assert.equal(go.status, 200, JSON.stringify(go.body))
    assert.ok(go.body.total > 0, 'the generated office has no case about 补偿 in 城乡建设')
    const want = go.body.exact ? `共 ${go.body.total} 件` : `约 ${go.body.total} 件`
    await total.filter({ hasText: want }).waitFor()
    const firstNo = go.body.rows[0].no
    const rows = page.getByTestId('ledger-table').locator('.ledger-row')
    await rows.first().filter({ hasText: firstNo }).waitFor()
    await screenshot(page, 'ledger-filtered')

    // the address keeps the view: reloaded, the same filters and rows
    const address = page.url()
    await page.reload()
    await total.filter({ hasText: want }).waitFor()
    assert.equal(page.url(), address)
    assert.equal(await text.inputValue(), '补偿')
    assert.match(await page.getByTestId('ledger-category').innerText(), /城乡建设/, 'the category is lost on reload')
    await rows.first().filter({ hasText: firstNo }).waitFor()

    // export: Go writes the file, the page downloads it
    const download = page.waitForEvent('download', { timeout: 60_000 })
    await page.getByTestId('ledger-export').click()
    const file = await download
    const saved = join(outDir, 'ledger-export.xlsx')
    await file.saveAs(saved)
    await page.getByTestId('ledger-exported').waitFor()
    const sheet = unzipEntry(readFileSync(saved), 'xl/worksheets/sheet1.xml')
    assert.match(sheetRow(sheet, 1)[0], /来访接待台账/)
    const heads = sheetRow(sheet, 2)
    assert.deepEqual(heads.slice(0, 5), ['登记编号', '登记日期', '信访人', '证件号码', '联系电话'])
    assert.equal(heads.length, 15)
    const rowCount = [...sheet.matchAll(/<row r="/g)].length - 2
    assert.equal(rowCount, go.body.total, 'the file holds another number of rows than the ledger')
    for (let i = 0; i < Math.min(5, go.body.rows.length); i++) {
      const line = sheetRow(sheet, i + 3)
      assert.equal(line[0], go.body.rows[i].no, `row ${i + 1} of the file`)
    }
    assert.deepEqual(page.errors, [])
  })
})
