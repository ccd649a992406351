/** Compile-time check that `Answer` finds real answers (a wrong path or status would be `never`, which type-checks silently everywhere). */
import type { Answer } from './client';
type IsNever<T> = [T] extends [never] ? true : false;
export const a: IsNever<Answer<'/api/org/staff'>['items'][number]> = false;
export const b: IsNever<Answer<'/api/cases', 'post', 201>> = false;
export const c: IsNever<Answer<'/signin/interaction/{uid}/details'>> = false;
export const d: IsNever<Answer<'/api/licenses/{id}'>> = false;
export const e: IsNever<Answer<'/api/identity/me/profile'>['username']> = false;
