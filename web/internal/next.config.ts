import { createNextConfig } from '@stack/web-ui/next-config';

// The settings both web apps share (a static export that compiles @stack/web-ui).
export default createNextConfig();
