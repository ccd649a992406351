import { sql } from 'kysely';
import { cstDate } from '../../../kernel/calendar/index.ts';
import { moduleOwner } from '../../../kernel/files/index.ts';
import { assertAllowed } from '../../../kernel/policy/index.ts';
import { noEffect, type ActionHandler, type RecordKind } from '../../../kernel/workflow/index.ts';
import { DocumentErrors } from './errors.ts';
import { DOCUMENT_DISTRIBUTED, DOCUMENT_STEPPED } from './events.ts';
import { DOCUMENT_LOG, type DocRow, type Documents } from './service.ts';
import { documentsDb } from './tables.ts';
import { PERMISSION_OF, docNumberOf } from './workflow.ts';

/** A step's input as the engine sees it. */
export interface DocActionInput {
  action: string;
  expectedVersion?: number;
  opinion?: string;
  outcome?: string;
  reason?: string;
}
type Handler = ActionHandler<DocRow, DocActionInput>;

function handlers(docs: Documents): Record<string, Handler> {
  const { k, ports } = docs.ctx;

  /** 核稿 passed with 会签 departments: each gets one pending answer (a re-review after a return starts afresh). */
  const toCountersign: Handler = ({ row }) => ({
    after: async (trx) => {
      const db = documentsDb(trx);
      await db.deleteFrom('office_document_countersign').where('document_id', '=', row.id).execute();
      await db
        .insertInto('office_document_countersign')
        .values(row.content.countersignDepartmentIds.map((d) => ({ document_id: row.id, department_id: d, region_code: row.region_code })))
        .execute();
    },
  });

  /** 会签: the department's answer is kept once; a second answer finds no pending row and is refused. */
  const countersign: Handler = ({ who, row, input, now }) => ({
    payload: { departmentId: who.departmentId },
    after: async (trx) => {
      const done = await documentsDb(trx)
        .updateTable('office_document_countersign')
        .set({ state: input.outcome === 'agree' ? 'agreed' : 'disagreed', opinion: input.opinion ?? null, actor_id: who.accountId, actor_name: who.name, text_version: row.text_version, at: now })
        .where('document_id', '=', row.id)
        .where('department_id', '=', who.departmentId ?? '00000000-0000-0000-0000-000000000000')
        .where('state', '=', 'pending')
        .returning('department_id')
        .execute();
      if (!done.length) throw DocumentErrors.alreadyCountersigned();
    },
  });

  /**
   * 编号: the next number of the (region, 机关代字, year) sequence. The sequence row is locked by the
   * upsert until the step commits, so two clerks numbering at once get consecutive numbers; a step
   * that loses its write rolls its number back with it, so no number is skipped.
   */
  const number: Handler = ({ row, now }) => {
    const year = Number(cstDate(now).slice(0, 4));
    return {
      before: async (trx) => {
        const r = await sql<{ last: number }>`
          INSERT INTO office_document_numbering (region_code, doc_word, year, last) VALUES (${row.region_code}, ${row.doc_word}, ${year}, 1)
          ON CONFLICT (region_code, doc_word, year) DO UPDATE SET last = office_document_numbering.last + 1
          RETURNING last`.execute(trx);
        const seq = Number(r.rows[0].last);
        return { doc_year: year, doc_seq: seq, doc_number: docNumberOf(row.doc_word, year, seq) };
      },
    };
  };

  /** 用印: the rendered PDF sealed by the licences module's seal of the issuing unit, in the step's transaction. */
  const seal: Handler = async ({ who, row, now }) => {
    const sealer = ports.sealer;
    if (!sealer) throw DocumentErrors.sealerUnavailable();
    if (row.sealed_file_id) throw DocumentErrors.alreadySealed();
    const pdf = await docs.renderPdf(row, now);
    const payload: Record<string, unknown> = {};
    return {
      payload,
      before: async (trx) => {
        const s = await sealer.seal(trx, {
          who,
          departmentId: row.issuing_department_id,
          pdf,
          title: row.title,
          fileName: `${row.doc_number ?? row.title}.pdf`,
          ownerId: moduleOwner('office'),
          regionCode: row.region_code,
          reference: row.doc_number ?? row.id,
        });
        Object.assign(payload, { identifier: s.identifier, fileId: s.fileId, sealName: s.sealName, documentHash: s.documentHash });
        return { sealed_identifier: s.identifier, sealed_file_id: s.fileId, seal_name: s.sealName, sealed_at: new Date(s.sealedAt) };
      },
    };
  };

  /** 分发: the 收文 area hears of it (inbox entries); units outside the platform get the sealed file. */
  const distribute: Handler = async ({ row, now }) => {
    const c = row.content;
    const issuer = (await docs.ctx.org.departmentNames([row.issuing_department_id])).get(row.issuing_department_id);
    const event = {
      id: row.id,
      docNumber: row.doc_number!,
      title: c.title,
      docType: c.docType,
      issuingDepartmentId: row.issuing_department_id,
      issuingDepartmentName: issuer?.name ?? '',
      fileId: row.sealed_file_id!,
      urgency: c.urgency,
      secrecy: c.secrecy,
      recipients: [...c.mainRecipients.map((d) => ({ departmentId: d, kind: 'main' as const })), ...c.ccRecipients.map((d) => ({ departmentId: d, kind: 'cc' as const }))],
      externalRecipients: c.externalRecipients,
      distributedAt: now.toISOString(),
    };
    return {
      set: { distributed_at: now },
      payload: { recipients: event.recipients.length, externalRecipients: c.externalRecipients },
      after: async (trx) => void (await k.events.publish(trx, DOCUMENT_DISTRIBUTED, row.region_code, event)),
    };
  };

  return {
    submit: noEffect,
    review_pass: toCountersign,
    review_pass_direct: noEffect,
    review_return: noEffect,
    countersign,
    countersign_last: countersign,
    sign: ({ who, now }) => ({ set: { signed_by: who.accountId, signed_by_name: who.name, signed_at: now } }),
    sign_return: noEffect,
    number,
    seal,
    distribute,
  };
}

