import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RouteTabs } from '../../shell/RouteTabs';
import { AppReview } from './community/AppReview';
import { CommentReview } from './community/CommentReview';
import { DemandAnswers } from './community/DemandAnswers';
import { ProductList } from './community/ProductList';

/** Comments to review, 数据需求 to answer (with due dates), apps to review, 授权运营 products to keep (/workbench/opendata/community/<tab>). */
export function CommunityAdminPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const active = ['comments', 'demands', 'apps', 'products'].includes(sub) ? sub : 'comments';
  return (
    <RouteTabs
      label={t('odcom.workbench')}
      activeKey={active}
      onChange={(k) => navigate(`/workbench/opendata/community/${k}`)}
      items={[
        { key: 'comments', label: t('odcom.admin.comments'), children: <CommentReview /> },
        { key: 'demands', label: t('odcom.admin.demands'), children: <DemandAnswers /> },
        { key: 'apps', label: t('odcom.admin.apps'), children: <AppReview /> },
        { key: 'products', label: t('odcom.admin.products'), children: <ProductList /> },
      ]}
    />
  );
}
