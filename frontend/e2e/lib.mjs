// Shared by the browser specs: Debian's Chromium through playwright-core,
// a fresh profile per run, the environment the Makefile sets, and a place
// for screenshots.

import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'e2e-out')

/** The menu of the shell, in order. */
export const menuLabels = ['首页', '来访登记', '事项', '督办', '文书', '台账', '统计', '设置']

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
 * demoPassword; old archived cases past retention). Returns { url,
 * dataDir, stop() }.
 */
export async function startServe({ gen = 0 } = {}) {
  const bin = env('LAIFANG_BIN')
  const dataDir = mkdtempSync(join(tmpdir(), 'laifang-e2e-data-'))
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
