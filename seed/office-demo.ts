import type { Platform } from '../src/platform.ts';
import { seedOfficeArchives } from './office/archives.ts';
import { seedOfficeDocuments } from './office/documents.ts';
import { seedOfficeDuty } from './office/duty.ts';
import { seedOfficeIncoming } from './office/incoming.ts';
import { seedOfficeMeetings } from './office/meetings.ts';
import { seedOfficeSupervision } from './office/supervision.ts';

/**
 * 一网协同 for the demo: a few 公文 at different steps, tasks with every light, a meeting, this
 * month's rota and archived packages, so each office role finds work on first sign-in. Kept small:
 * every browser-test run seeds it.
 */
export async function seedOffice(p: Platform, deptIds: Map<string, string>): Promise<void> {
  await seedOfficeDocuments(p, deptIds);
  await seedOfficeIncoming(p, deptIds);
  await seedOfficeSupervision(p, deptIds);
  await seedOfficeMeetings(p, deptIds);
  await seedOfficeDuty(p, deptIds);
  await seedOfficeArchives(p, deptIds);
}
