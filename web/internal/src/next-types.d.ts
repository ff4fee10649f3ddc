// Next's ambient types (CSS imports, images). next-env.d.ts is rewritten by every `next build`
// to import files under .next/, which a fresh checkout lacks, so tsc reads this file instead.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
