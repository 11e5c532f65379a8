import { demo } from './boot';
import { render } from 'solid-js/web';
import { App, preloadPage } from './ui/App';
import { preloadShellParts } from './ui/shell/Shell';
import { inputQuiet, watchInput } from './ui/shared/input-quiet';
import { setBackgroundTurn } from './store/core/workspace';
import { setLang, storedLang } from './ui/i18n';
import './ui/styles.css';

// English chosen on this device: wait for its table (already loading, see boot.ts) so the first
// render is in English, not Chinese then English. Should it fail to load, the app opens in Chinese.
// Not a top-level await: with one the bundler splits the entry into many more chunks (measured
// ~7 KB more first load, gzip).
// a workspace's later groups load in the pauses of the user's typing and scrolling (workspace.ts)
watchInput();
setBackgroundTurn(() => inputQuiet());

const mount = () => render(() => <App />, document.getElementById('app')!);
const start = () => (storedLang === 'en' ? setLang('en').catch(() => {}).then(mount) : mount());
// the page the address names (the demo lands on its customers) loads beside the workspace
preloadPage(demo ? '#/w/demo/customers' : location.hash);
// ?demo: open the demo workspace's customers (the address loses ?demo: a reload reopens that page)
if (demo) {
  preloadShellParts();
  demo.then((id) => history.replaceState(null, '', `${location.pathname}#/w/${id}/customers`),
    () => history.replaceState(null, '', location.pathname)).then(start);
} else start();
