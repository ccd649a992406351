import { DomainError } from '../http/errors.ts';

/** No database connection could be had in time: the caller should retry shortly (503). */
export const databaseBusy = () => new DomainError('DATABASE_BUSY', 503, '系统繁忙，请稍后再试', 'The service is busy; please try again shortly');
