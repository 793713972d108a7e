// The shell through the Wails bridge itself: a `-tags dev` build serving
// frontend/dist with -devserver, whose runtime puts the bound Go services on
// window.go. The data must come through the generated bindings, not HTTP.
//   LAIFANG_URL        the dev server, e.g. http://127.0.0.1:34115/
//   LAIFANG_DATA_FILE  the full path of laifang.db the dev build opened

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { adminMenuLabels, env, launch, openSystemInfo, screenshot } from './lib.mjs'

const url = env('LAIFANG_URL')
const dataFile = env('LAIFANG_DATA_FILE')

describe('laifang through the Wails bridge', () => {
  let browser
  let page
  const apiCalls = []

  before(async () => {
    browser = await launch()
    page = browser.page
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r.url())
    })
  })
  after(async () => {
    await browser?.close()
  })

  test('the Wails runtime binds the services on window.go, each checking the session', async () => {
    await page.goto(url)
    await page.waitForFunction(() => typeof window.go?.app?.System?.Info === 'function')
    // Before the first setup the window's session may call nothing else.
    // The runtime rejects with an Error whose message is Go's {code, message}.
    const refused = await page.evaluate(() =>
      window.go.app.System.Info().then(
        () => null,
        (e) => JSON.parse(e instanceof Error ? e.message : e),
      ),
    )
    assert.equal(refused.code, 'auth.setup')
    const form = page.getByTestId('setup-form')
    await form.waitFor()
    await form.locator('input[name="orgName"]').fill('<img src=x onerror="window.__xss=1">桥接测试镇')
    await form.locator('input[name="orgCode"]').fill('桥')
    await form.locator('input[name="adminName"]').fill('桥接管理员')
    await form.locator('input[name="password"]').fill('Bridge-2026-x')
    await form.locator('input[name="confirm"]').fill('Bridge-2026-x')
    await page.getByTestId('setup-submit').click()
    await page.getByTestId('office-name').waitFor()
    assert.equal((await page.getByTestId('office-name').textContent())?.trim(), '<img src=x onerror="window.__xss=1">桥接测试镇')
    assert.equal(await page.evaluate(() => window.__xss), undefined)
    const info = await page.evaluate(() => window.go.app.System.Info())
    assert.equal(info.dataPath, dataFile)
    assert.equal(info.userName, '桥接管理员')
  })

  test('the shell shows the data file that came through window.go', async () => {
    for (const label of adminMenuLabels) {
      await page.getByRole('menuitem', { name: label, exact: true }).waitFor({ state: 'visible' })
    }
    await openSystemInfo(page)
    const path = page.getByTestId('info-data-path')
    assert.equal((await path.textContent())?.trim(), dataFile)
    assert.ok((await page.getByTestId('info-version').textContent())?.trim(), 'version is shown')
    assert.deepEqual(apiCalls, [], 'no call went over the HTTP transport')
    await screenshot(page, 'bridge-home')
    assert.deepEqual(page.errors, [])
  })
})
