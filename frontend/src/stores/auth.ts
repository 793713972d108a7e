import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  api,
  CODE_AUTH_LOCKED,
  CODE_AUTH_REQUIRED,
  CODE_SETUP_REQUIRED,
  setSessionErrorHandler,
  toApiError,
  type ApiError,
  type AuthState,
} from '@/api'

/** Why the screen is locked: the user locked it, or the idle timer did. */
export type LockReason = 'user' | 'idle'

/**
 * Loads the page afresh at 首页 (after a sign-out): nothing of the last
 * session's screens, stores or caches stays for the next person. Tests
 * replace it.
 */
export let startAfresh = () => {
  const url = new URL(window.location.href)
  url.hash = '#/'
  window.history.replaceState(null, '', url.href)
  window.location.reload()
}
export function setStartAfresh(fn: () => void) {
  startAfresh = fn
}

/** The session: first setup, sign-in, the idle lock, what the user may do. */
export const useAuthStore = defineStore('auth', () => {
  const state = ref<AuthState | null>(null)
  const error = ref<ApiError | null>(null)
  const loading = ref(false)
  const lockReason = ref<LockReason | null>(null)

  const ready = computed(() => state.value !== null)
  const setupNeeded = computed(() => state.value?.setupNeeded ?? false)
  const signedIn = computed(() => state.value?.signedIn ?? false)
  const locked = computed(() => state.value?.locked ?? false)
  const user = computed(() => state.value?.user ?? null)
  const idleMinutes = computed(() => state.value?.idleMinutes ?? 0)

  /** Whether the user holds a permission: the UI hides what Go would refuse. */
  function may(perm: string): boolean {
    return state.value?.perms?.includes(perm) ?? false
  }

  /** Whether Go lets the session open a screen of the menu (by route name). */
  function mayOpen(screen: string): boolean {
    return state.value?.screens?.includes(screen) ?? false
  }

  function set(s: AuthState) {
    state.value = s
    error.value = null
    return s
  }

  async function load(): Promise<AuthState> {
    loading.value = true
    try {
      return set(await api.Auth.State())
    } catch (e) {
      error.value = toApiError(e)
      throw error.value
    } finally {
      loading.value = false
    }
  }

  async function login(login: string, password: string) {
    return set(await api.Auth.Login(login, password))
  }

  async function setup(input: Parameters<typeof api.Auth.Setup>[0]) {
    return set(await api.Auth.Setup(input))
  }

  /** Signs out and starts the page afresh for the next person. */
  async function logout() {
    try {
      await api.Auth.Logout()
    } finally {
      startAfresh()
    }
  }

  /** Locks the screen now (by the user, or by the idle timer); what is typed under it stays. */
  async function lock(reason: LockReason = 'user') {
    lockReason.value = reason
    if (state.value) state.value = { ...state.value, locked: true }
    await api.Auth.Lock().catch(() => undefined)
  }

  async function unlock(password: string) {
    const s = set(await api.Auth.Unlock(password))
    lockReason.value = null
    return s
  }

  // Go refused a call for the session's sake: show the lock (Go locks an
  // idle session) or the login.
  setSessionErrorHandler((code) => {
    if (!state.value) return
    if (code === CODE_AUTH_LOCKED) {
      lockReason.value ??= 'idle'
      state.value = { ...state.value, locked: true }
    } else if (code === CODE_AUTH_REQUIRED || code === CODE_SETUP_REQUIRED) void load().catch(() => undefined)
  })

  return {
    state,
    error,
    loading,
    ready,
    setupNeeded,
    signedIn,
    locked,
    user,
    idleMinutes,
    lockReason,
    may,
    mayOpen,
    load,
    login,
    setup,
    logout,
    lock,
    unlock,
  }
})
