import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProtocolYaml } from '../../common/domain/protocol/parseProtocolYaml';
import type { Protocol } from '../../common/domain/protocol/protocolSchema';

/** The shipped protocols folder: found upward from this module (source tree or build/cli) or the working folder. */
export function protocolsFolder(): string | null {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, 'resources', 'protocols');
      if (existsSync(candidate)) return candidate;
      dir = dirname(dir);
    }
  }
  return null;
}

/**
 * `--protocol FILE|NAME`: a YAML file path, or the name of a shipped protocol (a file in
 * resources/protocols/ without .yaml). Throws ProtocolError (with line numbers) for an invalid file
 * and Error naming what was looked for when there is no such file.
 */
export function loadProtocol(spec: string): { protocol: Protocol; file: string } {
  let file = resolve(spec);
  if (!existsSync(file)) {
    const folder = protocolsFolder();
    const named = folder ? join(folder, `${spec.replace(/\.ya?ml$/, '')}.yaml`) : null;
    if (!named || !existsSync(named)) {
      throw new Error(`protocol "${spec}" not found: neither a file nor a name in ${folder ?? 'resources/protocols'}`);
    }
    file = named;
  }
  return { protocol: parseProtocolYaml(readFileSync(file, 'utf8'), file), file };
}
