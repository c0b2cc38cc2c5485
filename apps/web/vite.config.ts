import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The API server (apps/server) serves /trpc, /api (file imports and exports), /healthz, Socket.IO and the Yjs WebSocket on one port. */
const API_ORIGIN = process.env.RELANCE_API_ORIGIN ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
    rolldownOptions: {
      output: {
        // the framework changes less often than the app: separate, long-cached chunks
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 20 },
            { name: "vendor", test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/trpc": { target: API_ORIGIN, changeOrigin: false },
      "/healthz": { target: API_ORIGIN, changeOrigin: false },
      "/api": { target: API_ORIGIN, changeOrigin: false },
      "/socket.io": { target: API_ORIGIN, ws: true, changeOrigin: false },
      "/yjs": { target: API_ORIGIN, ws: true, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
