import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'

const events = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Calls lock after minutes without a key press or a mouse move (0: never).
 * Go locks the session on its side too when no call came for that long.
 */
export function useIdleLock(minutes: Ref<number>, active: Ref<boolean>, lock: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined

  function arm() {
    clearTimeout(timer)
    if (active.value && minutes.value > 0) timer = setTimeout(lock, minutes.value * 60_000)
  }

  onMounted(() => {
    for (const e of events) window.addEventListener(e, arm, { passive: true })
    arm()
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    for (const e of events) window.removeEventListener(e, arm)
  })
  watch([minutes, active], arm)
}
