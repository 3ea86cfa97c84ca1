import packageJson from '../package.json' with { type: 'json' };

/** Name and version from package.json, bundled at build time. */
export const appIdentity = {
  name: packageJson.productName,
  version: packageJson.version,
} as const;
