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

/** The session: first setup, sign-in, the idle lock, what the user may do. */
export const useAuthStore = defineStore('auth', () => {
  const state = ref<AuthState | null>(null)
  const error = ref<ApiError | null>(null)
  const loading = ref(false)

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

  async function logout() {
    try {
      await api.Auth.Logout()
    } finally {
      await load().catch(() => undefined)
    }
  }

  /** Locks the screen now; what is typed under it stays. */
  async function lock() {
    if (state.value) state.value = { ...state.value, locked: true }
    await api.Auth.Lock().catch(() => undefined)
  }

  async function unlock(password: string) {
    return set(await api.Auth.Unlock(password))
  }

  // Go refused a call for the session's sake: show the lock or the login.
  setSessionErrorHandler((code) => {
    if (!state.value) return
    if (code === CODE_AUTH_LOCKED) state.value = { ...state.value, locked: true }
    else if (code === CODE_AUTH_REQUIRED || code === CODE_SETUP_REQUIRED) void load().catch(() => undefined)
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
    may,
    load,
    login,
    setup,
    logout,
    lock,
    unlock,
  }
})
