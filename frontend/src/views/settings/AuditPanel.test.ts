import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { setTransport, type AuditCheck, type AuditHead, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import AuditPanel from './AuditPanel.vue'

const hash = '3f2a9c1b7d4e0a55' + 'ab'.repeat(24)
const head: AuditHead = {
  count: 1234,
  hash,
  short: '3f2a 9c1b 7d4e 0a55',
  backupDir: '/srv/laifang/backups',
  anchors: [
    { at: '2026-11-29T08:00:00+08:00', count: 1100, short: '1111 2222 3333 4444', backup: 'laifang-2026-11-29.db', status: 'ok', detail: '' },
    {
      at: '2026-11-30T08:00:00+08:00', count: 1234, short: '5555 6666 7777 8888', backup: 'laifang-2026-11-30.db', status: 'rewritten',
      detail: '审计日志与 2026-11-30 的备份锚点（laifang-2026-11-30.db）不一致：第 1234 条及之前的记录被改写',
    },
  ],
}

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

function setup(h: AuditHead, check?: AuditCheck) {
  const call = vi.fn(async (service: string, method: string, _args: unknown[]) => {
    if (service === 'Audit' && method === 'Head') return structuredClone(h)
    if (service === 'Audit' && method === 'Verify') return structuredClone(check)
    if (service === 'Audit' && method === 'List') return { rows: [], more: false }
    return []
  })
  const fake: Transport = { name: 'http', call: (s, m, a) => call(s, m, a) }
  setTransport(fake)
  const w = mount(AuditPanel, { global: { plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus] } })
  return { w, call }
}

describe('AuditPanel', () => {
  it('shows the head to note on paper and each anchor with what Go compared, newest first', async () => {
    const { w } = setup(head)
    await flushPromises()
    const card = w.get('[data-testid="audit-head"]')
    expect(card.text()).toContain('共 1234 条')
    expect(w.get('[data-testid="audit-head-hash"]').text()).toBe('3f2a 9c1b 7d4e 0a55')
    expect(card.text()).toContain('抄在纸上')
    expect(card.text()).toContain('/srv/laifang/backups')
    const status = w.findAll('[data-testid="audit-anchor-status"]').map((s) => s.text())
    expect(status).toEqual(['被改写', '一致'])
    expect(card.text()).toContain('第 1234 条及之前的记录被改写')
  })

  it('says where the first anchor will go when there is none', async () => {
    const { w } = setup({ ...head, count: 0, hash: '', short: '', anchors: [] })
    await flushPromises()
    expect(w.get('[data-testid="audit-no-anchors"]').text()).toContain('/srv/laifang/backups')
    expect(w.find('[data-testid="audit-anchors"]').exists()).toBe(false)
  })
})
