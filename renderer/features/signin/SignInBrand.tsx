import { shellStrings } from '../../app/strings';

/** The app's mark and name at the top of the sign-in and restore cards. */
export function SignInBrand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        HB
      </span>
      <div>
        <div className="brand-name">{shellStrings.appName}</div>
        <div className="brand-tagline">{shellStrings.tagline}</div>
      </div>
    </div>
  );
}
