export { createUsersSubgraph } from './subgraph.js';
export { UsersRepository } from './UsersRepository.js';
export type { UserRecord } from './UserRecord.js';
