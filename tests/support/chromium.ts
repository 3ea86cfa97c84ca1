export { chromiumArgs, chromiumPath } from '../../server/testing/chromium';
