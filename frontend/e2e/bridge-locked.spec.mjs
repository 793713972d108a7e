// A real error from Go through the Wails bridge: the dev build was started
// on a data file that `laifang serve` holds. The clerk must read why in
// Chinese, and get the data once the other program is closed.
//   LAIFANG_URL         the dev server
//   LAIFANG_DATA_FILE   the held laifang.db
//   LAIFANG_HOLDER_PID  the process holding it, which this spec stops

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launch, openSystemInfo, screenshot } from './lib.mjs'

const url = env('LAIFANG_URL')
const dataFile = env('LAIFANG_DATA_FILE')
const holder = Number(env('LAIFANG_HOLDER_PID'))

describe('a held data file, through the Wails bridge', () => {
  let browser
  let page

  before(async () => {
    browser = await launch()
    page = browser.page
  })
  after(async () => {
    await browser?.close()
  })

  test('the home screen says another program holds the file', async () => {
    await page.goto(url)
    await page.getByText('数据文件正被另一个程序使用').first().waitFor({ state: 'visible' })
    await screenshot(page, 'bridge-locked')
    assert.deepEqual(page.errors, [])
  })

  test('after the other program closes, 重新读取 opens it: the first setup, then the data file', async () => {
    process.kill(holder, 'SIGTERM')
    await page.getByRole('button', { name: '重新读取' }).click()
    // The file is new: the first setup comes first, then the shell.
    const form = page.getByTestId('setup-form')
    await form.waitFor()
    await form.locator('input[name="orgName"]').fill('某某镇人民政府')
    await form.locator('input[name="orgCode"]').fill('某镇')
    await form.locator('input[name="adminName"]').fill('王管理')
    await form.locator('input[name="password"]').fill('Held-2026-x')
    await form.locator('input[name="confirm"]').fill('Held-2026-x')
    await page.getByTestId('setup-submit').click()
    await openSystemInfo(page)
    const path = page.getByTestId('info-data-path')
    assert.equal((await path.textContent())?.trim(), dataFile)
  })
})
