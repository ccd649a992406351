import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from './types';

/** The answer of a verification: the verdict first, in words, then the licence and the seal. */
export function VerdictCard({ result }: { result: VerifyResult }) {
  const { t, i18n } = useTranslation();
  const l = result.licence;
  return (
    <Alert
      role="status"
      type={result.verdict === 'genuine' ? 'success' : result.verdict === 'expired' ? 'warning' : 'error'}
      showIcon
      title={<strong data-verdict={result.verdict}>{t(`lic.verdicts.${result.verdict}`)}</strong>}
      description={
        <>
          <p style={{ margin: '4px 0 8px' }}>{i18n.language === 'en' ? result.en : result.zh}</p>
          {l && (
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('lic.type')}>{l.name}</Descriptions.Item>
              <Descriptions.Item label={t('lic.number')}>{l.licenceNo}</Descriptions.Item>
              <Descriptions.Item label={t('lic.holder')}>{t('lic.holderWithCode', { name: l.holderName, code: l.holderCode })}</Descriptions.Item>
              <Descriptions.Item label={t('lic.status')}>{t(`lic.statusNames.${l.statusCode}`, { defaultValue: l.status })}</Descriptions.Item>
              <Descriptions.Item label={t('lic.issuer')}>{l.issuerName}</Descriptions.Item>
              <Descriptions.Item label={t('lic.issuedOn')}>{l.issuedOn}</Descriptions.Item>
              <Descriptions.Item label={t('lic.validUntil')}>{l.validUntil ?? t('lic.forever')}</Descriptions.Item>
              <Descriptions.Item label={t('lic.version')}>{l.version}</Descriptions.Item>
              <Descriptions.Item label={t('lic.identifier')} span={2}>
                <code style={{ wordBreak: 'break-all' }}>{l.identifier}</code>
              </Descriptions.Item>
            </Descriptions>
          )}
          {result.seal && (
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('lic.seal')}>{t('lic.sealWithCode', { name: result.seal.name, code: result.seal.code })}</Descriptions.Item>
              {result.seal.signedAt && <Descriptions.Item label={t('lic.signedAt')}>{new Date(result.seal.signedAt).toLocaleString(i18n.language)}</Descriptions.Item>}
            </Descriptions>
          )}
        </>
      }
    />
  );
}
