import { shellStrings } from './strings';

/** What a link to no screen shows (a mistyped `#/…` or an old bookmark), with the way home. */
export function UnknownRouteScreen({ path, onHome }: { path: string; onHome: () => void }) {
  return (
    <div className="screen">
      <h1>{shellStrings.unknownRouteTitle}</h1>
      <p role="alert">{shellStrings.unknownRoute(path)}</p>
      <p>
        <button type="button" className="button button-primary" onClick={onHome}>
          {shellStrings.goHome}
        </button>
      </p>
    </div>
  );
}
