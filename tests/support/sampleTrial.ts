import type { Page } from 'playwright-core';

export type TrialChoice = {
  /** One of the sizes the sign-in screen offers; the screen's default (600) when left out. */
  readonly students?: number;
  readonly withResults: boolean;
  /** How long the whole load may take (a real signal is awaited; this only bounds a hang). */
  readonly timeout?: number;
};

/** The sign-in screen's trial button, and the status the app shows once the trial is loaded. */
export const trialButtonName = 'Dùng thử với dữ liệu mẫu';
export const trialLoadedText = 'Đã nạp xong dữ liệu mẫu';

/** Chooses the trial's size and results on the sign-in screen and clicks the trial button. */
export async function clickSampleTrial(page: Page, choice: TrialChoice): Promise<void> {
  if (choice.students !== undefined)
    await page.getByLabel('Số học sinh của trường mẫu').selectOption(String(choice.students));
  const results = page.getByLabel('Có sẵn kết quả đánh giá cả năm');
  if (choice.withResults) await results.check();
  else await results.uncheck();
  await page.getByRole('button', { name: trialButtonName }).click();
}

/** Waits until the trial's students (and results) are all stored: the app says so. */
export async function sampleTrialLoaded(page: Page, timeout?: number): Promise<void> {
  await page.getByRole('status').filter({ hasText: trialLoadedText }).waitFor({ timeout });
}

/** Starts the sample trial and waits for all of it: the home screen, then the whole load. */
export async function startSampleTrialIn(page: Page, choice: TrialChoice): Promise<void> {
  await clickSampleTrial(page, choice);
  await page.locator('.school-header h1').waitFor({ timeout: choice.timeout });
  await sampleTrialLoaded(page, choice.timeout);
}
