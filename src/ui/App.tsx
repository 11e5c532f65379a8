import { HashRouter, Route } from '@solidjs/router';
import { lazy, type Component, type ParentProps } from 'solid-js';
import { Welcome } from './shell/Welcome';
import { Shell } from './shell/Shell';
import { Home } from './home/Home';
import { CustomersPage, ContactsPage, CompetitorsPage } from './customers/CustomersPage';
import { CustomerPage } from './customers/CustomerPage';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { ToastRegion } from './shared/toast';

/** A page from a module loaded on first visit: first-load JavaScript carries only the core. */
function page(load: () => Promise<Record<string, unknown>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as Component }));
}
const OrgPage = page(() => import('./org/OrgPage'), 'OrgPage');
const SettingsPage = page(() => import('./settings/SettingsPage'), 'SettingsPage');
const BinPage = page(() => import('./settings/BinPage'), 'BinPage');
const ProductsPage = page(() => import('./sales/ProductsPage'), 'ProductsPage');
const DiscountsPage = page(() => import('./sales/ProductsPage'), 'DiscountsPage');
const SalesModesPage = page(() => import('./sales/SalesModesPage'), 'SalesModesPage');
const LeadsPage = page(() => import('./sales/LeadsPage'), 'LeadsPage');
const OpportunitiesPage = page(() => import('./sales/OpportunitiesPage'), 'OpportunitiesPage');
const ProjectsPage = page(() => import('./sales/OpportunitiesPage'), 'ProjectsPage');
const QuotesPage = page(() => import('./sales/OpportunitiesPage'), 'QuotesPage');
const OpportunityPage = page(() => import('./sales/OpportunityPage'), 'OpportunityPage');
const QuotePage = page(() => import('./sales/QuotePage'), 'QuotePage');
const ApprovalsPage = page(() => import('./sales/ApprovalsPage'), 'ApprovalsPage');
const ProjectPage = page(() => import('./sales/ProjectPage'), 'ProjectPage');
const ServiceRecordsPage = page(() => import('./service/ServiceRecordsPage'), 'ServiceRecordsPage');
const ComplaintsPage = page(() => import('./service/ComplaintsPage'), 'ComplaintsPage');
const ComplaintPage = page(() => import('./service/ComplaintPage'), 'ComplaintPage');
const KnowledgePage = page(() => import('./service/KnowledgePage'), 'KnowledgePage');

// the analysis page brings uPlot: loaded on first visit, not with the app
const ServiceAnalysisPage = lazy(() => import('./service/ServiceAnalysisPage'));
// pipeline board and analysis pages (uPlot, SVG funnel) load on first visit, not with the app
const KanbanPage = lazy(() => import('./pipeline/KanbanPage'));
const PlansPage = lazy(() => import('./pipeline/PlansPage'));
const QuotaPage = lazy(() => import('./pipeline/QuotaPage'));
const ActivitiesPage = lazy(() => import('./work/ActivitiesPage'));
const FunnelPage = lazy(() => import('./analysis/FunnelPage'));
const ForecastPage = lazy(() => import('./analysis/ForecastPage'));
const OpportunityAnalysisPage = lazy(() => import('./analysis/OpportunityAnalysisPage'));
const ProjectAnalysisPage = lazy(() => import('./analysis/OpportunityAnalysisPage').then((m) => ({ default: m.ProjectAnalysisPage })));
const QuoteDetailsPage = lazy(() => import('./analysis/QuoteDetailsPage'));

function Root(props: ParentProps) {
  return (
    <>
      {props.children}
      <UpdatePrompt />
      <ToastRegion />
    </>
  );
}

/** Hash routes keep the app working from any static host and sub-path. */
export function App() {
  return (
    <HashRouter root={Root}>
      <Route path="/" component={Welcome} />
      <Route path="/w/:wsId" component={Shell}>
        <Route path="/" component={Home} />
        <Route path="/customers" component={CustomersPage} />
        <Route path="/customers/:id" component={CustomerPage} />
        <Route path="/contacts" component={ContactsPage} />
        <Route path="/competitors" component={CompetitorsPage} />
        <Route path="/org" component={OrgPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/bin" component={BinPage} />
        <Route path="/products" component={ProductsPage} />
        <Route path="/discounts" component={DiscountsPage} />
        <Route path="/sales-modes" component={SalesModesPage} />
        <Route path="/leads" component={LeadsPage} />
        <Route path="/opportunities" component={OpportunitiesPage} />
        <Route path="/opportunities/:id" component={OpportunityPage} />
        <Route path="/quotes" component={QuotesPage} />
        <Route path="/quotes/:id" component={QuotePage} />
        <Route path="/approvals" component={ApprovalsPage} />
        <Route path="/projects" component={ProjectsPage} />
        <Route path="/projects/:id" component={ProjectPage} />
        <Route path="/service/records" component={ServiceRecordsPage} />
        <Route path="/service/complaints" component={ComplaintsPage} />
        <Route path="/service/complaints/:id" component={ComplaintPage} />
        <Route path="/service/knowledge" component={KnowledgePage} />
        <Route path="/service/analysis" component={ServiceAnalysisPage} />
        <Route path="/pipeline" component={KanbanPage} />
        <Route path="/activities" component={ActivitiesPage} />
        <Route path="/plans" component={PlansPage} />
        <Route path="/quota" component={QuotaPage} />
        <Route path="/analysis/funnel" component={FunnelPage} />
        <Route path="/analysis/forecast" component={ForecastPage} />
        <Route path="/analysis/opportunities" component={OpportunityAnalysisPage} />
        <Route path="/analysis/projects" component={ProjectAnalysisPage} />
        <Route path="/analysis/quotes" component={QuoteDetailsPage} />
      </Route>
    </HashRouter>
  );
}
