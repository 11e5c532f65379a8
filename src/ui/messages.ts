/**
 * Every module's Chinese message table (ui/<module>/messages.ts, beside the module) and the
 * message keys. A new module adds one line here and one in ui/messages.en.ts (its English table,
 * same order; tsc checks both lists name the same modules with the same keys). Chinese is the
 * default language and joined eagerly by `t()` (ui/i18n); English is a chunk of its own, loaded the
 * first time it is needed. Kept apart from the UI manifests (ui/modules.ts) because pages import
 * `t()`: importing pages from the message tables would make a cycle.
 */
import * as shared from './shared/messages';
import * as shell from './shell/messages';
import * as pwa from './pwa/messages';
import * as home from './home/messages';
import * as customers from './customers/messages';
import * as sales from './sales/messages';
import * as orders from './orders/messages';
import * as service from './service/messages';
import * as pipeline from './pipeline/messages';
import * as work from './work/messages';
import * as analysis from './analysis/messages';
import * as org from './org/messages';
import * as settings from './settings/messages';
import * as sync from './sync/messages';
import * as recovery from './recovery/messages';
import * as finance from './finance/messages';
import * as office from './office/messages';
import * as surveys from './surveys/messages';
import * as marketing from './marketing/messages';
import * as classroom from './classroom/messages';
import * as approvals from './approvals/messages';

import * as classview from './classview/messages';
export const MESSAGES = { shared, shell, pwa, home, customers, sales, orders, finance, office, service, pipeline, work, analysis, org, settings, sync, recovery, marketing, approvals, surveys, classroom, classview };

type Modules = typeof MESSAGES;
/** Every message key of every module (the union of the modules' zh tables). */
export type MessageKey = { [M in keyof Modules]: keyof Modules[M]['zh'] & string }[keyof Modules];
/** The English tables, one per module, each with exactly its zh table's keys (ui/messages.en.ts). */
export type EnglishTables = { [M in keyof Modules]: { en: Record<keyof Modules[M]['zh'], string> } };
