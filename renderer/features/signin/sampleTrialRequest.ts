/** The sample school every trial gets: the same seed, so a trial looks the same on every machine. */
export const sampleTrialRequest = { seed: 2025, students: 600 } as const;

/** Seed of the sample year's results (levels, scores, comments). */
export const sampleResultsSeed = 2026;

/** Sizes offered on the sign-in screen. */
export const sampleTrialSizes = [300, 600, 1000, 2000] as const;
