/**
 * The product's UI modules (ui/<module>/manifest.ts). A new module adds ONE line here; the
 * router (App.tsx), the side navigation (Shell.tsx) and the customer page's sections are built
 * from this list. Navigation order comes from each entry's group and item `order`, not from
 * this list. Messages have their own list (ui/messages.ts).
 */
import type { UiManifest } from './shared/module';
import { homeUi } from './home/manifest';
import { customersUi } from './customers/manifest';
import { salesUi } from './sales/manifest';
import { ordersUi } from './orders/manifest';
import { serviceUi } from './service/manifest';
import { pipelineUi } from './pipeline/manifest';
import { workUi } from './work/manifest';
import { analysisUi } from './analysis/manifest';
import { financeUi } from './finance/manifest';
import { officeUi } from './office/manifest';
import { orgUi } from './org/manifest';
import { settingsUi } from './settings/manifest';
import { syncUi } from './sync/manifest';
import { recoveryUi } from './recovery/manifest';
import { marketingUi } from './marketing/manifest';
import { approvalsUi } from './approvals/manifest';
import { surveysUi } from './surveys/manifest';
import { classroomUi } from './classroom/manifest';
import { classViewUi } from './classroom/class-manifest';

export const UI_MODULES: readonly UiManifest[] = [
  homeUi,
  customersUi,
  salesUi,
  ordersUi,
  serviceUi,
  pipelineUi,
  workUi,
  analysisUi,
  financeUi,
  officeUi,
  orgUi,
  settingsUi,
  syncUi,
  recoveryUi,
  marketingUi,
  approvalsUi,
  surveysUi,
  classroomUi,
  classViewUi,
];
