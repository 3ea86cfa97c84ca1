/** The time a service sees: injected, so tests move it forward (token expiry, lockout, reset codes). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