/** 公文 as a record kind of the kernel's action engine. */
export function documentKind(docs: Documents): RecordKind<DocRow, DocActionInput> {
  const { policy } = docs.ctx;
  return {
    objectType: 'office.document',
    table: 'office_document',
    log: DOCUMENT_LOG,
    topic: DOCUMENT_STEPPED,
    handlers: handlers(docs),
    load: (who, id) => docs.visibleRow(who, id),
    actorOf: (who, row) => {
      assertAllowed(policy, who, 'office.use', { regionCode: row.region_code });
      return { kind: 'staff', roles: who.roles, departmentId: who.departmentId };
    },
    definition: (row) => docs.workflows.get(row.workflow_version),
    units: (row) => row.issuing_department_id,
    /** Deny by default: each step's permission, in the unit it is taken in; only the drafter submits. */
    guard: (who, row, action) => {
      const departmentId = action.unit === 'region' ? who.departmentId : row.issuing_department_id;
      assertAllowed(policy, who, PERMISSION_OF[action.code] ?? 'office.manage', { regionCode: row.region_code, departmentId });
      if (action.code === 'submit' && who.accountId !== row.drafter_id) throw DocumentErrors.notDrafter();
    },
    opinionOf: (input) => input.opinion ?? input.reason ?? null,
    /** Every step keeps the text version it saw and its outcome. */
    payloadOf: ({ row, input, action }, set) => ({
      textVersion: row.text_version,
      outcome: input.outcome ?? action.outcome ?? null,
      reason: input.reason ?? null,
      ...(set.doc_number ? { docNumber: set.doc_number } : {}),
    }),
    eventOf: ({ row }, set) => ({ issuingDepartmentId: row.issuing_department_id, title: row.title, docNumber: (set.doc_number as string | undefined) ?? row.doc_number }),
    errors: { notInState: DocumentErrors.notInState, stateChanged: DocumentErrors.changed },
  };
}
