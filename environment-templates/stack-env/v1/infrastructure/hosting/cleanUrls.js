// CloudFront Function (cloudfront-js-2.0, viewer request) of the web sites: maps clean URLs to
// the files `next build` exported. Next 16 writes /account as `account.html` ("file" layout), or
// with `trailingSlash: true` as `account/index.html` ("directory" layout). Synth detects which
// one the export has and replaces the LAYOUT line below (cleanUrlsFunctionCode.ts), so /account,
// /account/ and / all find their page in either layout. Paths whose last segment has an
// extension (/_next/static/…, /config.json, /favicon.ico) pass unchanged; the query string
// (e.g. ?code=… on /auth/callback) is kept.
// Plain ES5 without exports: CloudFront runs this text as is; tests evaluate it in node.
var LAYOUT = 'file';

// eslint-disable-next-line no-unused-vars -- CloudFront calls it by name
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment === '') {
    request.uri =
      LAYOUT === 'directory' || uri === '/'
        ? uri + 'index.html'
        : uri.substring(0, uri.length - 1) + '.html';
  } else if (lastSegment.indexOf('.') === -1) {
    request.uri = LAYOUT === 'directory' ? uri + '/index.html' : uri + '.html';
  }
  return request;
}
