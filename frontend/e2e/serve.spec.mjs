// The shell against `laifang serve`: the browser talks to the real Go
// backend over the HTTP transport, on the data file the Makefile made.
//   LAIFANG_URL        e.g. http://127.0.0.1:41234/
//   LAIFANG_DATA_FILE  the full path of laifang.db that serve opened

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { env, launch, menuLabels, screenshot, settled } from './lib.mjs'

const url = env('LAIFANG_URL')
const dataFile = env('LAIFANG_DATA_FILE')

describe('laifang serve', () => {
  let browser
  let page

  before(async () => {
    browser = await launch()
    page = browser.page
  })
  after(async () => {
    await browser?.close()
  })

  test('the shell renders in Chinese with the whole menu', async () => {
    const apiCalls = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r)
    })
    await page.goto(url)
    for (const label of menuLabels) {
      const item = page.getByRole('menuitem', { name: label, exact: true })
      await item.waitFor({ state: 'visible' })
    }
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    assert.match(await page.title(), /首页/)
    // The info came over HTTP, since a browser has no window.go.
    assert.ok(apiCalls.some((r) => new URL(r.url()).pathname === '/api/System/Info'))
    assert.equal(await page.evaluate(() => typeof window.go), 'undefined')
  })

  test('the home screen shows what System.Info returns', async () => {
    const path = page.getByTestId('info-data-path')
    await path.waitFor()
    assert.equal((await path.textContent())?.trim(), dataFile)

    const version = (await page.getByTestId('info-version').textContent())?.trim()
    assert.ok(version, 'version is shown')
    if (process.env.LAIFANG_VERSION) assert.equal(version, process.env.LAIFANG_VERSION)

    const size = (await page.getByTestId('info-data-size').textContent())?.trim()
    assert.match(size ?? '', /^\d+(\.\d)? (B|KB|MB|GB|TB)$/)
    assert.ok((await page.getByTestId('info-backup-dir').textContent())?.trim(), 'backup folder is shown')
    assert.ok((await page.getByTestId('user-name').textContent())?.trim(), 'user is shown')
    assert.ok((await page.getByTestId('office-name').textContent())?.trim(), 'office is shown')

    await screenshot(page, 'serve-home')
    assert.deepEqual(page.errors, [])
  })

  test('a screen not built yet says so in Chinese', async () => {
    await page.getByRole('menuitem', { name: '来访登记', exact: true }).click()
    await page.getByText('“来访登记”功能尚未开放').waitFor()
    assert.match(page.url(), /#\/visits$/)
    assert.match(await page.title(), /来访登记/)
  })

  test('an error from Go shows its Chinese message', async () => {
    // Go answers System.Info with an error, as it does when another program
    // holds the data file; the clerk sees the message in the toast.
    const message = '数据文件正被另一个程序使用（可能已打开了另一个来访接待窗口或服务）。请关闭它后重试。'
    await page.route('**/api/System/Info', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ code: 'store.locked', message }),
      }),
    )
    try {
      await page.goto(new URL('#/', url).href)
      await page.reload()
      const toast = page.locator('.el-message--error').filter({ hasText: message })
      await toast.waitFor({ state: 'visible' })
      await settled(toast)
      // The home screen says what failed and offers to try again.
      await page.getByRole('button', { name: '重新读取' }).waitFor()
      await screenshot(page, 'serve-error-toast')
    } finally {
      await page.unroute('**/api/System/Info')
    }
  })

  test('a broken answer shows a Chinese message, not a raw error', async () => {
    await page.route('**/api/System/Info', (route) =>
      route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    )
    try {
      await page.reload()
      const toast = page.locator('.el-message--error').filter({ hasText: '服务返回了无法识别的内容' })
      await toast.waitFor({ state: 'visible' })
      assert.match((await toast.textContent()) ?? '', /HTTP 502/)
    } finally {
      await page.unroute('**/api/System/Info')
    }
    // Back to the real backend: "retry" recovers the screen.
    await page.getByRole('button', { name: '重新读取' }).click()
    await page.getByTestId('info-data-path').waitFor()
  })
})
