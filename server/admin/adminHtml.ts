import { accountRoleNames } from '../../shared/auth/accountRoles';
import type { SchoolSummary, StaffAccountWire } from '../../shared/auth/schoolAdminWire';
import { adminPageStrings as t } from '../strings';

/** Server-rendered HTML: every value passes escapeHtml; no script at all (the CSP allows none). */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/admin/style.css">
</head>
<body>
${body}
</body>
</html>
`;
}

export function signInPage(csrfToken: string, message: string | null): string {
  const notice = message === null ? '' : `<p class="error" role="alert">${escapeHtml(message)}</p>`;
  return page(
    t.signInTitle,
    `<main class="narrow">
<h1>${escapeHtml(t.signInTitle)}</h1>
${notice}
<form method="post" action="/admin/sign-in">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">
<label>${escapeHtml(t.login)} <input name="login" autocomplete="username" required></label>
<label>${escapeHtml(t.password)} <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">${escapeHtml(t.signIn)}</button>
</form>
</main>`,
  );
}

function accountStatus(account: StaffAccountWire): string {
  if (account.disabled) return t.disabled;
  return account.mustChangePassword ? t.mustChange : t.active;
}

function accountsTable(accounts: readonly StaffAccountWire[]): string {
  const rows = accounts
    .map(
      (account) =>
        `<tr><td>${escapeHtml(account.login)}</td><td>${escapeHtml(account.fullName)}</td><td>${escapeHtml(
          accountRoleNames[account.role],
        )}</td><td>${escapeHtml(accountStatus(account))}</td></tr>`,
    )
    .join('\n');
  return `<table class="accounts"><thead><tr><th>${escapeHtml(t.login)}</th><th>${escapeHtml(
    t.fullName,
  )}</th><th>${escapeHtml(t.role)}</th><th>${escapeHtml(t.status)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export type SchoolWithAccounts = {
  readonly school: SchoolSummary;
  readonly accounts: readonly StaffAccountWire[];
};

/** The dashboard: the schools with their counts, the province's progress (rendered HTML), each school's accounts. */
export function dashboardPage(
  adminName: string,
  csrfToken: string,
  schools: readonly SchoolWithAccounts[],
  progressHtml: string,
): string {
  const summaryRows = schools
    .map(({ school }) => {
      const principals = school.principals.map((principal) => escapeHtml(principal.fullName)).join(', ');
      return `<tr><td>${escapeHtml(school.code)}</td><td>${escapeHtml(school.name)}</td><td>${escapeHtml(
        school.district,
      )}</td><td>${principals === '' ? escapeHtml(t.noPrincipal) : principals}</td><td class="n">${
        school.counts.students
      }</td><td class="n">${school.counts.classes}</td><td class="n">${school.counts.staff}</td></tr>`;
    })
    .join('\n');
  const details = schools
    .map(
      ({ school, accounts }) =>
        `<section><h3>${escapeHtml(t.accounts)}: ${escapeHtml(school.name)} (${escapeHtml(school.code)})</h3>${accountsTable(
          accounts,
        )}</section>`,
    )
    .join('\n');
  const table =
    schools.length === 0
      ? `<p>${escapeHtml(t.noSchools)}</p>`
      : `<table class="schools"><thead><tr><th>${escapeHtml(t.code)}</th><th>${escapeHtml(t.name)}</th><th>${escapeHtml(
          t.district,
        )}</th><th>${escapeHtml(t.principals)}</th><th>${escapeHtml(t.students)}</th><th>${escapeHtml(
          t.classes,
        )}</th><th>${escapeHtml(t.staff)}</th></tr></thead><tbody>${summaryRows}</tbody></table>`;
  return page(
    t.title,
    `<header><h1>${escapeHtml(t.title)}</h1>
<form method="post" action="/admin/sign-out"><input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">
<span>${escapeHtml(t.signedInAs)} ${escapeHtml(adminName)}</span> <button type="submit">${escapeHtml(t.signOut)}</button></form>
</header>
<main>
<h2>${escapeHtml(t.schools)}</h2>
${table}
${progressHtml}
${details}
</main>`,
  );
}

export const adminCss = `body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{display:flex;justify-content:space-between;align-items:center;padding:12px 24px;background:#0b5cad;color:#fff}
header h1{font-size:20px;margin:0}header form{display:flex;gap:8px;align-items:center}
main{padding:16px 24px}main.narrow{max-width:360px;margin:64px auto;background:#fff;padding:24px;border-radius:8px;box-shadow:0 1px 4px #0002}
label{display:block;margin:12px 0}label input{display:block;width:100%;box-sizing:border-box;padding:6px;margin-top:4px}
button{padding:6px 14px;cursor:pointer}table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:16px}
th,td{border:1px solid #d0d5dc;padding:6px 8px;text-align:left;font-size:14px}th{background:#e8edf3}td.n{text-align:right}
h2{font-size:18px}h3{font-size:15px;margin:16px 0 6px}.error{color:#a40000;font-weight:600}
table.progress td.n{white-space:nowrap}.charts{display:flex;flex-wrap:wrap;gap:12px}
figure.chart{margin:0;background:#fff;border:1px solid #d0d5dc;padding:8px 12px;max-width:100%;overflow-x:auto}
figure.chart figcaption{font-size:13px;color:#4a5360;margin-top:4px}`;
