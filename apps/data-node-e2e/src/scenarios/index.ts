// Every scenario file of this folder, found at test time (vite's import.meta.glob), so each command family
// adds its own `<family>.ts` exporting `<family>Scenarios` without editing a shared list.
/// <reference types="vite/client" />
import type { Scenario } from './scenario.js';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./index.ts', '!./scenario.ts'], {
  eager: true,
});

export interface ScenarioFamily {
  readonly family: string;
  readonly scenarios: readonly Scenario[];
}

export function scenarioFamilies(): ScenarioFamily[] {
  const families: ScenarioFamily[] = [];
  for (const [path, exports] of Object.entries(modules)) {
    const family = path.replace(/^\.\//, '').replace(/\.ts$/, '');
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith('Scenarios') && Array.isArray(value))
        families.push({ family, scenarios: value as Scenario[] });
    }
  }
  return families.sort((a, b) => a.family.localeCompare(b.family));
}
