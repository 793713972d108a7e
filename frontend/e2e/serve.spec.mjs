// The shell against `laifang serve`: the browser talks to the real Go
// backend over the HTTP transport, on the data file the Makefile made.
//   LAIFANG_URL        e.g. http://127.0.0.1:41234/
//   LAIFANG_DATA_FILE  the full path of laifang.db that serve opened

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { adminMenuLabels, callApi, env, eventually, focusedName, launch, openSystemInfo, screenshot, settled } from './lib.mjs'

const url = env('LAIFANG_URL')
const dataFile = env('LAIFANG_DATA_FILE')
const adminPassword = 'E2e-admin-2026'

// What petitioners (or anyone) may type: it must show as text and run nothing.
const xss = {
  office: '<img src=x onerror="window.__xss=1">某镇{{ 7*7 }}',
  script: '<script>window.__xss=2</script>',
  name: '<b>王</b>{{ $t }}',
  long: '长'.repeat(5000),
}

/** Fails if any payload ran or became markup. */
async function assertNothingRan(page) {
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'a payload ran')
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'a payload became an element')
  assert.equal(await page.locator('b', { hasText: '王' }).count(), 0, 'a payload became markup')
  assert.deepEqual(page.errors, [])
}

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

  test('a new data file asks for the first setup; petitioner-style text stays text', async () => {
    await page.goto(url)
    const form = page.getByTestId('setup-form')
    await form.waitFor()
    assert.match((await page.locator('body').textContent()) ?? '', /首次设置/)
    // Without a session the API answers nothing but the login.
    const denied = await page.evaluate(async () => {
      const r = await fetch('/api/System/Info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' })
      return [r.status, (await r.json()).message]
    })
    assert.deepEqual(denied, [401, '请先登录。'])
    // 完成设置 on an empty form marks every empty required field at once.
    await page.getByTestId('setup-submit').click()
    await eventually(async () => {
      const marked = await form.locator('.el-form-item.is-error input').evaluateAll((els) => els.map((e) => e.name))
      assert.deepEqual(marked.sort(), ['adminName', 'orgCode', 'orgName', 'password'])
    })
    // A weak password is refused next to its field, in Chinese.
    await form.locator('input[name="orgName"]').fill(xss.office)
    await form.locator('input[name="orgCode"]').fill('某镇')
    await form.locator('input[name="reviewOrg"]').fill(xss.script)
    await form.locator('input[name="recheckOrg"]').fill(xss.long.slice(0, 100))
    await form.locator('input[name="adminName"]').fill(xss.name)
    await form.locator('input[name="password"]').fill('short')
    await form.locator('input[name="confirm"]').fill('short')
    await page.getByTestId('setup-submit').click()
    await form.locator('.el-form-item__error', { hasText: '密码至少 8 位' }).waitFor()
    await form.locator('input[name="password"]').fill(adminPassword)
    await form.locator('input[name="confirm"]').fill(adminPassword)
    await page.getByTestId('setup-submit').click()
    await page.getByTestId('office-name').waitFor()
    assert.equal((await page.getByTestId('office-name').textContent())?.trim(), xss.office)
    assert.equal((await page.getByTestId('user-name').textContent())?.trim(), xss.name)
    await assertNothingRan(page)
  })

  test('the shell renders in Chinese with the menu of what the administrator may open', async () => {
    const apiCalls = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(r)
    })
    await page.goto(url)
    await page.getByRole('menuitem', { name: '首页', exact: true }).waitFor({ state: 'visible' })
    const items = await page.getByRole('menuitem').allTextContents()
    assert.deepEqual(items.map((x) => x.trim()), adminMenuLabels)
    // 来访登记 is not offered to an administrator, nor opened by its address.
    await page.goto(new URL('#/visits', url).href)
    await eventually(() => assert.match(page.url(), /#\/$/))
    await page.getByTestId('home-title').waitFor()
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
    assert.match(await page.title(), /首页/)
    // The info came over HTTP, since a browser has no window.go.
    assert.ok(apiCalls.some((r) => new URL(r.url()).pathname === '/api/System/Info'))
    assert.equal(await page.evaluate(() => typeof window.go), 'undefined')
  })

  test('设置 → 系统信息 shows what System.Info returns; the home page shows no file paths', async () => {
    await page.getByTestId('home-title').waitFor()
    assert.equal(await page.getByTestId('info-data-path').count(), 0, 'the data file is not on the home page')
    assert.doesNotMatch((await page.locator('.shell-main').textContent()) ?? '', /laifang\.db|backup/)
    await openSystemInfo(page)
    const path = page.getByTestId('info-data-path')
    assert.equal((await path.textContent())?.trim(), dataFile)

    // A release version (0.1.0), the commit at most as a suffix: not a bare hash.
    const version = (await page.getByTestId('info-version').textContent())?.trim()
    assert.match(version ?? '', /^\d+\.\d+\.\d+(\+[0-9a-f]{7,}(\.dirty)?)?$/)
    if (process.env.LAIFANG_VERSION) assert.equal(version, process.env.LAIFANG_VERSION)

    const size = (await page.getByTestId('info-data-size').textContent())?.trim()
    assert.match(size ?? '', /^\d+(\.\d)? (B|KB|MB|GB|TB)$/)
    assert.ok((await page.getByTestId('info-backup-dir').textContent())?.trim(), 'backup folder is shown')
    assert.ok((await page.getByTestId('user-name').textContent())?.trim(), 'user is shown')
    assert.ok((await page.getByTestId('office-name').textContent())?.trim(), 'office is shown')

    await screenshot(page, 'serve-system')
    assert.deepEqual(page.errors, [])
  })

  test('a screen of the menu opens with its name in the title', async () => {
    await page.getByRole('menuitem', { name: '统计', exact: true }).click()
    await page.getByTestId('stats').waitFor()
    assert.match(page.url(), /#\/reports/)
    assert.match(await page.title(), /统计/)
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
      // 设置 → 系统信息 says what failed and offers to try again.
      await page.getByRole('menuitem', { name: '设置', exact: true }).click()
      await page.getByRole('tab', { name: '系统信息' }).click()
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
    await page.getByRole('tab', { name: '系统信息' }).click()
    await page.getByRole('button', { name: '重新读取' }).click()
    await page.getByTestId('info-data-path').waitFor()
  })
})

