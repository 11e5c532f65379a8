/** Messages of ui/home in English: exactly the keys of the Chinese table in messages.ts (tsc checks). Loaded only when English is chosen (ui/messages.en.ts). */
import type { zh } from './messages';

export const en: Record<keyof typeof zh, string> = {
  'nav.home': 'My work',
  'home.welcome': 'Hello, {name}',
  'home.recent': 'Recently updated customers',
  'home.sample': 'Load sample company',
  'home.sampleLoaded': 'Sample company loaded',
  'home.sampleLoading': 'Loading sample data…',
  'home.shortcuts': 'Shortcuts: Alt+A add · Alt+E edit · Alt+D delete · Enter open · Esc cancel',
  'home.firstSteps': "Getting started: four steps",
  'home.firstStepsHint': "This workspace has no data yet. Start with the steps below, or load the sample company to look around.",
  'home.stepOrg': "Set up departments and users",
  'home.stepOrgHint': "Create departments, add a user for each member and give them a role.",
  'home.stepImport': "Import customers",
  'home.stepImportHint': "Import existing customers from a CSV or Excel sheet, or add them one by one.",
  'home.stepInvite': "Invite members",
  'home.stepInviteHint': "Send members the join code so their devices sync this workspace.",
  'home.stepSampleHint': "Load a software vendor with a year of data, for demos and practice.",
};
