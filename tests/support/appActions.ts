import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { artifactsDir } from './paths';

/**
 * What a user does in every journey, as the screens label it: open an area from the menu, act as
 * another staff member of the trial school, pick a class in a screen's toolbar.
 */
export function appActions(page: Page) {
  return {
    goTo: async (area: string) => {
      await page.getByRole('navigation').getByRole('button', { name: area, exact: true }).click();
    },
    /**
     * Acts as another staff member of the trial. The switch takes effect once main knows the new
     * actor (the page tells it first), so this waits until the switch shows that person.
     */
    switchUser: async (label: string) => {
      const select = page.getByLabel('Đổi người dùng (dùng thử)');
      const [chosen] = await select.selectOption({ label });
      await page.waitForFunction(
        (userId) => document.querySelector<HTMLSelectElement>('.switch-user select')?.value === userId,
        chosen,
      );
    },
    /**
     * Picks the class in the toolbar; its option reads "3E" or "3E (lớp của tôi)". The list is
     * filled from the database after the screen opens (and again after a user switch), so this
     * waits for the class's option to be there, as a user waits to see it, before choosing it.
     */
    chooseClass: async (className: string) => {
      const select = page.getByLabel('Lớp', { exact: true });
      const escaped = className.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const option = select
        .locator('option')
        .filter({ hasText: new RegExp(`^${escaped}( \\(.*\\))?$`) })
        .first();
      await option.waitFor({ state: 'attached' });
      const value = await option.getAttribute('value');
      if (!value) throw new Error(`lớp ${className} không có giá trị trong danh sách`);
      await select.selectOption(value);
    },
    /**
     * From the home screen: the first class, acting as its homeroom teacher, its grade book for
     * one subject row and period.
     */
    openFirstClassGradebook: async (rowKey: string, period: string) => {
      await page.locator('.class-chip').first().click();
      const homeroom =
        (await page.locator('.roster-heading .muted').textContent())?.replace('Giáo viên chủ nhiệm: ', '') ??
        '';
      await page.getByLabel('Đổi người dùng (dùng thử)').selectOption({ label: `${homeroom} — Giáo viên` });
      await page
        .getByRole('navigation')
        .getByRole('button', { name: 'Sổ theo dõi kết quả', exact: true })
        .click();
      await page.getByLabel('Môn học, hoạt động').selectOption(rowKey);
      await page.getByLabel('Kỳ đánh giá').selectOption(period);
      await page.getByRole('grid').waitFor();
    },
  };
}

/** A screenshot of the page when a test failed, named after the journey and the test. */
export async function screenshotOnFailure(
  page: Page,
  journey: string,
  context: { readonly task: { readonly name: string; readonly result?: { readonly state?: string } } },
): Promise<void> {
  if (context.task.result?.state === 'fail')
    await page.screenshot({
      path: join(artifactsDir, `${journey}-failed-${context.task.name.slice(0, 40)}.png`),
    });
}
