// A generated office says on every screen that it is demo data (issue 12,
// item 20): `laifang gen` marks the file, Go's Auth.State tells the page,
// the banner shows on the sign-in page and in the shell. An office set up
// by hand never shows it. Runs `laifang serve` (LAIFANG_BIN) on temp data
// folders.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { callApi, demoPassword, launch, screenshot, startServe } from './lib.mjs'

const banner = '演示数据：本单位的全部人员和事项均为虚构，请勿用于实际工作'

async function signIn(page, login, password) {
  const form = page.getByTestId('login-form')
  await form.waitFor()
  await form.locator('input[name="login"]').fill(login)
  await form.locator('input[name="password"]').fill(password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('user-name').waitFor()
}

describe('the demo banner', () => {
  let demo
  let real
  let browser

  before(async () => {
    demo = await startServe({ gen: 200 })
    real = await startServe()
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await demo?.stop()
    await real?.stop()
  })

  test('a generated office says it is made up, before and after signing in, on every screen', async () => {
    const page = browser.page
    await page.goto(demo.url)
    await page.getByTestId('login-form').waitFor()
    assert.equal((await page.getByTestId('demo-banner').innerText()).trim(), banner)
    await signIn(page, 'clerk1', demoPassword)
    assert.equal((await page.getByTestId('demo-banner').innerText()).trim(), banner)
    await page.getByRole('menuitem', { name: '事项', exact: true }).click()
    await page.waitForURL(/\/cases/)
    assert.ok(await page.getByTestId('demo-banner').isVisible(), 'the banner stays on the case list')
    await screenshot(page, 'demo-banner')
    assert.deepEqual(page.errors, [])
  })

  test('an office set up by hand never shows it', async () => {
    const page = browser.page
    await page.goto(real.url)
    const setup = await callApi(page, 'Auth', 'Setup', [
      { orgName: '测试镇人民政府', orgCode: '测镇', adminName: '测试管理员', adminLogin: 'admin', password: 'Demo-e2e-2026' },
    ])
    assert.equal(setup.status, 200, JSON.stringify(setup.body))
    await page.reload()
    await page.getByTestId('user-name').waitFor()
    assert.equal(await page.getByTestId('demo-banner').count(), 0)
    await page.getByTestId('logout').click()
    await page.getByTestId('login-form').waitFor()
    assert.equal(await page.getByTestId('demo-banner').count(), 0)
    assert.deepEqual(page.errors, [])
  })
})
