// 设置 → 导入台账 against `laifang serve` (issue 15, Excel in): a clerk of a
// generated office uploads the ledger LibreOffice made with five planted
// mistakes, sees Go's mapping and the five rows refused, imports, and
// finds an imported case. Runs its own serve (LAIFANG_BIN) on a temp folder.

import assert from 'node:assert/strict'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { demoPassword, launch, screenshot, settled, startServe } from './lib.mjs'

const ledger = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app', 'testdata', 'ledger', 'ledger_mistakes.xlsx')

describe('importing the old ledger', () => {
  let serve
  let browser

  before(async () => {
    serve = await startServe({ gen: 200 })
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await serve?.stop()
  })

  test('upload, mapping, dry run, import', async () => {
    const page = browser.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(serve.url)
    const form = page.getByTestId('login-form')
    await form.locator('input[name="login"]').fill('clerk1')
    await form.locator('input[name="password"]').fill(demoPassword)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('user-name').waitFor()
    await page.getByRole('menuitem', { name: '设置', exact: true }).click()
    await page.getByRole('tab', { name: '导入台账' }).click()
    await page.getByTestId('import-file').setInputFiles(ledger)
    await page.getByTestId('import-columns').waitFor()
    assert.match(await page.getByTestId('import-columns').innerText(), /来访人/)
    await page.getByTestId('import-check').click()
    await page.getByTestId('import-problems').waitFor()
    const summary = await page.getByTestId('import-summary').innerText()
    assert.match(summary, /可导入 25 件/)
    assert.match(summary, /有错误 5 行/)
    const problems = await page.getByTestId('import-problems').innerText()
    for (const row of ['7', '12', '16', '21', '26']) assert.match(problems, new RegExp(`\\b${row}\\b`))
    await screenshot(page, 'import-report')
    await page.getByTestId('import-run').click()
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 })
    assert.match(await page.getByTestId('import-done').innerText(), /新增 25 件/)
    await settled(page.getByTestId('import-progress'))
    await screenshot(page, 'import-done')
    assert.deepEqual(page.errors, [])
  })
})
