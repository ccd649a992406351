import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/** CPU profile of this process between start and stop (open the file in Chrome DevTools). */
export async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
