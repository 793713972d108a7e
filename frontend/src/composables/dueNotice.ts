import { h, onScopeDispose, watch, type Ref } from 'vue'
import { ElNotification } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { useQueueStore } from '@/stores/queue'

/** How often the notice of what falls due today comes back. */
export const DUE_NOTICE_EVERY = 60 * 60 * 1000

/**
 * Tells the user what falls due today: once when active turns on (signed
 * in, unlocked, allowed to read cases) and every hour while it stays on.
 * Which clocks fall due is Go's answer (Queue.dueToday); this only shows
 * it. A click on the notice opens the home screen's queue.
 */
export function useDueNotice(active: Ref<boolean>, every = DUE_NOTICE_EVERY) {
  const { t } = useI18n({ useScope: 'global' })
  const router = useRouter()
  const store = useQueueStore()
  let timer: ReturnType<typeof setInterval> | null = null

  async function tell() {
    const q = await store.load()
    const due = q?.dueToday ?? []
    const total = Math.max(q?.dueTodayTotal ?? 0, due.length)
    if (total === 0) return
    const shown = due.slice(0, 5).map((it) => `${it.caseNo} ${it.clock ?? ''}`)
    if (total > shown.length) shown.push(t('queue.notice.more', { n: total - shown.length }))
    ElNotification({
      title: t('queue.notice.title', { n: total }),
      message: h('div', shown.map((line) => h('div', line))),
      type: 'warning',
      duration: 0,
      customClass: 'due-notice',
      onClick: () => void router.push({ name: 'home' }),
    })
  }

  function stop() {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  watch(
    active,
    (on) => {
      stop()
      if (!on) return
      void tell()
      timer = setInterval(() => void tell(), every)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return { tell, stop }
}
