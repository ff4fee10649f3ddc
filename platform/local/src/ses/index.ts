export {
  startLocalMail,
  readMailStore,
  clearMailStore,
  type LocalMail,
  type StoredEmail,
} from './startLocalMail.js';
