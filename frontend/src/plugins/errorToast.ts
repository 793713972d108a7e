// The global error toast: any api error that a view did not handle itself
// shows its Chinese message at the top of the window.

import type { App } from 'vue'
import { ElMessage } from 'element-plus'
import { isApiError } from '@/api'

/** Shows an error message as a toast; identical messages are grouped. */
export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, grouping: true, duration: 6000 })
}

/**
 * Routes uncaught errors to the toast: errors thrown in components, hooks and
 * watchers (Vue's errorHandler) and rejected promises nobody awaited.
 * unexpected is the text for errors that are not api errors (bugs).
 */
export function installErrorToast(app: App, unexpected: () => string): () => void {
  app.config.errorHandler = (err, _instance, info) => {
    if (isApiError(err)) {
      showError(err.message)
      return
    }
    console.error(`[${info}]`, err)
    showError(unexpected())
  }
  const onRejection = (ev: PromiseRejectionEvent) => {
    if (isApiError(ev.reason)) {
      ev.preventDefault()
      showError(ev.reason.message)
    }
  }
  window.addEventListener('unhandledrejection', onRejection)
  return () => window.removeEventListener('unhandledrejection', onRejection)
}
