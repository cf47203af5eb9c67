export { toolVersion } from '../package-root.js';
