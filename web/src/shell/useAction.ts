import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api';

/**
 * Runs a write against the API the same way on every admin page: a success message, a refresh of
 * the affected queries (those whose first key starts with `refresh`), or the server's error in the
 * user's language. Resolves to whether it succeeded. `done` may be a function, read after the write
 * succeeded, when the message names what the write returned (e.g. the new case's number).
 */
export function useAction(refresh: string) {
  const { message } = App.useApp();
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  return async (fn: () => Promise<unknown>, done: string | (() => string)): Promise<boolean> => {
    try {
      await fn();
      message.success(typeof done === 'function' ? done() : done);
      await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(refresh) });
      return true;
    } catch (err) {
      message.error(errorText(err, i18n.language));
      return false;
    }
  };
}
