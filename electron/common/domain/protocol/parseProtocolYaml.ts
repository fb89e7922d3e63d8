import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { protocolSchema, type Protocol } from './protocolSchema';

export class ProtocolError extends Error {
  constructor(readonly fileName: string, readonly problems: readonly string[]) {
    super(`${fileName}: invalid protocol file\n  ${problems.join('\n  ')}`);
    this.name = 'ProtocolError';
  }
}

/**
 * Parse and validate a protocol YAML text. Throws ProtocolError listing every problem with its line
 * number, so the person editing the file can find it. Pure: the caller reads the file.
 */
export function parseProtocolYaml(yamlText: string, fileName: string): Protocol {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ProtocolError(fileName, document.errors.map((e) => {
      // linePos is only filled with prettyErrors; the offset always is.
      const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
      return `${line ? `line ${line}: ` : ''}${e.message.split('\n')[0]}`;
    }));
  }
  const result = protocolSchema.safeParse(document.toJS());
  if (result.success) return result.data;
  throw new ProtocolError(fileName, result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const line = lineOfPath(document.contents, path, lineCounter);
    return `${line ? `line ${line}: ` : ''}${path.join('.') || '(top level)'}: ${issue.message}`;
  }));
}

/** Line of the deepest node that exists along `path` (the place to look when a key is missing). */
function lineOfPath(root: unknown, path: readonly string[], lineCounter: LineCounter): number | null {
  let node = root as YamlNode | null | undefined;
  let offset = (node as { range?: [number, number] } | null)?.range?.[0] ?? null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number, number] })?.range?.[0] ?? offset;
      node = pair.value as YamlNode;
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as YamlNode;
      offset = (node as { range?: [number, number] } | null)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === null ? null : lineCounter.linePos(offset).line;
}
