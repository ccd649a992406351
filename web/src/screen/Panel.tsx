import type { ReactNode } from 'react';

/** A screen panel: a titled region whose body fills the rest of its grid cell. */
export function Panel({ id, title, children, style }: { id: string; title: string; children: ReactNode; style?: React.CSSProperties }) {
  return (
    <section className={`scr-panel scr-panel-${id}`} aria-labelledby={`scr-h-${id}`} data-panel={id} style={style}>
      <h2 id={`scr-h-${id}`} className="scr-panel-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One headline figure: a label above a big number, with an optional note below. */
export function Kpi({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: 'warn' | 'ok' }) {
  return (
    <div className={`scr-kpi${tone ? ` scr-kpi-${tone}` : ''}`}>
      <div className="scr-kpi-label">{label}</div>
      <div className="scr-kpi-value">{value}</div>
      {note && <div className="scr-kpi-note">{note}</div>}
    </div>
  );
}