describe('laifang serve: users, roles, audit, sessions', () => {
  let browser
  let page

  before(async () => {
    browser = await launch()
    page = browser.page
    await page.goto(url)
    await signIn(page, 'admin', adminPassword)
  })
  after(async () => {
    await browser?.close()
  })

  async function signIn(p, login, password) {
    const form = p.getByTestId('login-form')
    await form.waitFor()
    await form.locator('input[name="login"]').fill(login)
    await form.locator('input[name="password"]').fill(password)
    await p.getByTestId('login-submit').click()
    await p.getByTestId('user-name').waitFor()
  }

  async function openUsers(p) {
    await p.getByRole('menuitem', { name: '设置', exact: true }).click()
    await p.getByRole('tab', { name: '用户' }).click()
    await p.getByTestId('users-table').waitFor()
  }

  test('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const cookies = await browser.context.cookies()
    const session = cookies.find((c) => c.name === 'laifang_session')
    assert.ok(session, 'session cookie')
    assert.equal(session.httpOnly, true)
    assert.equal(session.sameSite, 'Strict')
    assert.equal(await page.evaluate(() => document.cookie.includes('laifang_session')), false)
  })

  test('the administrator adds a clerk; petitioner-style text and long text in every field', async () => {
    await openUsers(page)
    await page.getByTestId('user-add').click()
    const dialog = page.getByRole('dialog')
    // The cursor starts in 姓名, and Enter saves.
    await eventually(async () => assert.equal(await focusedName(page), 'name'))
    await page.keyboard.insertText(xss.long)
    await dialog.locator('input[name="login"]').fill('clerk1')
    await dialog.locator('input[name="password"]').fill('Clerk-2026-x')
    await dialog.locator('input[name="password"]').press('Enter')
    // maxlength keeps the input at 30; Go accepts exactly that much.
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    // 可查看保密件 says 是 or 否, never nothing.
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: 'clerk1' })
    assert.equal((await row.getByTestId('user-confidential').textContent())?.trim(), '否')
    await page.getByTestId('user-edit-clerk1').click()
    await dialog.locator('input[name="name"]').fill(xss.script.slice(0, 30))
    await page.getByTestId('user-save').click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await page.getByTestId('users-table').getByText(xss.script.slice(0, 30), { exact: true }).waitFor()
    await assertNothingRan(page)
    await screenshot(page, 'serve-users')
  })

  test('an edit of a user changed meanwhile on another PC is refused, in Chinese', async () => {
    const other = await browser.context.newPage()
    await other.goto(url)
    await other.getByTestId('user-name').waitFor()
    await openUsers(page)
    await openUsers(other)
    await page.getByTestId('user-edit-clerk1').click()
    await other.getByTestId('user-edit-clerk1').click()
    await other.getByRole('dialog').locator('input[name="name"]').fill('李登记')
    await other.getByTestId('user-save').click()
    await other.getByRole('dialog').waitFor({ state: 'hidden' })
    await page.getByRole('dialog').locator('input[name="name"]').fill('张登记')
    await page.getByTestId('user-save').click()
    const err = page.getByTestId('user-error')
    await err.waitFor()
    assert.match((await err.textContent()) ?? '', /已被其他人修改/)
    await page.keyboard.press('Escape')
    await other.close()
  })

  test('the audit viewer lists the logins and filters by action, naming records as a person would', async () => {
    await page.getByRole('tab', { name: '审计日志' }).click()
    const table = page.getByTestId('audit-table')
    await table.getByText('添加用户').first().waitFor()
    const records = await table.getByTestId('audit-record').allTextContents()
    assert.ok(records.includes('单位设置'), `records: ${records}`)
    assert.ok(records.includes('用户「李登记」'), `records: ${records}`)
    assert.ok(!records.some((r) => /#|^user|^settings/.test(r)), `an internal name: ${records}`)
    await page.getByTestId('audit-action').click()
    await page.getByRole('option', { name: '修改用户', exact: true }).click()
    await page.getByTestId('audit-search').click()
    await eventually(async () => {
      const actions = await table.locator('tbody tr td:nth-child(4)').allTextContents()
      assert.ok(actions.length >= 1)
      assert.deepEqual([...new Set(actions.map((a) => a.trim()))], ['修改用户'])
    })
    await page.getByTestId('audit-verify').click()
    await page.getByTestId('audit-verify-result').getByText(/审计日志完整/).waitFor()
    await screenshot(page, 'serve-audit')
    await assertNothingRan(page)
  })

  test('the lock screen keeps what was typed, takes the password where the cursor is, and says who locked it', async () => {
    await page.getByRole('menuitem', { name: '设置', exact: true }).click()
    await page.getByRole('tab', { name: '单位设置' }).click()
    const field = page.getByTestId('office-form').locator('input[name="orgName"]')
    await field.waitFor()
    const typed = '尚未保存的单位名称'
    await field.fill(typed)
    await page.getByTestId('lock-now').click()
    const lock = page.getByTestId('lock-screen')
    await lock.waitFor()
    // Locked by hand: no word of "a long time without use".
    assert.doesNotMatch((await page.getByTestId('lock-hint').textContent()) ?? '', /长时间未操作/)
    await eventually(async () => assert.equal(await focusedName(page), 'unlock-password'))
    await page.keyboard.type(adminPassword)
    await page.keyboard.press('Enter')
    await lock.waitFor({ state: 'detached' })
    assert.equal(await field.inputValue(), typed)
    assert.deepEqual(page.errors, [])
  })
  test('a clerk signs in and sees no administrator tabs; wrong passwords wait', async () => {
    await page.getByTestId('logout').click()
    const form = page.getByTestId('login-form')
    await form.waitFor()
    await form.locator('input[name="login"]').fill('clerk1')
    await form.locator('input[name="password"]').fill('wrong-pass-1')
    await page.getByTestId('login-submit').click()
    await form.locator('.el-form-item__error', { hasText: '登录名或密码不正确' }).waitFor()
    await signIn(page, 'clerk1', 'Clerk-2026-x')
    assert.equal((await page.getByTestId('user-role').textContent())?.trim(), '登记员')
    await page.getByRole('menuitem', { name: '设置', exact: true }).click()
    await page.getByRole('tab', { name: '单位设置' }).waitFor()
    assert.equal(await page.getByRole('tab', { name: '用户' }).count(), 0)
    // Go refuses even when the UI is bypassed.
    const refused = await page.evaluate(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('laifang_csrf='))?.split('=')[1]
      const r = await fetch('/api/Users/List', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Laifang-CSRF': csrf },
        body: '[]',
      })
      return [r.status, (await r.json()).message]
    })
    assert.deepEqual(refused, [403, '您的角色（登记员）没有权限执行此操作。'])
  })

  test('after 退出登录 the cursor is in 登录名; a password typed there is not written to the audit log', async () => {
    // Leave a screen open, and a mark in the page, for the next person.
    await page.getByTestId('user-name').waitFor()
    await page.goto(new URL('#/settings', url).href)
    await page.getByRole('tab', { name: '单位设置' }).waitFor()
    await page.evaluate(() => {
      window.__lastSession = 'clerk1'
    })
    await page.getByTestId('logout').click()
    const form = page.getByTestId('login-form')
    await form.waitFor()
    await eventually(async () => assert.equal(await focusedName(page), 'login'))
    // The next person types the password into 登录名 too, by mistake.
    const typed = 'Oops-Pass-2026'
    await page.keyboard.type(typed)
    await page.keyboard.press('Tab')
    await page.keyboard.type(typed)
    await page.keyboard.press('Enter')
    await form.locator('.el-form-item__error', { hasText: '登录名或密码不正确' }).waitFor()
    // The administrator signs in: at 首页, on a fresh page.
    await form.locator('input[name="login"]').fill('admin')
    await form.locator('input[name="password"]').fill(adminPassword)
    await page.getByTestId('login-submit').click()
    await page.getByTestId('home-title').waitFor()
    assert.match(page.url(), /#\/$/)
    assert.equal(await page.evaluate(() => window.__lastSession), undefined, 'the last session\'s page is still there')
    await page.getByRole('menuitem', { name: '设置', exact: true }).click()
    await page.getByRole('tab', { name: '审计日志' }).click()
    await page.getByTestId('audit-action').click()
    await page.getByRole('option', { name: '登录失败', exact: true }).click()
    await page.getByTestId('audit-search').click()
    const table = page.getByTestId('audit-table')
    await table.getByText('登录名不存在').first().waitFor()
    assert.doesNotMatch((await table.textContent()) ?? '', new RegExp(typed))
  })

  test('a reader is offered only what the role may open, and every sign-in starts at 首页', async () => {
    const add = await callApi(page, 'Users', 'Save', [
      { id: 0, login: 'reader1', name: '查阅员', role: 'reader', confidential: false, active: true, password: 'Reader-2026-x', rev: 0 },
    ])
    assert.equal(add.status, 200, JSON.stringify(add.body))
    // The administrator leaves the user list open.
    await page.getByRole('tab', { name: '用户' }).click()
    await page.getByTestId('users-table').waitFor()
    await page.getByTestId('logout').click()
    await signIn(page, 'reader1', 'Reader-2026-x')
    await page.getByTestId('home-title').waitFor()
    assert.match(page.url(), /#\/$/)
    const items = (await page.getByRole('menuitem').allTextContents()).map((x) => x.trim())
    assert.deepEqual(items, ['首页', '事项', '督办', '台账', '统计', '设置'])
    await page.goto(new URL('#/visits', url).href)
    await eventually(() => assert.match(page.url(), /#\/$/))
    await page.getByTestId('home-title').waitFor()
    assert.equal(await page.locator('.el-message--error').count(), 0, 'a red refusal')
  })

  test('the left menu is reached with Tab and opens a screen with Enter', async () => {
    await page.getByTestId('home-title').waitFor()
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined))
    let role = ''
    for (let i = 0; i < 3 && role !== 'menuitem'; i++) {
      await page.keyboard.press('Tab')
      role = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? '')
    }
    assert.equal(role, 'menuitem', 'Tab does not reach the menu')
    assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), '首页')
    await page.keyboard.press('ArrowDown')
    assert.equal((await page.evaluate(() => document.activeElement?.textContent))?.trim(), '事项')
    await page.keyboard.press('Enter')
    await eventually(() => assert.match(page.url(), /#\/cases/))
    assert.deepEqual(page.errors, [])
  })

  test('the 插入口径 picker opens with the cursor in its search box', async () => {
    await page.getByTestId('logout').click()
    await signIn(page, 'clerk1', 'Clerk-2026-x')
    await page.goto(new URL('#/visits', url).href)
    const pick = page.getByTestId('wording-pick').first()
    await pick.click()
    const search = page.getByTestId('wording-picker').locator('input').first()
    await search.waitFor()
    await eventually(async () => assert.ok(await search.evaluate((el) => el === document.activeElement), 'the cursor is not in the search box'))
    await page.keyboard.type('工资')
    assert.equal(await search.inputValue(), '工资')
    await page.keyboard.press('Escape')
    assert.deepEqual(page.errors, [])
  })
})
