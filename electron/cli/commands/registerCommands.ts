import type { Command } from 'commander';
import { registerServeCommand } from './serveCommand';

/** Every CLI command lives in its own file here and is added to this list. */
const commands: Array<(program: Command) => void> = [registerServeCommand];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
