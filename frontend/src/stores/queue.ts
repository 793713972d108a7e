import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, toApiError, type ApiError, type Queue } from '@/api'

/**
 * The home screen's work queue as Go computes it (Home.Queue): the groups,
 * their counts and colours, and the clocks due today. The view and the
 * hourly notice read the same copy.
 */
export const useQueueStore = defineStore('queue', () => {
  const queue = ref<Queue | null>(null)
  const loading = ref(false)
  const error = ref<ApiError | null>(null)

  async function load(): Promise<Queue | null> {
    loading.value = true
    try {
      queue.value = await api.Home.Queue()
      error.value = null
    } catch (e) {
      error.value = toApiError(e)
    } finally {
      loading.value = false
    }
    return queue.value
  }

  return { queue, loading, error, load }
})
