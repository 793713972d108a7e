import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { setTransport, type Transport } from '@/api'
import { createLaifangI18n } from '@/i18n'
import BackupPanel from './BackupPanel.vue'

afterEach(() => {
  setTransport(null)
  document.body.innerHTML = ''
})

const info = { version: '1', dataPath: '/d/laifang.db', dataSize: 1, backupDir: '/d/backups', officeName: 'x', userName: 'y' }

function setup(backup: () => unknown) {
  const call = vi.fn(async (service: string, method: string) => {
    if (service === 'System' && method === 'Info') return info
    if (service === 'System' && method === 'Backup') return backup()
    throw new Error(`unexpected ${service}.${method}`)
  })
  const fake: Transport = { name: 'http', call: (s, m) => call(s, m) }
  setTransport(fake)
  const w = mount(BackupPanel, { global: { plugins: [createPinia(), createLaifangI18n('zh-CN'), ElementPlus] } })
  return { w, call }
}

describe('BackupPanel', () => {
  it('shows the backup folder, and where the copy went once Go made it', async () => {
    const { w, call } = setup(() => ({ path: '/d/backups/laifang-20260302-101500.db', size: 2 * 1024 * 1024, at: '' }))
    await flushPromises()
    expect(w.text()).toContain('/d/backups')
    expect(w.find('[data-testid="backup-done"]').exists()).toBe(false)
    await w.get('[data-testid="backup-now"]').trigger('click')
    await flushPromises()
    expect(call).toHaveBeenCalledWith('System', 'Backup')
    expect(w.get('[data-testid="backup-done"]').text()).toContain('已备份到 /d/backups/laifang-20260302-101500.db')
  })

  it("shows Go's message when the copy could not be written", async () => {
    const message = '备份没有完成：无法写入备份文件夹 /d/backups。'
    const { w } = setup(() => {
      throw { code: 'backup.failed', message }
    })
    await flushPromises()
    await w.get('[data-testid="backup-now"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="backup-error"]').text()).toContain(message)
    expect(w.find('[data-testid="backup-done"]').exists()).toBe(false)
  })

  it("shows Go's warning beside a copy made without its audit anchor", async () => {
    const warning = '备份已完成，但审计锚点没有写入备份文件夹的 laifang-audit-anchors.txt'
    const { w } = setup(() => ({ path: '/d/backups/a.db', size: 1, at: '', warning }))
    await flushPromises()
    await w.get('[data-testid="backup-now"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="backup-done"]').exists()).toBe(true)
    expect(w.get('[data-testid="backup-warning"]').text()).toContain(warning)
  })
})
