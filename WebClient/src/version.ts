// The product version shown on the profile page: package.json's, set at build time by vite.config.ts (`define`).
// package.json is kept equal to Directory.Build.props' <Version>, the version of every server binary.
export const appVersion: string = __APP_VERSION__;
