import { normaliseStructureName } from './normaliseStructureName';
import { TG263_CONCEPTS, type Tg263Concept } from './tg263Aliases';

/** Alias key (normalised, no separators) → concept. Built once from TG263_CONCEPTS. */
export const ALIAS_INDEX: ReadonlyMap<string, Tg263Concept> = buildIndex();

function buildIndex(): Map<string, Tg263Concept> {
  const index = new Map<string, Tg263Concept>();
  for (const concept of TG263_CONCEPTS) {
    for (const alias of [concept.tg263, ...concept.aliases]) {
      const key = normaliseStructureName(alias).key;
      const existing = index.get(key);
      // Two concepts sharing an alias would make the table guess: fail loudly while developing.
      if (existing && existing !== concept) throw new Error(`alias "${alias}" (${key}) is both ${existing.tg263} and ${concept.tg263}`);
      if (key) index.set(key, concept);
    }
  }
  return index;
}
