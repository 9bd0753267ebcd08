// The home page with the cards of other features. Composed here, where features' pages are registered, because a
// feature imports no other feature (tests/integration/web-boundaries.test.ts).
import HomePage, { type HomeCards } from '../features/home/home-page';
import { StationKpiCard } from '../features/kpis/station-kpi-card';
import { InboxCard } from '../features/notices/inbox-card';
import { SetupCard } from '../features/setup/setup-card';

const CARDS: HomeCards = { Setup: SetupCard, Inbox: InboxCard, OwnStation: StationKpiCard };

export default function Home() {
  return <HomePage cards={CARDS} />;
}
