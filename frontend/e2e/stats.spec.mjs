// The statistics screen (统计, issue 15) against `laifang serve` on a
// generated office: a month's report opens from its address, its figures
// are Go's, every chart is painted (its canvas holds pixels that are not
// background), it fits a 1366 × 768 office screen, the print page shows
// the charts as images, and the workbook downloads. A screenshot is kept
// in build/e2e/ (git-ignored).

import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { callApi, demoPassword, launch, signInAs, startServe } from './lib.mjs'

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'e2e')
const charts = ['chart-trend', 'chart-type', 'chart-channel', 'chart-category', 'chart-unit']

/** How many pixels of the canvases under testid are neither blank nor white. */
async function painted(page, testid) {
  return page.getByTestId(testid).evaluate((el) => {
    let n = 0
    for (const c of el.querySelectorAll('canvas')) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] > 0 && !(d[i] > 245 && d[i + 1] > 245 && d[i + 2] > 245)) n++
      }
    }
    return n
  })
}

describe('the statistics', () => {
  let office
  let browser

  before(async () => {
    office = await startServe({ gen: 6000 })
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await office?.stop()
  })

  test('a month opens with its figures, its charts painted, on an office screen', async () => {
    const page = browser.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(office.url)
    await signInAs(page, { login: 'head', password: demoPassword })
    // last month: a whole month of the generated office
    const now = new Date()
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1)
    const q = { kind: 'month', year: last.getFullYear(), num: last.getMonth() + 1, from: '', to: '' }
    const want = await callApi(page, 'Stats', 'Report', [q])
    assert.equal(want.status, 200, JSON.stringify(want.body))
    assert.ok(want.body.figures[0].value > 0, 'the generated month has cases')

    await page.goto(`${office.url}#/reports?kind=month&year=${q.year}&num=${q.num}`)
    await page.getByTestId('stats-kpis').waitFor()
    assert.match(await page.getByTestId('stats-period').innerText(), new RegExp(`${q.year}年${q.num}月`))
    for (const f of want.body.figures.filter((f) => !f.rate)) {
      const text = await page.getByTestId(`kpi-${f.key}`).innerText()
      assert.match(text, new RegExp(`(^|\\D)${f.value}(\\D|$)`), `${f.key}: ${text}`)
    }
    for (const c of charts) {
      await page.getByTestId(c).locator('canvas').first().waitFor()
    }
    // painted once the charts' animation is done
    for (const c of charts) {
      let n = 0
      for (let i = 0; i < 50 && n < 200; i++) {
        n = await painted(page, c)
        if (n < 200) await page.waitForTimeout(100)
      }
      assert.ok(n >= 200, `${c} is blank (${n} painted pixels)`)
    }
    // it fits the width of the screen: nothing scrolls sideways
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the page scrolls ${overflow}px sideways at 1366 × 768`)
    mkdirSync(buildDir, { recursive: true })
    await page.screenshot({ path: join(buildDir, 'stats-month.png'), fullPage: true })

    // the workbook downloads
    const download = page.waitForEvent('download')
    await page.getByTestId('stats-export').click()
    const file = await download
    assert.match(file.suggestedFilename(), /^信访统计-\d{4}年\d{1,2}月\.xlsx$/)

    // the print page draws the charts as images
    await page.goto(`${office.url}#/print/stats?kind=month&year=${q.year}&num=${q.num}`)
    await page.getByTestId('stats-sheet').waitFor()
    for (const c of ['trend', 'type', 'channel', 'category', 'unit']) {
      const src = await page.getByTestId(`print-chart-${c}`).getAttribute('src')
      assert.ok(src?.startsWith('data:image/png;base64,') && src.length > 2000, `print chart ${c}`)
    }
    await page.screenshot({ path: join(buildDir, 'stats-print.png'), fullPage: true })
    assert.deepEqual(page.errors, [])
  })

  test('a bad range is refused next to its field', async () => {
    const page = browser.page
    await page.goto(`${office.url}#/reports?kind=range&from=2026-03-10&to=2026-03-01`)
    const err = page.locator('.el-form-item__error')
    await err.first().waitFor()
    assert.match(await err.first().innerText(), /结束日期不能早于开始日期/)
    assert.deepEqual(page.errors, [])
  })
})
