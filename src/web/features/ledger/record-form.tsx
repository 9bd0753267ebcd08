// The form a kind of record opens. Each of the four large forms is a chunk of its own: the events form, opened on a
// phone at the event, does not wait for the demand form's steps or the report form's upload and Word handling
// (issue 16). The six simple kinds share one chunk (record-forms.tsx).
import { lazy } from 'react';
import type { RecordKind } from '../../../shared/record-kinds';
import type { RecordItems } from './api';

const EventForm = lazy(() => import('./event-form').then((m) => ({ default: m.EventForm })));
const DemandForm = lazy(() => import('./demand-form').then((m) => ({ default: m.DemandForm })));
const ExpertForm = lazy(() => import('./expert-form').then((m) => ({ default: m.ExpertForm })));
const ReportForm = lazy(() => import('./report-form').then((m) => ({ default: m.ReportForm })));
const SimpleForm = lazy(() => import('./record-forms').then((m) => ({ default: m.RecordForm })));

/** The form of a kind, for a new record (null) or an existing one; the caller gives the Suspense. */
export function RecordForm<K extends RecordKind>(props: {
  kind: K;
  stationId: string;
  record: RecordItems[K] | null;
  onClose: () => void;
}) {
  const { kind, ...p } = props;
  // biome-ignore lint/suspicious/noExplicitAny: the kind was matched just above each form
  const rest = p as any;
  switch (kind) {
    case 'events':
      return <EventForm {...rest} />;
    case 'demands':
      return <DemandForm {...rest} />;
    case 'experts':
      return <ExpertForm {...rest} />;
    case 'reports':
      return <ReportForm {...rest} />;
    default:
      return <SimpleForm {...props} />;
  }
}
