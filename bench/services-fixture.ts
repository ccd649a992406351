/** What the 一网通办 benches submit with: a department, a verified applicant, an item and an uploaded material. */
import { Readable } from 'node:stream';
import { makeCitizenId } from '../src/kernel/ids/index.ts';
import { SYSTEM_PRINCIPAL } from '../src/modules/identity/index.ts';
import { populationRow } from '../src/modules/data/index.ts';
import type { Platform } from '../src/platform.ts';
import { itemContent } from '../src/testing/services.ts';
import { samplePdf } from '../src/testing/samples.ts';

export async function submissionFixture(p: Platform) {
  const k = p.kernel;
  const dept = await p.org.service.createDepartment(SYSTEM_PRINCIPAL, { regionCode: '152201', code: 'SCJG', name: '市场监督管理局' });
  const idNumber = makeCitizenId('152201', '1985-06-15', 31);
  await k.db
    .insertInto('data_population')
    .values(populationRow(k, { name: '王建国', idNumber, regionCode: '152201' }))
    .execute();
  const citizen = await p.identity.people.createVerified({ username: 'bench.citizen', password: 'Bench2026pass', phone: '13904829999', name: '王建国', idNumber });
  const citizenToken = (await p.identity.service.signIn('bench.citizen', 'Bench2026pass', 'bench')).token;
  const item = await p.services.catalogue.create(SYSTEM_PRINCIPAL, { code: 'XK-BENCH', regionCode: '152201', content: itemContent(dept.id) });
  const file = await k.db
    .transaction()
    .execute((trx) => k.files.save(trx, { stream: Readable.from([samplePdf('bench')]), name: 'p.pdf', declaredMime: 'application/pdf', ownerId: citizen.id, regionCode: '152201' }));
  /** The body of one submission (POST /api/services/applications). */
  const submitBody = JSON.stringify({ itemId: item.id, form: { shopName: '压测烧烤店', capital: 1000 }, materials: [{ code: 'premises', fileId: file.id }] });
  return { dept, citizen, citizenToken, item, file, submitBody };
}
