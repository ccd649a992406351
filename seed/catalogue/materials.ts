/**
 * Materials many items ask for. They live here, not in `service-items.ts`, because that file gathers
 * the catalogue files and they need these values while it is still loading.
 */
export const ID_CARD: [name: string, required: boolean, replaceableBy?: string] = ['居民身份证', true, 'data:population'];
export const LICENCE: [name: string, required: boolean, replaceableBy?: string] = ['营业执照', true, 'licence:business_licence'];
