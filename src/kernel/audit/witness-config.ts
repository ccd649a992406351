import path from 'node:path';
import type { Config } from '../config/index.ts';
import { FileWitness, S3Witness, type AuditWitness } from './witness.ts';

/** The witness the configuration names (`auditWitness`); the S3 one falls back to the file store's endpoint and keys. */
export function witnessFor(config: Config): AuditWitness {
  if (config.auditWitness === 's3') {
    return new S3Witness({
      endpoint: (config.auditWitnessS3Endpoint ?? config.s3Endpoint)!,
      bucket: config.auditWitnessS3Bucket!,
      region: config.auditWitnessS3Region ?? config.s3Region,
      accessKeyId: (config.auditWitnessS3AccessKeyId ?? config.s3AccessKeyId)!,
      secretAccessKey: (config.auditWitnessS3SecretAccessKey ?? config.s3SecretAccessKey)!,
      retentionDays: config.auditWitnessRetentionDays,
    });
  }
  return new FileWitness(path.resolve(config.dataDir, config.auditWitnessPath ?? 'audit-witness.jsonl'));
}
