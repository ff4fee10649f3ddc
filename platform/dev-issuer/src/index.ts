export {
  DevIssuer,
  type DevIssuerOptions,
  type AccessTokenRequest,
  type IdTokenRequest,
} from './DevIssuer.js';
export type { DevUser } from './DevUser.js';
export { publicJwk, type RsaPublicJwk } from './publicJwk.js';
export { signJwt, type JwtSection } from './signJwt.js';
