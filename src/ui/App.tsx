import { HashRouter, Route } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { Welcome } from './shell/Welcome';
import { Shell } from './shell/Shell';
import { Home } from './home/Home';
import { CustomersPage, ContactsPage, CompetitorsPage } from './customers/CustomersPage';
import { CustomerPage } from './customers/CustomerPage';
import { OrgPage } from './org/OrgPage';
import { SettingsPage } from './settings/SettingsPage';
import { BinPage } from './settings/BinPage';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { ToastRegion } from './shared/toast';

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
      </Route>
    </HashRouter>
  );
}
