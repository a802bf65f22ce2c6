/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The host serves the build from its wwwroot at /designer/ (src/Host/Designer/DesignerEndpoints.cs).
// JSX goes through esbuild's automatic runtime: no React plugin needed (and @vitejs/plugin-react may not install here).
export default defineConfig({
  base: '/designer/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../Host/wwwroot/designer',
    emptyOutDir: true,
    // The libraries in a chunk of their own: they change less often than the app and stay cached.
    // ELK is imported on demand (src/model/layout.ts) and so gets its own chunk.
    rollupOptions: {
      output: { manualChunks: (id) => (id.includes('node_modules') && !id.includes('elkjs') ? 'vendor' : undefined) },
      // React Flow marks its modules "use client" for React Server Components; a browser bundle has nothing to do with that.
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    setupFiles: ['test/setup.ts'],
  },
});
