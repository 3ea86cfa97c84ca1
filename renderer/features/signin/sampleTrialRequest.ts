/** The sample school every trial gets: the same seed, so a trial looks the same on every machine. */
export const sampleTrialRequest = { seed: 2025, students: 600 } as const;
