import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRouteError } from 'react-router';
import { useAppT } from './app-i18n.ts';

function Fallback({ error }: { error: unknown }) {
  const { t } = useAppT();
  return (
    <div className="page page--center" role="alert">
      <h1>{t('errors.title')}</h1>
      <p className="muted">{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </div>
  );
}

/** Catches a render error in one page so the shell (nav, top bar) stays usable. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { error: unknown; key?: string }
> {
  state: { error: unknown; key?: string } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: unknown; key?: string }) {
    // Navigating elsewhere clears the error.
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    return this.state.error ? <Fallback error={this.state.error} /> : this.props.children;
  }
}

/** React Router's errorElement: errors thrown by the router itself. */
export function RouteError() {
  return <Fallback error={useRouteError()} />;
}
