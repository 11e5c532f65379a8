import { localDb } from '../core/local-db';

/** The lab guide panel on this device: open or not, and which experiment or exercise it shows (Dexie `settings`, never synced). */
export interface GuidePrefs { open: boolean; guide?: string }

const key = (workspaceId: string) => `lab-guide:${workspaceId}`;

export async function loadGuidePrefs(workspaceId: string): Promise<GuidePrefs> {
  const v = (await localDb().settings.get(key(workspaceId)))?.value as Partial<GuidePrefs> | undefined;
  return { open: v?.open === true, guide: typeof v?.guide === 'string' ? v.guide : undefined };
}

export async function saveGuidePrefs(workspaceId: string, prefs: GuidePrefs): Promise<void> {
  await localDb().settings.put({ key: key(workspaceId), value: prefs });
}
