import type { BaseContext } from '@stack/kit';
import type { PushRegistry } from './PushRegistry.js';
import type { UsersRepository } from './UsersRepository.js';

/** The per-request context of the users subgraph. */
export interface UsersContext extends BaseContext {
  readonly users: UsersRepository;
  readonly push: PushRegistry;
}
