/**
 * Every module's English message table (ui/<module>/messages.en.ts), in the order of
 * ui/messages.ts. A new module adds one line here and one there; tsc checks that this list names
 * the same modules and that each table has exactly its zh table's keys. Only ui/i18n imports this,
 * dynamically: English is a chunk of its own, loaded the first time it is needed, so the first
 * load (Chinese by default) does not carry it.
 */
import type { EnglishTables } from './messages';
import * as shared from './shared/messages.en';
import * as shell from './shell/messages.en';
import * as pwa from './pwa/messages.en';
import * as home from './home/messages.en';
import * as customers from './customers/messages.en';
import * as sales from './sales/messages.en';
import * as orders from './orders/messages.en';
import * as service from './service/messages.en';
import * as pipeline from './pipeline/messages.en';
import * as work from './work/messages.en';
import * as analysis from './analysis/messages.en';
import * as org from './org/messages.en';
import * as settings from './settings/messages.en';
import * as sync from './sync/messages.en';
import * as recovery from './recovery/messages.en';
import * as finance from './finance/messages.en';
import * as office from './office/messages.en';
import * as surveys from './surveys/messages.en';
import * as marketing from './marketing/messages.en';
import * as classroom from './classroom/messages.en';
import * as approvals from './approvals/messages.en';

import * as classview from './classview/messages.en';
export const MESSAGES_EN: EnglishTables = { shared, shell, pwa, home, customers, sales, orders, finance, office, service, pipeline, work, analysis, org, settings, sync, recovery, marketing, approvals, surveys, classroom, classview };
