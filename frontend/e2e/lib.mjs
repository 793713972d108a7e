// Shared by the browser specs: Debian's Chromium through playwright-core,
// a fresh profile per run, the environment the Makefile sets, and a place
// for screenshots.

import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-out')

/** The menu of the shell, in order, as a clerk sees it. */
export const menuLabels = ['首页', '来访登记', '事项', '督办', '文书', '台账', '统计', '设置']

/** The menu as an administrator sees it: only what Go lets the role open (AuthState.screens). */
export const adminMenuLabels = ['首页', '事项', '督办', '台账', '统计', '设置']

/** Opens 设置 → 系统信息 (the version, the data file, the backups) and waits for the data file's path. */
export async function openSystemInfo(page) {
  await page.getByRole('menuitem', { name: '设置', exact: true }).click()
  await page.getByRole('tab', { name: '系统信息' }).click()
  await page.getByTestId('info-data-path').waitFor()
}

/** The name attribute of the element that has the cursor ('' when none). */
export async function focusedName(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')
}

/** Reads a required environment variable or stops with a plain message. */
export function env(name) {
  const v = process.env[name]
  if (!v) {
    throw new Error(`${name} is not set; the Makefile sets it (see frontend/e2e/run.mjs)`)
  }
  return v
}

/**
 * Starts Chromium with a fresh profile. Returns the context, a page whose
 * uncaught errors are collected in page.errors, and close().
 */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'laifang-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.LAIFANG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15_000)
  // Uncaught errors of the app's own code. The Wails dev runtime's scripts
  // (/wails/*.js) have their own, which are not ours to fix.
  page.errors = []
  page.on('pageerror', (e) => {
    if (!/\/wails\/[\w.-]+\.js/.test(e.stack ?? '')) page.errors.push(e)
  })
  return {
    context,
    page,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Saves a full-page screenshot as e2e-out/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(outDir, { recursive: true })
  const path = join(outDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Polls fn until it returns without throwing, or rethrows after timeout ms. */
export async function eventually(fn, timeout = 10_000) {
  const end = Date.now() + timeout
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      if (Date.now() > end) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

/** Waits until the element's CSS transitions and animations have finished. */
export async function settled(locator) {
  await locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
}

/**
 * Starts `laifang serve` (LAIFANG_BIN, which the Makefile sets) on a new
 * temp data folder and a free loopback port; with gen > 0 the folder first
 * gets a generated office of that many visits (`laifang gen --years 30`:
 * demo accounts admin, clerk1, clerk2, head, handler, reader, password
 * demoPassword; old archived cases past retention); files are written
 * into the folder first ({name: content}: the test build's marker and
 * clock). bin is another build to serve (the test build). Returns { url,
 * dataDir, stop() }.
 */
export async function startServe({ gen = 0, bin = env('LAIFANG_BIN'), files = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'laifang-e2e-data-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dataDir, name), content)
  if (gen > 0) {
    const r = spawnSync(bin, ['gen', '-n', String(gen), '--years', '30', '--data', dataDir], { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`laifang gen failed: ${r.stderr}`)
  }
  const child = spawn(bin, ['serve', '--data', dataDir, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${log}`)), 15_000)
    const read = (b) => {
      log += b
      const m = /https?:\/\/[0-9.:]+\//.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${log}`)))
  })
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The password of every account of a generated office (app/cli.DemoPassword). */
export const demoPassword = 'demo2026'

// --- the reception desk's specs (intake, repeat): one office, synthetic people ---

/** The administrator serve.spec.mjs sets up; the desk specs set the office up with it when they run first or alone. */
export const adminPassword = 'E2e-admin-2026'

/** A synthetic citizen ID number: area, birth date, sequence, check character (GB 11643). */
export function synthID(area, birth, seq) {
  const first = `${area}${birth}${seq}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first + '10X98765432'[sum % 11]
}

/** Calls Go over serve's HTTP API from the page, as the page's own code does. */
export async function callApi(page, service, method, args = []) {
  return page.evaluate(
    async ([service, method, args]) => {
      const csrf = document.cookie.split(';').map((s) => s.trim().split('=')).find(([k]) => k === 'laifang_csrf')?.[1] ?? ''
      const r = await fetch(`/api/${service}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Laifang-CSRF': decodeURIComponent(csrf) },
        body: JSON.stringify(args),
      })
      return { status: r.status, body: await r.json().catch(() => null) }
    },
    [service, method, args],
  )
}

/**
 * Opens url, sets the office up (or signs its administrator in) and adds
 * users ({login, name, password, role}); an account left by an earlier
 * run on the same data file is kept. Leaves the administrator signed in.
 */
export async function deskOffice(page, url, users) {
  await page.goto(url)
  const state = await callApi(page, 'Auth', 'State')
  const r = state.body.setupNeeded
    ? await callApi(page, 'Auth', 'Setup', [
        { orgName: '测试镇人民政府', orgCode: '测镇', adminName: '测试管理员', adminLogin: 'admin', password: adminPassword },
      ])
    : await callApi(page, 'Auth', 'Login', ['admin', adminPassword])
  if (r.status !== 200) throw new Error(`office: ${JSON.stringify(r.body)}`)
  for (const u of users) {
    const add = await callApi(page, 'Users', 'Save', [
      { id: 0, login: u.login, name: u.name, role: u.role, confidential: false, active: true, password: u.password, rev: 0 },
    ])
    if (!(add.status === 200 || /已|exists|taken/.test(JSON.stringify(add.body)))) throw new Error(`user ${u.login}: ${JSON.stringify(add.body)}`)
  }
}

/**
 * Calls Go over serve's HTTP API outside the page, with the browser's
 * cookies, on origin: for calls after which a page would reload itself (a
 * session ending), where an evaluate in the page would be cut off.
 */
export async function callApiOutside(page, origin, service, method, args = []) {
  const cookies = await page.context().cookies(origin)
  const csrf = cookies.find((c) => c.name === 'laifang_csrf')?.value ?? ''
  const r = await page.request.post(new URL(`/api/${service}/${method}`, origin).href, {
    headers: { 'Content-Type': 'application/json', 'X-Laifang-CSRF': decodeURIComponent(csrf) },
    data: JSON.stringify(args),
  })
  return { status: r.status(), body: await r.json().catch(() => null) }
}

/**
 * Signs user ({login, password}) in and opens the page it was on again,
 * signed in. The page is left for a blank one first: the app starts afresh
 * by itself when it sees its session end (the next person inherits nothing
 * of the last one's screens), and a page of the old session restarting in
 * the middle of the switch would race the test's own navigation.
 */
export async function signInAs(page, user) {
  const url = page.url()
  const origin = new URL(url).origin
  await page.goto('about:blank')
  await callApiOutside(page, origin, 'Auth', 'Logout')
  const r = await callApiOutside(page, origin, 'Auth', 'Login', [user.login, user.password])
  if (r.status !== 200) throw new Error(`login ${user.login}: ${JSON.stringify(r.body)}`)
  await page.goto(url)
  await page.getByTestId('user-name').waitFor()
}
