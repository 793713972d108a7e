// The follow-up of a case, from the desk's 交办 to the archive, with the
// date moved the way days pass: a case's 交办期限 turns yellow, then red, on
// the home screen and on the 督办 screen; the desk records a 催办; the
// department signs for the task and reports back; the head accepts the
// report; the case is archived. A second case goes the office's own way:
// the head accepts it and signs the reply, the desk serves it and records
// the petitioner's satisfaction, the 复查 window lapses, the case is closed
// and archived.
//
// It runs on the test build (LAIFANG_SMOKE_BIN, -tags smoketest): a data
// folder with the test marker reads its date from a file the test rewrites
// (app/testhook.go). The release binary has no such clock.

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { callApi, env, eventually, launch, screenshot, signInAs, startServe, synthID } from './lib.mjs'

const screen = { width: 1366, height: 768 }
const admin = { login: 'admin', password: 'Follow-admin-2026' }
const clerk = { login: 'fclerk', name: '测试登记员', role: 'clerk', password: 'Follow-clerk-2026' }
const head = { login: 'fhead', name: '测试科长', role: 'head', password: 'Follow-head-2026' }
const handler = { login: 'fhandler', name: '测试承办人', role: 'handler', password: 'Follow-hand-2026' }

describe('a case followed from the 交办 to the archive, as days pass', () => {
  let srv
  let browser
  let page
  let unitId = 0
  let assigned = { caseId: 0, caseNo: '' }
  let accepted = { caseId: 0, caseNo: '' }

  /** Moves the program's date: the test build reads it at every tick. */
  function setDay(day) {
    writeFileSync(join(srv.dataDir, 'laifang.test-clock'), day + '\n')
  }

  async function as(user) {
    await signInAs(page, user)
  }

  async function home() {
    await page.goto(new URL('#/', srv.url).href)
    await page.getByTestId('queue').waitFor()
  }

  async function supervision() {
    await page.goto(new URL('#/supervision', srv.url).href)
    await page.reload() // a drawer left open on the same route closes
    await page.getByTestId('task-table').waitFor()
  }

  /** The queue group's line of the case, waited for. */
  function queueLine(kind, caseNo, clock = '交办期限') {
    return page.getByTestId(`queue-group-${kind}`).locator('tr', { hasText: caseNo }).filter({ hasText: clock })
  }

  async function openCase(c) {
    await page.goto(new URL(`#/cases/${c.caseId}`, srv.url).href)
    await page.getByText(c.caseNo).first().waitFor()
  }

  /** Takes a step of the case view: its button, then the dialog's fields, then save. */
  async function caseStep(action, fill = async () => {}) {
    await page.getByTestId('step-panel').getByTestId(`step-${action}`).click()
    const dlg = page.getByTestId('step-dialog')
    await dlg.waitFor()
    await fill(dlg)
    await dlg.getByTestId('step-save').click()
    await dlg.waitFor({ state: 'hidden' })
  }

  async function openTask(caseNo) {
    await supervision()
    await page.getByTestId('state-all').click()
    await page.getByTestId('task-table').locator('tr', { hasText: caseNo }).first().click()
    await page.getByTestId('task-drawer').waitFor()
  }

  /** Takes a step of the task drawer: its button, the dialog, submit. */
  async function taskStep(action, fill = async () => {}) {
    const drawer = page.getByTestId('task-drawer')
    await drawer.getByTestId(`step-${action}`).click()
    const dlg = page.getByRole('dialog').filter({ has: page.getByTestId('step-submit') })
    await dlg.waitFor()
    await fill(dlg)
    await dlg.getByTestId('step-submit').click()
    await dlg.waitFor({ state: 'hidden' }).catch(async (e) => {
      await screenshot(page, 'debug-task-step')
      throw e
    })
  }

  before(async () => {
    srv = await startServe({ bin: env('LAIFANG_SMOKE_BIN'), files: { 'laifang.test-data': '', 'laifang.test-clock': '2026-03-02\n' } })
    browser = await launch()
    page = browser.page
    await page.setViewportSize(screen)
    await page.goto(srv.url)
    const setup = await callApi(page, 'Auth', 'Setup', [
      { orgName: '测试县信访局', orgCode: '测县', adminName: '测试管理员', adminLogin: admin.login, password: admin.password },
    ])
    assert.equal(setup.status, 200, JSON.stringify(setup.body))
    const unit = await callApi(page, 'Units', 'Save', [
      { id: 0, name: '测试县自然资源局', kind: 'subordinate', contact: '测试联系人', phone: '0571-86000000', assignable: true, active: true, rev: 0 },
    ])
    assert.equal(unit.status, 200, JSON.stringify(unit.body))
    unitId = unit.body.id
    for (const u of [clerk, head, handler]) {
      const r = await callApi(page, 'Users', 'Save', [
        { id: 0, login: u.login, name: u.name, role: u.role, confidential: false, active: true, unit: u === handler ? unitId : 0, password: u.password, rev: 0 },
      ])
      assert.equal(r.status, 200, `${u.login}: ${JSON.stringify(r.body)}`)
    }
    await as(clerk)
    const now = (await callApi(page, 'Visits', 'Options')).body.now
    assert.match(now, /^2026-03-02/, 'the test build reads its date from the clock file')
    const person = (id, name, phone) => ({ id: 0, role: '主信访人', name, sex: 'M', idType: '', idNumber: id, phone, address: '测试县测试镇测试村 1 组' })
    const visit = (who, extra) => ({
      receivedAt: now,
      channel: '走访',
      reception: '一楼接待窗口',
      people: [who],
      present: 1,
      region: '测试县测试镇',
      type: '申诉求决',
      category: '07',
      record: { statement: '来访人陈述了诉求。', procedure: true, remedies: true },
      ...extra,
    })
    const a = await callApi(page, 'Visits', 'Register', [
      visit(person(synthID('330106', '19700312', '031'), '测试甲某', '13900010001'), {
        title: '测试：宅基地确权争议',
        demand: '请求核实宅基地四至并予确权。',
        facts: '与邻居对宅基地边界有争议。',
        disposal: 'assign',
        unitId,
        due: '2026-03-20',
        opinion: '请核实并于期限内报送办结报告。',
      }),
    ])
    assert.equal(a.status, 200, JSON.stringify(a.body))
    assigned = { caseId: a.body.caseId, caseNo: a.body.caseNo }
    const b = await callApi(page, 'Visits', 'Register', [
      visit(person(synthID('330106', '19650508', '051'), '测试乙某', '13900020002'), {
        title: '测试：养老保险待遇核定',
        demand: '请求重新核定养老保险待遇。',
        facts: '认为缴费年限计算有误。',
        disposal: 'report_to_head',
      }),
    ])
    assert.equal(b.status, 200, JSON.stringify(b.body))
    accepted = { caseId: b.body.caseId, caseNo: b.body.caseNo }
  })

  after(async () => {
    await browser?.close()
    await srv?.stop()
  })

  test('the department signs for the 交办 and sees only its own task', async () => {
    await as(handler)
    await openTask(assigned.caseNo)
    await taskStep('receive', (dlg) => dlg.locator('input[name=receiver]').fill('测试收件人'))
    await eventually(async () => assert.match(await page.getByTestId('drawer-status').textContent(), /办理中/))
    // The other case is not the department's: it is not on its 督办 list.
    await supervision()
    await page.getByTestId('state-all').click()
    await page.getByTestId('task-table').locator('tr', { hasText: assigned.caseNo }).first().waitFor()
    assert.equal(await page.getByTestId('task-table').locator('tr', { hasText: accepted.caseNo }).count(), 0)
  })

  test('the head accepts the second case the same day', async () => {
    await as(head)
    await openCase(accepted)
    await caseStep('accept')
    await eventually(async () => assert.ok(await page.getByText('已受理').first().isVisible()))
  })

  test('three days before its date the 交办期限 is yellow, on the home screen and on 督办', async () => {
    setDay('2026-03-17')
    await as(clerk)
    await home()
    const line = queueLine('due_soon', assigned.caseNo)
    await line.waitFor()
    assert.match(await line.textContent(), /交办期限/)
    assert.match(await line.getByTestId('queue-tag').getAttribute('class'), /warning/)
    assert.equal(await queueLine('overdue', assigned.caseNo).count(), 0)
    await supervision()
    const row = page.getByTestId('task-table').locator('tr', { hasText: assigned.caseNo }).first()
    assert.match(await row.getByTestId('task-due').getAttribute('class'), /due-soon/)
    await screenshot(page, 'follow-yellow')
  })

  test('past its date it is red, on both screens', async () => {
    setDay('2026-03-23')
    await as(clerk)
    await home()
    const line = queueLine('overdue', assigned.caseNo)
    await line.waitFor()
    assert.match(await line.getByTestId('queue-tag').getAttribute('class'), /danger/)
    assert.match(await line.textContent(), /超期\s*1\s*天|逾期|超/)
    assert.equal(await queueLine('due_soon', assigned.caseNo).count(), 0)
    await screenshot(page, 'follow-red-home')
    await supervision()
    const row = page.getByTestId('task-table').locator('tr', { hasText: assigned.caseNo }).first()
    assert.match(await row.getByTestId('task-due').getAttribute('class'), /due-overdue/)
    assert.match(await row.getByTestId('task-alert').textContent(), /逾期|催办/)
    await screenshot(page, 'follow-red-supervision')
  })

  test('the desk records a 催办 on the overdue task', async () => {
    await openTask(assigned.caseNo)
    await page.getByTestId('task-urge').click()
    const dlg = page.getByRole('dialog').filter({ has: page.getByTestId('urge-submit') })
    await dlg.waitFor()
    await dlg.getByText('一般催办', { exact: true }).click()
    await dlg.locator('textarea[name=urgeText]').fill('请于3月25日前报送办结报告。')
    await dlg.getByTestId('urge-submit').click()
    await dlg.waitFor({ state: 'hidden' })
    const urges = page.getByTestId('task-urges')
    await eventually(async () => assert.match(await urges.textContent(), /一般催办[\s\S]*3月25日前报送办结报告/))
  })

  test('the department reports back and the head accepts the report: the case is closed', async () => {
    await as(handler)
    await openTask(assigned.caseNo)
    await taskStep('feedback', async (dlg) => {
      await dlg.locator('textarea[name=text]').fill('经实地核查，宅基地四至清楚，已向来访人解释说明。')
      await dlg.locator('.el-select').click()
      await page.getByRole('option', { name: '解释说明' }).click()
      // the report's date opens on the day it is made
      assert.equal(await dlg.locator('.el-date-editor input').first().inputValue(), '2026-03-23')
    })
    await eventually(async () => assert.match(await page.getByTestId('drawer-status').textContent(), /待审核|已反馈/))
    await as(head)
    await openTask(assigned.caseNo)
    await taskStep('accept')
    await openCase(assigned)
    await eventually(async () => assert.ok(await page.getByText('已办结').first().isVisible()))
  })

  test('the head signs the reply to the second case, the desk serves it and records satisfaction', async () => {
    await as(head)
    await openCase(accepted)
    await caseStep('start_work')
    await caseStep('reply', async (dlg) => {
      await dlg.getByText('解释说明', { exact: true }).click()
      await dlg.getByTestId('step-text').fill('经核查，你的缴费年限计算无误，现予解释说明。')
    })
    await eventually(async () => assert.ok(await page.getByText('已答复').first().isVisible()))
    await as(clerk)
    await openCase(accepted)
    await caseStep('serve_reply', async (dlg) => {
      await dlg.getByText('直接送达', { exact: true }).click()
    })
    await caseStep('rating', async (dlg) => {
      await dlg.getByText('基本满意', { exact: true }).click()
    })
    await eventually(async () => assert.ok(await page.getByText('基本满意').first().isVisible()))
    // The reply is on the queue's 复查 window, no longer to serve nor to rate.
    await home()
    await queueLine('review_window', accepted.caseNo).or(page.getByTestId('queue-group-review_window').getByText(accepted.caseNo)).first().waitFor()
    assert.equal(await page.getByTestId('queue-group-satisfaction').getByText(accepted.caseNo).count(), 0)
  })

  test('once the 复查 window has lapsed the app closes the case at the next sign-in, then both are archived', async () => {
    setDay('2026-05-08')
    await as(clerk)
    await openCase(accepted)
    // Nobody asked for a 复查 in time: the reply is final and the app itself closed the case.
    await eventually(async () => assert.ok(await page.getByText('已办结').first().isVisible()))
    await page.getByText('复查期限届满，办结').first().waitFor()
    assert.equal(await page.getByTestId('step-panel').getByTestId('step-review_lapsed').count(), 0)
    for (const c of [accepted, assigned]) {
      await openCase(c)
      await caseStep('archive')
      await eventually(async () => assert.ok(await page.getByText('已归档').first().isVisible()))
    }
    await screenshot(page, 'follow-archived')
    // An archived case owes nothing: it has left every group of the queue.
    await home()
    for (const c of [accepted, assigned]) {
      assert.equal(await page.getByTestId('queue').getByText(c.caseNo, { exact: true }).count(), 0, `${c.caseNo} is still queued`)
    }
    assert.deepEqual(page.errors, [])
  })
})
