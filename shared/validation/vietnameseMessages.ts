import { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';

/**
 * Validation messages in Vietnamese for every schema without a message of its own: imported
 * files, IPC payloads and CLI input are refused in words the user reads. Call once at start-up.
 */
export function applyVietnameseValidationMessages(): void {
  z.config(vi());
}
