export { DevIssuer, type DevIssuerOptions, type AccessTokenRequest } from './DevIssuer.js';
export { publicJwk, type RsaPublicJwk } from './publicJwk.js';
export { signJwt, type JwtSection } from './signJwt.js';
