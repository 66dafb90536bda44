import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// electron-builder's own loader and schema validation (the ones `npm run dist` runs), from the installed
// electron-builder: a misspelt fuse fails here as it would fail the packaging.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromBuilder('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

describe('the packaged Electron binary has its fuses set (electron-builder.yml)', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect; loads the app only from a checked app.asar', async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // Only-from-asar means nothing without an asar.
    expect(config.asar ?? true).not.toBe(false);
  });

  it('a misspelt fuse is refused by the schema, so it cannot be silently ignored', async () => {
    const config = await getConfig(ROOT, null, null);
    const misspelt = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsNod: false },
    } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration.electronFuses/,
    );
  });
});
