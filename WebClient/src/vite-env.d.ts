/// <reference types="vite/client" />

/** The product version, from package.json at build time (vite.config.ts). */
declare const __APP_VERSION__: string;
