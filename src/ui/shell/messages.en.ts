/** Messages of ui/shell in English: exactly the keys of the Chinese table in messages.ts (tsc checks). Loaded only when English is chosen (ui/messages.en.ts). */
import type { zh } from './messages';

export const en: Record<keyof typeof zh, string> = {
  'app.name': 'Keyuan CRM',
  'app.tagline': 'CRM without a server: works offline, syncs directly between classmates',
  'welcome.title': 'Welcome to Keyuan CRM',
  'welcome.workspaces': 'Workspaces on this device',
  'welcome.noWorkspaces': 'No workspace on this device yet. Create one for your class group or company.',
  'welcome.create': 'Create workspace',
  'welcome.open': 'Open',
  'welcome.workspaceName': 'Workspace name (class group or company)',
  'welcome.yourName': 'Your name (the first user, administrator)',
  'welcome.step1': 'Step 1: name the workspace',
  'welcome.step2': 'Step 2: who are you',
  'welcome.next': 'Next',
  'welcome.nameRequired': 'Please enter a name',
  'nav.workspaces': 'Switch workspace',
  'shell.changeUser': 'Change user',
  'shell.menu': 'Menu',
  'shell.syncStarting': 'Connecting…',
  'shell.actingAs': 'Acting as',
  'shell.role': 'Role',
  'shell.offline': 'Offline',
  'shell.online': 'Online',
  'shell.chooseUser': 'Choose the user to act as',
  'shell.noRole': 'No role',
};
