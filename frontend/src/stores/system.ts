import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, toApiError, type ApiError, type SystemInfo } from '@/api'

/** What the installation is: version, data file, backups, office and user. */
export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  /**
   * Reads the info from Go. A failure is kept in `error` for the views and
   * rethrown, so that a caller that does not handle it gets the global toast.
   */
  async function load(): Promise<SystemInfo> {
    loading.value = true
    try {
      const result = await api.System.Info()
      info.value = result
      error.value = null
      return result
    } catch (e) {
      const err = toApiError(e)
      error.value = err
      throw err
    } finally {
      loading.value = false
    }
  }

  return { info, loading, error, load }
})
