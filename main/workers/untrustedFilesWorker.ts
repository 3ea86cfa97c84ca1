import { serveTasks } from '../services/isolation/serveTasks';
import { untrustedFileTasks } from './untrustedFileTasks';

/**
 * The worker that parses files from outside (class lists, PDFs brought by others) off main's
 * thread, under the runner's memory limits and deadline. Bundled to dist/workers/.
 */
serveTasks(untrustedFileTasks);
