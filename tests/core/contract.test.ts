import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api';
import { API_METHOD_NAMES } from '../../shared/api/method-names';
import { handlers } from '../../electron/core/handlers';

describe('the API contract', () => {
  it('lists the same method names in the zod-free list the preload uses', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('names every method area.verb and has exactly one handler per method', () => {
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });
});
