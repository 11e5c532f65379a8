/**
 * Every module's message table (ui/<module>/messages.ts, zh and en beside the module). A new
 * module adds one line here; `t()` and `MessageKey` (ui/i18n) are assembled from this list.
 * Kept apart from the UI manifests (ui/modules.ts) because pages import `t()`: importing pages
 * from the message tables would make a cycle.
 */
import * as shared from './shared/messages';
import * as shell from './shell/messages';
import * as pwa from './pwa/messages';
import * as home from './home/messages';
import * as customers from './customers/messages';
import * as sales from './sales/messages';
import * as service from './service/messages';
import * as pipeline from './pipeline/messages';
import * as work from './work/messages';
import * as analysis from './analysis/messages';
import * as org from './org/messages';
import * as settings from './settings/messages';
import * as sync from './sync/messages';
import * as recovery from './recovery/messages';

export const MESSAGES = { shared, shell, pwa, home, customers, sales, service, pipeline, work, analysis, org, settings, sync, recovery };
