import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

const outDir = 'dist'

// dist/.gitkeep is committed so that Go's //go:embed of frontend/dist works
// before any frontend build. Vite's emptyOutDir would delete it, so the old
// build is cleared here instead, keeping that one file.
function keepGitkeep(): Plugin {
  const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), outDir)
  return {
    name: 'laifang:keep-gitkeep',
    apply: 'build',
    buildStart() {
      if (!existsSync(dir)) return
      for (const name of readdirSync(dir)) {
        if (name !== '.gitkeep') rmSync(join(dir, name), { recursive: true, force: true })
      }
    },
    closeBundle() {
      mkdirSync(dir, { recursive: true })
      const keep = join(dir, '.gitkeep')
      if (!existsSync(keep)) writeFileSync(keep, '')
    },
  }
}

export default defineConfig({
  // Relative asset URLs: the same build is served by the Wails asset server,
  // by `laifang serve` and by the Wails dev server.
  base: './',
  plugins: [vue(), keepGitkeep()],
  define: {
    // vue-i18n: Composition API only, no devtools hooks in the build.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir,
    emptyOutDir: false,
    // Element Plus is loaded whole; the app is local, so one large chunk is fine.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` in a browser talks to a running `laifang serve`.
    proxy: {
      '/api': process.env.LAIFANG_API ?? 'http://127.0.0.1:8730',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    // Every core: the default leaves one idle, half of a 2-core CI machine.
    maxWorkers: '100%',
  },
})
